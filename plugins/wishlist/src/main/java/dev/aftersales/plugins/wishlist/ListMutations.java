package dev.aftersales.plugins.wishlist;

import dev.aftersales.api.FeatureContext;
import dev.aftersales.api.Wiring;
import dev.aftersales.api.graphql.FieldCall;
import dev.aftersales.api.graphql.GlobalId;
import dev.aftersales.api.graphql.UserError;
import dev.aftersales.plugins.wishlist.Payloads.WishlistDeletePayload;
import dev.aftersales.plugins.wishlist.Payloads.WishlistPayload;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Mutations on whole lists: {@code wishlistCreate}, {@code wishlistRename}, {@code wishlistDelete} and
 * {@code wishlistClear}. Input is checked before the transaction; limits are checked inside it, on locked rows.
 * A list id that is malformed, unknown or someone else's gives the same {@code NOT_FOUND}.
 */
final class ListMutations {

    private final GuestWishlists guests;

    ListMutations(GuestWishlists guests) {
        this.guests = guests;
    }

    void register(Wiring wiring) {
        wiring.mutation("wishlistCreate", this::create);
        wiring.mutation("wishlistRename", this::rename);
        wiring.mutation("wishlistDelete", this::delete);
        wiring.mutation("wishlistClear", this::clear);
    }

    /** A new named list; the customer's first list becomes the default. */
    WishlistPayload create(FieldCall call) {
        FeatureContext shop = call.shop();
        String customerId = call.viewer().requireCustomer();
        String name = WishlistRules.normalizeName(Input.of(call).string("name"));
        Optional<UserError> invalid = WishlistRules.checkName(name);
        if (invalid.isPresent()) {
            return WishlistPayload.failed(invalid.get());
        }
        int maxLists = WishlistSettings.of(shop.settings()).maxListsPerCustomer();
        Instant now = shop.clock().instant();
        return shop.inTransaction(tx -> {
            WishlistRepository lists = WishlistRepository.in(tx, shop);
            List<Wishlist> existing = lists.lockListsOf(customerId);
            Optional<UserError> full = WishlistRules.checkListLimit(existing.size(), maxLists);
            if (full.isPresent()) {
                return WishlistPayload.failed(full.get());
            }
            return WishlistPayload.ok(lists.insertList(new Owner.Customer(customerId), name, existing.isEmpty(), now));
        });
    }

    WishlistPayload rename(FieldCall call) {
        FeatureContext shop = call.shop();
        Owner owner = new Owner.Customer(call.viewer().requireCustomer());
        Input input = Input.of(call);
        String name = WishlistRules.normalizeName(input.string("name"));
        Optional<UserError> invalid = WishlistRules.checkName(name);
        if (invalid.isPresent()) {
            return WishlistPayload.failed(invalid.get());
        }
        Optional<Long> listId = input.id("Wishlist", "wishlistId");
        if (listId.isEmpty()) {
            return WishlistPayload.failed(listNotFound());
        }
        Instant now = shop.clock().instant();
        return shop.inTransaction(tx -> {
            WishlistRepository lists = WishlistRepository.in(tx, shop);
            return lists.lockList(owner, listId.get())
                    .map(list -> WishlistPayload.ok(lists.rename(list, name, now)))
                    .orElseGet(() -> WishlistPayload.failed(listNotFound()));
        });
    }

    /** Deletes a list with its items; when it was the default, the oldest remaining list becomes the default. */
    WishlistDeletePayload delete(FieldCall call) {
        FeatureContext shop = call.shop();
        String customerId = call.viewer().requireCustomer();
        Owner owner = new Owner.Customer(customerId);
        Optional<Long> listId = Input.of(call).id("Wishlist", "wishlistId");
        if (listId.isEmpty()) {
            return WishlistDeletePayload.failed(listNotFound());
        }
        Instant now = shop.clock().instant();
        return shop.inTransaction(tx -> {
            WishlistRepository lists = WishlistRepository.in(tx, shop);
            // all of the customer's lists, locked: the default may move to another one
            List<Wishlist> all = lists.lockListsOf(customerId);
            Optional<Wishlist> doomed = all.stream().filter(list -> list.id() == listId.get()).findFirst();
            if (doomed.isEmpty()) {
                return Outcome.of(WishlistDeletePayload.failed(listNotFound()));
            }
            List<String> variants = variantsOf(lists.itemsOfList(listId.get()));
            lists.deleteList(listId.get());
            if (doomed.get().isDefault()) {
                all.stream().filter(list -> list.id() != listId.get()).findFirst()
                        .ifPresent(next -> lists.makeDefault(next, now));
            }
            var payload = new WishlistDeletePayload(GlobalId.encode("Wishlist", listId.get()), List.of());
            return Outcome.of(payload,
                    WishlistEvents.removed(owner, variants, lists.variantsWishedBy(owner, variants)));
        }).publish(shop);
    }

    /** Removes every item of a list; guests clear their list with their {@code guestToken}. */
    WishlistPayload clear(FieldCall call) {
        FeatureContext shop = call.shop();
        Input input = Input.of(call);
        Optional<Owner> owner = guests.ownerOf(call, input);
        if (owner.isEmpty()) {
            return WishlistPayload.failed(UserErrors.notFound("guest wishlist", "input", "guestToken"));
        }
        Optional<Long> listId = input.id("Wishlist", "wishlistId");
        if (listId.isEmpty()) {
            return WishlistPayload.failed(listNotFound());
        }
        Instant now = shop.clock().instant();
        return shop.inTransaction(tx -> {
            WishlistRepository lists = WishlistRepository.in(tx, shop);
            Optional<Wishlist> list = lists.lockList(owner.get(), listId.get());
            if (list.isEmpty()) {
                return Outcome.of(WishlistPayload.failed(listNotFound()));
            }
            List<String> variants = variantsOf(lists.itemsOfList(listId.get()));
            lists.deleteItemsOfList(listId.get());
            Wishlist cleared = lists.touch(list.get(), now);
            return Outcome.of(WishlistPayload.ok(cleared),
                    WishlistEvents.removed(owner.get(), variants, lists.variantsWishedBy(owner.get(), variants)));
        }).publish(shop);
    }

    private static UserError listNotFound() {
        return UserErrors.notFound("wishlist", "input", "wishlistId");
    }

    private static List<String> variantsOf(List<WishlistItem> items) {
        return items.stream().map(WishlistItem::variantId).toList();
    }
}
