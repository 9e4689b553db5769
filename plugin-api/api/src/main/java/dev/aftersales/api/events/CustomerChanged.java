package dev.aftersales.api.events;

/** The shop created or updated a customer (e.g. a new e-mail address or locale). */
public record CustomerChanged(String customerId) implements Event {
}
