package dev.aftersales.plugins.wishlist;

import static dev.aftersales.plugins.wishlist.SecretTokens.GUEST_TOKEN_BYTES;

import dev.aftersales.api.FeatureContext;
import dev.aftersales.api.Wiring;
import dev.aftersales.api.graphql.FieldCall;
import dev.aftersales.api.graphql.UserError;
import dev.aftersales.plugins.wishlist.GuestRepository.GuestRow;
import dev.aftersales.plugins.wishlist.Payloads.GuestStartPayload;
import dev.aftersales.plugins.wishlist.Payloads.MergeGuestPayload;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Wishlists of guests, kept on the server until the guest signs in and merges them into the customer's default list.
 *
 * <p>A guest gets its token from {@code guestWishlistStart}: the server makes it (256 random bits) and stores only
 * its hash. The client does not make it up because a client-made token may be weak (a timestamp, a short or reused
 * random), because an unknown token would otherwise silently create lists for any string sent, and because with a
 * server-issued token every valid token is one the server handed out. The token is a bearer secret: whoever holds it
 * can change the guest's list, so the storefront keeps it like a session cookie.
 *
 * <p>Guest lists expire {@code guestRetentionDays} after their last use (a job deletes them). A merged guest stays
 * as a tombstone naming the customer, so that a second merge with the same token is refused; GDPR erase removes it.
 */
final class GuestWishlists {

    /** Bounded work per job run: a backlog is worked off over several runs. */
    private static final int EXPIRE_BATCH = 500;

    private final SecretTokens tokens;

    GuestWishlists(SecretTokens tokens) {
        this.tokens = tokens;
    }

    void register(Wiring wiring) {
        wiring.mutation("guestWishlistStart", this::start);
        wiring.mutation("wishlistMergeGuest", this::merge);
        wiring.query("guestWishlist", this::guestWishlist);
        wiring.job("expire-guest-wishlists", Duration.ofHours(1), this::expire);
    }

    /** {@code guestWishlistStart}: a new guest token with an empty guest list. */
    GuestStartPayload start(FieldCall call) {
        FeatureContext shop = call.shop();
        Input input = Input.of(call);
        String requested = input.string("name");
        String name = requested == null
                ? WishlistSettings.of(shop.settings()).defaultListName()
                : WishlistRules.normalizeName(requested);
        Optional<UserError> invalid = WishlistRules.checkName(name);
        if (invalid.isPresent()) {
            return GuestStartPayload.failed(invalid.get());
        }
        String token = tokens.next(GUEST_TOKEN_BYTES);
        Instant now = shop.clock().instant();
        Wishlist list = shop.inTransaction(tx -> {
            long guestId = GuestRepository.in(tx, shop).insert(SecretTokens.sha256(token), now);
            return WishlistRepository.in(tx, shop).insertList(new Owner.Guest(guestId), name, false, now);
        });
        return new GuestStartPayload(token, list, List.of());
    }

    /** {@code Query.guestWishlist}: the guest's list, or null for an unknown, expired or merged token. */
    Wishlist guestWishlist(FieldCall call) {
        FeatureContext shop = call.shop();
        return activeGuest(shop, call.argument("guestToken"))
                .flatMap(guest -> WishlistRepository.of(shop).listOfGuest(guest.id()))
                .orElse(null);
    }

    /**
     * Who a mutation acts for: the guest of {@code input.guestToken} when it is given, else the signed-in customer
     * (an {@code UNAUTHENTICATED} error for a guest without token). Empty when the guest token is unknown, expired
     * or already merged. Only reads: a change of the guest's list postpones its expiry ({@link
     * WishlistRepository#touch}).
     */
    Optional<Owner> ownerOf(FieldCall call, Input input) {
        String token = input.string("guestToken");
        if (token == null) {
            return Optional.of(new Owner.Customer(call.viewer().requireCustomer()));
        }
        return activeGuest(call.shop(), token).map(guest -> new Owner.Guest(guest.id()));
    }

