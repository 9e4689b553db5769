package dev.aftersales.plugins.wishlist;

import java.time.Instant;

/**
 * One variant on a wishlist as stored; the GraphQL source of the {@code WishlistItem} type (public and named like it
 * for the same reasons as {@link Wishlist}). The variant itself is not stored: it is resolved through the host's
 * catalog, so name, price and stock are always current.
 */
public record WishlistItem(long id, long listId, String variantId, int quantity, String note, Instant addedAt,
                           Instant updatedAt) {
}
