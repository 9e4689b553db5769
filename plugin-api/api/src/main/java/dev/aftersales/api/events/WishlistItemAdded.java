package dev.aftersales.api.events;

/** Published by the wishlist feature when a customer adds a variant to one of their lists. */
public record WishlistItemAdded(String customerId, String variantId) implements Event {
}
