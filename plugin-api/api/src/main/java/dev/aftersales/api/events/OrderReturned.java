package dev.aftersales.api.events;

/** An order was returned or cancelled, wholly or in part. */
public record OrderReturned(String orderId, String customerId) implements Event {
}
