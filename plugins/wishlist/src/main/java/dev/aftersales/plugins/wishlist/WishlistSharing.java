package dev.aftersales.plugins.wishlist;

import static dev.aftersales.plugins.wishlist.SecretTokens.SHARE_NONCE_BYTES;

import dev.aftersales.api.FeatureContext;
import dev.aftersales.api.Wiring;
import dev.aftersales.api.graphql.FieldCall;
import dev.aftersales.api.graphql.UserError;
import dev.aftersales.plugins.wishlist.Payloads.SharePayload;
import dev.aftersales.plugins.wishlist.Payloads.WishlistPayload;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Read-only sharing of a customer's list by link. The link's token is signed by the host ({@code shop.links()}) over
 * the list id and the list's share nonce, so it cannot be forged, guessed or moved to another shop, and nothing
 * secret is stored. {@code wishlistUnshare} clears the nonce and a later {@code wishlistShare} sets a new one: every
 * earlier token stops working. Guest lists cannot be shared (they are short-lived and would outlive no login).
 */
final class WishlistSharing {

    /** The {@link dev.aftersales.api.Links} purpose: a token signed for anything else is not a share token. */
    static final String PURPOSE = "wishlist-share";

    private final SecretTokens tokens;

    WishlistSharing(SecretTokens tokens) {
        this.tokens = tokens;
    }

    void register(Wiring wiring) {
        wiring.mutation("wishlistShare", this::share);
        wiring.mutation("wishlistUnshare", this::unshare);
        wiring.query("sharedWishlist", this::sharedWishlist);
        wiring.field("Wishlist", "shared", call -> isShared(call.shop(), call.source()));
        wiring.field("Wishlist", "shareToken", call -> shareToken(call.shop(), call.source()));
    }

    /** Shares the list (again, the same link, when it is shared already) and returns the link's token. */
    SharePayload share(FieldCall call) {
        FeatureContext shop = call.shop();
        Owner owner = new Owner.Customer(call.viewer().requireCustomer());
        if (!WishlistSettings.of(shop.settings()).sharingEnabled()) {
            return SharePayload.failed(UserError.of(UserErrors.SHARING_DISABLED,
                    "This shop does not allow sharing wishlists", "input", "wishlistId"));
        }
        Optional<Long> listId = Input.of(call).id("Wishlist", "wishlistId");
        if (listId.isEmpty()) {
            return SharePayload.failed(listNotFound());
        }
        Instant now = shop.clock().instant();
        return shop.inTransaction(tx -> {
            WishlistRepository lists = WishlistRepository.in(tx, shop);
            Optional<Wishlist> found = lists.lockList(owner, listId.get());
            if (found.isEmpty()) {
                return SharePayload.failed(listNotFound());
            }
            Wishlist list = found.get().shareActive()
                    ? found.get()
                    : lists.setShareNonce(found.get(), tokens.next(SHARE_NONCE_BYTES), now);
            return new SharePayload(list, sign(shop, list), List.of());
        });
    }

    /** Revokes every share link of the list. Unsharing a list that is not shared is not an error. */
    WishlistPayload unshare(FieldCall call) {
        FeatureContext shop = call.shop();
        Owner owner = new Owner.Customer(call.viewer().requireCustomer());
        Optional<Long> listId = Input.of(call).id("Wishlist", "wishlistId");
        if (listId.isEmpty()) {
            return WishlistPayload.failed(listNotFound());
        }
        Instant now = shop.clock().instant();
        return shop.inTransaction(tx -> {
            WishlistRepository lists = WishlistRepository.in(tx, shop);
            return lists.lockList(owner, listId.get())
                    .map(list -> list.shareActive() ? lists.setShareNonce(list, null, now) : list)
                    .map(WishlistPayload::ok)
                    .orElseGet(() -> WishlistPayload.failed(listNotFound()));
        });
    }

    /** {@code Query.sharedWishlist}: null for a forged, foreign, revoked or malformed token, or sharing switched off. */
    Wishlist sharedWishlist(FieldCall call) {
        FeatureContext shop = call.shop();
        String token = call.argument("token");
        if (token == null || token.isBlank() || !WishlistSettings.of(shop.settings()).sharingEnabled()) {
            return null;
        }
        return shop.links().verify(PURPOSE, token)
                .flatMap(ShareSubject::parse)
                .flatMap(subject -> WishlistRepository.of(shop).sharedList(subject.listId(), subject.nonce()))
                .orElse(null);
    }

    /** Whether the list's share link works now: shared by its owner, and sharing allowed in the shop. */
    boolean isShared(FeatureContext shop, Wishlist list) {
        return list.shareActive() && WishlistSettings.of(shop.settings()).sharingEnabled();
    }

    /**
     * The token of the list's working share link, or null. Signed on each read: every token signed for the current
     * nonce is valid, whether or not signing gives the same string twice.
     */
    String shareToken(FeatureContext shop, Wishlist list) {
        return isShared(shop, list) ? sign(shop, list) : null;
    }

    private static String sign(FeatureContext shop, Wishlist list) {
        return shop.links().sign(PURPOSE, new ShareSubject(list.id(), list.shareNonce()).encode(), null);
    }

    private static UserError listNotFound() {
        return UserErrors.notFound("wishlist", "input", "wishlistId");
    }
}
