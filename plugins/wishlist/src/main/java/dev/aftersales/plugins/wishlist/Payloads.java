package dev.aftersales.plugins.wishlist;

import dev.aftersales.api.graphql.UserError;
import dev.aftersales.api.platform.Cart;
import java.util.List;

/**
 * The payloads of the wishlist mutations, as the schema fragment declares them. Each has {@code userErrors}; on a
 * user error the result fields are null and nothing was changed (except for the guest merge, which keeps what fits
 * and lists the rest as errors, and the cart, which takes the available items and lists the rest as errors). Public
 * because the host reads their components by reflection.
 */
public final class Payloads {

    private Payloads() {
    }

    /** {@code WishlistCreatePayload}, {@code WishlistRenamePayload}, {@code WishlistClearPayload}, ... */
    public record WishlistPayload(Wishlist wishlist, List<UserError> userErrors) {

        static WishlistPayload ok(Wishlist wishlist) {
            return new WishlistPayload(wishlist, List.of());
        }

        static WishlistPayload failed(UserError error) {
            return new WishlistPayload(null, List.of(error));
        }
    }

    /** {@code WishlistDeletePayload}. */
    public record WishlistDeletePayload(String deletedWishlistId, List<UserError> userErrors) {

        static WishlistDeletePayload failed(UserError error) {
            return new WishlistDeletePayload(null, List.of(error));
        }
    }

    /** {@code WishlistItemAddPayload} and {@code WishlistItemUpdatePayload}. */
    public record ItemPayload(WishlistItem item, Wishlist wishlist, List<UserError> userErrors) {

        static ItemPayload failed(UserError error) {
            return new ItemPayload(null, null, List.of(error));
        }
    }

    /** {@code WishlistItemRemovePayload}. */
    public record ItemRemovePayload(String deletedItemId, Wishlist wishlist, List<UserError> userErrors) {

        static ItemRemovePayload failed(UserError error) {
            return new ItemRemovePayload(null, null, List.of(error));
        }
    }

    /** {@code WishlistSharePayload}. */
    public record SharePayload(Wishlist wishlist, String shareToken, List<UserError> userErrors) {

        static SharePayload failed(UserError error) {
            return new SharePayload(null, null, List.of(error));
        }
    }

    /** {@code GuestWishlistStartPayload}. */
    public record GuestStartPayload(String guestToken, Wishlist wishlist, List<UserError> userErrors) {

        static GuestStartPayload failed(UserError error) {
            return new GuestStartPayload(null, null, List.of(error));
        }
    }

    /** {@code WishlistMergeGuestPayload}. */
    public record MergeGuestPayload(Wishlist wishlist, int mergedItemCount, List<UserError> userErrors) {

        static MergeGuestPayload failed(UserError error) {
            return new MergeGuestPayload(null, 0, List.of(error));
        }
    }

    /**
     * {@code WishlistItemsToCartPayload}: the platform's cart ({@code WishlistCart}), with per-item errors for the
     * items left out; no cart when none could go in or the platform failed.
     */
    public record ItemsToCartPayload(Cart cart, List<UserError> userErrors) {

        static ItemsToCartPayload failed(UserError error) {
            return new ItemsToCartPayload(null, List.of(error));
        }
    }
}
