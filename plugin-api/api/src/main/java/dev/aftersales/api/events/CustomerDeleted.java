package dev.aftersales.api.events;

/** The shop deleted a customer: every feature erases what it keeps about them. */
public record CustomerDeleted(String customerId) implements Event {
}
