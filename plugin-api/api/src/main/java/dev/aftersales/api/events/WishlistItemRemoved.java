package dev.aftersales.api.events;

/** Published by the wishlist feature when a variant leaves the last of a customer's lists that held it. */
public record WishlistItemRemoved(String customerId, String variantId) implements Event {
}