    /**
     * {@code wishlistMergeGuest}: moves the guest's items into the signed-in customer's default list (created if
     * needed) in one transaction. Duplicates add their quantities (capped at the shop's maximum); new variants are
     * taken while the list has room and the rest is reported as {@code LIMIT_EXCEEDED}, one error per variant left
     * out. A token can be merged once: the second time gives {@code ALREADY_MERGED}.
     */
    MergeGuestPayload merge(FieldCall call) {
        FeatureContext shop = call.shop();
        String customerId = call.viewer().requireCustomer();
        String token = Input.of(call).string("guestToken");
        if (!SecretTokens.hasShape(token, GUEST_TOKEN_BYTES)) {
            return MergeGuestPayload.failed(UserErrors.notFound("guest wishlist", "input", "guestToken"));
        }
        WishlistSettings settings = WishlistSettings.of(shop.settings());
        Instant now = shop.clock().instant();
        Owner owner = new Owner.Customer(customerId);
        return shop.inTransaction(tx -> {
            GuestRepository guests = GuestRepository.in(tx, shop);
            WishlistRepository lists = WishlistRepository.in(tx, shop);
            lists.lockCustomer(customerId); // first, so that every later read sees the customer's current lists
            Optional<GuestRow> found = guests.lockByTokenHash(SecretTokens.sha256(token));
            if (found.isEmpty()) {
                return Outcome.of(MergeGuestPayload.failed(
                        UserErrors.notFound("guest wishlist", "input", "guestToken")));
            }
            GuestRow guest = found.get();
            if (guest.isMerged()) {
                return Outcome.of(MergeGuestPayload.failed(UserError.of(UserErrors.ALREADY_MERGED,
                        "This guest wishlist was already merged", "input", "guestToken")));
            }
            Optional<Wishlist> guestList = lists.lockListOfGuest(guest.id());
            List<WishlistItem> guestItems = guestList.map(list -> lists.itemsOfList(list.id())).orElse(List.of());
            guests.markMerged(guest.id(), customerId, now);
            guestList.ifPresent(list -> lists.deleteList(list.id()));
            if (guestItems.isEmpty()) {
                // nothing to merge: do not create an empty default list just for the login
                return Outcome.of(new MergeGuestPayload(lists.defaultListOf(customerId).orElse(null), 0, List.of()));
            }

            Wishlist target = lists.lockDefaultList(customerId, settings.defaultListName(), now);
            ItemMerge.Plan plan = ItemMerge.plan(lists.itemsOfList(target.id()), incoming(guestItems),
                    settings.maxItemsPerList(), settings.maxQuantityPerItem());
            List<String> inserted = lists.writePlan(target, plan, now);
            List<UserError> leftOut = new ArrayList<>();
            for (ItemMerge.Incoming skipped : plan.skipped()) {
                leftOut.add(UserErrors.limitExceeded("Variant " + skipped.variantId()
                        + " was not merged: a wishlist holds at most " + settings.maxItemsPerList() + " items",
                        "input", "guestToken"));
            }
            Wishlist merged = lists.touch(target, now);
            return Outcome.of(new MergeGuestPayload(merged, plan.merged(), leftOut),
                    WishlistEvents.added(owner, inserted));
        }).publish(shop);
    }

    /** Job: deletes guest lists unused for the retention period, and merge tombstones as old. */
    void expire(FeatureContext shop) {
        Instant cutoff = shop.clock().instant()
                .minus(Duration.ofDays(WishlistSettings.of(shop.settings()).guestRetentionDays()));
        shop.db().transaction(tx -> {
            GuestRepository guests = GuestRepository.in(tx, shop);
            guests.delete(guests.lockExpired(cutoff, EXPIRE_BATCH));
        });
    }

    private static Optional<GuestRow> activeGuest(FeatureContext shop, String token) {
        if (!SecretTokens.hasShape(token, GUEST_TOKEN_BYTES)) {
            return Optional.empty();
        }
        return GuestRepository.of(shop).byTokenHash(SecretTokens.sha256(token)).filter(guest -> !guest.isMerged());
    }

    private static List<ItemMerge.Incoming> incoming(List<WishlistItem> items) {
        return items.stream().map(item -> new ItemMerge.Incoming(item.variantId(), item.quantity(), item.note()))
                .toList();
    }
}
