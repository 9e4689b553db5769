package dev.aftersales.plugins.wishlist;

import java.time.Instant;

/**
 * One wishlist as stored: owned by a customer ({@code customerId}) or by a guest ({@code guestId}), never both.
 * It is also the GraphQL source of the {@code Wishlist} and {@code SharedWishlist} types: fields without a resolver
 * ({@code name}, {@code isDefault}, {@code createdAt}, {@code updatedAt}) are read from its components. It is public
 * and named like the GraphQL type because the host reads components by reflection and resolves interface types
 * ({@code Node}) by the simple class name.
 *
 * @param shareNonce null while the list is not shared; share links sign it, so changing or clearing it revokes them
 */
public record Wishlist(long id, String customerId, Long guestId, String name, boolean isDefault,
                       String shareNonce, Instant createdAt, Instant updatedAt) {

    /** Whether the owner has shared the list (the shop may still have sharing switched off). */
    public boolean shareActive() {
        return shareNonce != null;
    }
}
