package dev.aftersales.api.events;

/** A customer placed an order; the host's order mirror already holds it. */
public record OrderPlaced(String orderId, String customerId) implements Event {
}
