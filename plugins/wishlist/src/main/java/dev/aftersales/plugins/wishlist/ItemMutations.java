package dev.aftersales.plugins.wishlist;

import dev.aftersales.api.FeatureContext;
import dev.aftersales.api.Wiring;
import dev.aftersales.api.graphql.FieldCall;
import dev.aftersales.api.graphql.GlobalId;
import dev.aftersales.api.graphql.UserError;
import dev.aftersales.plugins.wishlist.Payloads.ItemPayload;
import dev.aftersales.plugins.wishlist.Payloads.ItemRemovePayload;
import dev.aftersales.plugins.wishlist.Payloads.WishlistPayload;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Mutations on items: {@code wishlistItemAdd}, {@code wishlistItemUpdate}, {@code wishlistItemRemove} (for customers,
 * and for guests with their {@code guestToken}), {@code wishlistItemsCopy} and {@code wishlistItemsMove} (customers
 * only). An item or list id that is malformed, unknown or someone else's gives the same {@code NOT_FOUND}; a user
 * error leaves everything as it was.
 */
final class ItemMutations {

    private final GuestWishlists guests;

    ItemMutations(GuestWishlists guests) {
        this.guests = guests;
    }

    void register(Wiring wiring) {
        wiring.mutation("wishlistItemAdd", this::add);
        wiring.mutation("wishlistItemUpdate", this::update);
        wiring.mutation("wishlistItemRemove", this::remove);
        wiring.mutation("wishlistItemsCopy", call -> transfer(call, false));
        wiring.mutation("wishlistItemsMove", call -> transfer(call, true));
    }

    /**
     * Adds a variant to the named list, or to the customer's default list (created on the first add), or to the
     * guest's list. A variant already on the list gets the quantity added and, when given, the new note.
     */
    ItemPayload add(FieldCall call) {
        FeatureContext shop = call.shop();
        WishlistSettings settings = WishlistSettings.of(shop.settings());
        Input input = Input.of(call);
        String variantId = input.string("variantId");
        int quantity = Optional.ofNullable(input.integer("quantity")).orElse(1);
        String note = WishlistRules.normalizeNote(input.string("note"));
        Optional<UserError> invalid = WishlistRules.checkQuantity(quantity, settings.maxQuantityPerItem())
                .or(() -> WishlistRules.checkNote(note));
        if (invalid.isPresent()) {
            return ItemPayload.failed(invalid.get());
        }
        Optional<Owner> owner = guests.ownerOf(call, input);
        if (owner.isEmpty()) {
            return ItemPayload.failed(guestNotFound());
        }
        // the catalog is the host's local mirror; asking it before the transaction keeps the transaction short
        if (variantId == null || shop.catalog().variant(variantId).isEmpty()) {
            return ItemPayload.failed(UserErrors.notFound("variant in the shop's catalog", "input", "variantId"));
        }
        boolean listNamed = input.string("wishlistId") != null;
        Optional<Long> listId = input.id("Wishlist", "wishlistId");
        if (listNamed && listId.isEmpty()) {
            return ItemPayload.failed(listNotFound("wishlistId"));
        }
        Instant now = shop.clock().instant();
        return shop.inTransaction(tx -> {
            WishlistRepository lists = WishlistRepository.in(tx, shop);
            Optional<Wishlist> target = listId.isPresent()
                    ? lists.lockList(owner.get(), listId.get())
                    : unnamedTarget(lists, owner.get(), settings, now);
            if (target.isEmpty()) {
                return Outcome.of(ItemPayload.failed(listNotFound("wishlistId")));
            }
            Wishlist list = target.get();
            Optional<WishlistItem> existing = lists.itemByVariant(list.id(), variantId);
            if (existing.isPresent()) {
                WishlistItem item = existing.get();
                Optional<UserError> tooMany =
                        WishlistRules.checkQuantity(item.quantity() + quantity, settings.maxQuantityPerItem());
                if (tooMany.isPresent()) {
                    return Outcome.of(ItemPayload.failed(tooMany.get()));
                }
                WishlistItem updated = lists.updateItem(item, item.quantity() + quantity,
                        note != null ? note : item.note(), now);
                return Outcome.of(new ItemPayload(updated, lists.touch(list, now), List.of()));
            }
            Optional<UserError> full =
                    WishlistRules.checkItemLimit(lists.countItems(list.id()), settings.maxItemsPerList());
            if (full.isPresent()) {
                return Outcome.of(ItemPayload.failed(full.get()));
            }
            WishlistItem added = lists.insertItem(list.id(), variantId, quantity, note, now);
            return Outcome.of(new ItemPayload(added, lists.touch(list, now), List.of()),
                    WishlistEvents.added(owner.get(), List.of(variantId)));
        }).publish(shop);
    }

    /** Sets quantity and/or note; a field left out stays as it is, a note sent as null or blank is removed. */
    ItemPayload update(FieldCall call) {
        FeatureContext shop = call.shop();
        WishlistSettings settings = WishlistSettings.of(shop.settings());
        Input input = Input.of(call);
        Integer quantity = input.integer("quantity");
        boolean noteGiven = input.has("note");
        String note = WishlistRules.normalizeNote(input.string("note"));
        Optional<UserError> invalid = Optional.ofNullable(quantity)
                .flatMap(q -> WishlistRules.checkQuantity(q, settings.maxQuantityPerItem()))
                .or(() -> WishlistRules.checkNote(note));
        if (invalid.isPresent()) {
            return ItemPayload.failed(invalid.get());
        }
        Optional<Owner> owner = guests.ownerOf(call, input);
        if (owner.isEmpty()) {
            return ItemPayload.failed(guestNotFound());
        }
        Optional<Long> itemId = input.id("WishlistItem", "itemId");
        if (itemId.isEmpty()) {
            return ItemPayload.failed(itemNotFound());
        }
        Instant now = shop.clock().instant();
        return shop.inTransaction(tx -> {
            WishlistRepository lists = WishlistRepository.in(tx, shop);
            Optional<WishlistItem> found = lists.lockItem(owner.get(), itemId.get());
            if (found.isEmpty()) {
                return ItemPayload.failed(itemNotFound());
            }
            WishlistItem item = found.get();
            WishlistItem updated = lists.updateItem(item, quantity != null ? quantity : item.quantity(),
                    noteGiven ? note : item.note(), now);
            Wishlist list = lists.touch(lists.list(owner.get(), item.listId()).orElseThrow(), now);
            return new ItemPayload(updated, list, List.of());
        });
    }

    ItemRemovePayload remove(FieldCall call) {
        FeatureContext shop = call.shop();
        Input input = Input.of(call);
        Optional<Owner> owner = guests.ownerOf(call, input);
        if (owner.isEmpty()) {
            return ItemRemovePayload.failed(guestNotFound());
        }
        Optional<Long> itemId = input.id("WishlistItem", "itemId");
        if (itemId.isEmpty()) {
            return ItemRemovePayload.failed(itemNotFound());
        }
        Instant now = shop.clock().instant();
        return shop.inTransaction(tx -> {
            WishlistRepository lists = WishlistRepository.in(tx, shop);
            Optional<WishlistItem> found = lists.lockItem(owner.get(), itemId.get());
            if (found.isEmpty()) {
                return Outcome.of(ItemRemovePayload.failed(itemNotFound()));
            }
            WishlistItem item = found.get();
            lists.deleteItems(List.of(item.id()));
            Wishlist list = lists.touch(lists.list(owner.get(), item.listId()).orElseThrow(), now);
            List<String> variant = List.of(item.variantId());
            return Outcome.of(
                    new ItemRemovePayload(GlobalId.encode("WishlistItem", item.id()), list, List.of()),
                    WishlistEvents.removed(owner.get(), variant, lists.variantsWishedBy(owner.get(), variant)));
        }).publish(shop);
    }

    /**
     * Copies (or moves) items of the customer's lists into another of their lists, following {@link ItemMerge}:
     * a variant the target holds gets the quantities added. All or nothing: when the new variants do not fit, the
     * result is {@code LIMIT_EXCEEDED} and no list changes.
     */
    WishlistPayload transfer(FieldCall call, boolean move) {
        FeatureContext shop = call.shop();
        Owner owner = new Owner.Customer(call.viewer().requireCustomer());
        WishlistSettings settings = WishlistSettings.of(shop.settings());
        Input input = Input.of(call);
        List<String> rawItemIds = input.strings("itemIds");
        if (rawItemIds.isEmpty()) {
            return WishlistPayload.failed(UserErrors.invalid("Name at least one item", "input", "itemIds"));
        }
        List<Long> itemIds = new ArrayList<>();
        for (int i = 0; i < rawItemIds.size(); i++) {
            Optional<Long> itemId = GlobalId.decodeLong("WishlistItem", rawItemIds.get(i));
            if (itemId.isEmpty()) {
                return WishlistPayload.failed(itemNotFound(i));
            }
            itemIds.add(itemId.get());
        }
        Optional<Long> targetId = input.id("Wishlist", "targetWishlistId");
        if (targetId.isEmpty()) {
            return WishlistPayload.failed(listNotFound("targetWishlistId"));
        }
        Instant now = shop.clock().instant();
        return shop.inTransaction(tx -> {
            WishlistRepository lists = WishlistRepository.in(tx, shop);
            Optional<Wishlist> target = lists.lockList(owner, targetId.get());
            if (target.isEmpty()) {
                return Outcome.of(WishlistPayload.failed(listNotFound("targetWishlistId")));
            }
            Map<Long, WishlistItem> found = lists.lockItems(owner, new LinkedHashSet<>(itemIds));
            List<WishlistItem> items = new ArrayList<>();
            for (int i = 0; i < itemIds.size(); i++) {
                WishlistItem item = found.get(itemIds.get(i));
                if (item == null) {
                    return Outcome.of(WishlistPayload.failed(itemNotFound(i)));
                }
                if (item.listId() == target.get().id()) {
                    return Outcome.of(WishlistPayload.failed(UserErrors.invalid(
                            "An item cannot be copied or moved into the list it is on", "input", "targetWishlistId")));
                }
                items.add(item);
            }
            ItemMerge.Plan plan = ItemMerge.plan(lists.itemsOfList(target.get().id()),
                    items.stream().map(ItemMutations::incoming).toList(),
                    settings.maxItemsPerList(), settings.maxQuantityPerItem());
            if (!plan.isComplete()) {
                return Outcome.of(WishlistPayload.failed(UserErrors.limitExceeded("The items do not fit: a wishlist "
                        + "holds at most " + settings.maxItemsPerList() + " items", "input", "itemIds")));
            }
            List<String> inserted = lists.writePlan(target.get(), plan, now);
            if (move) {
                Set<Long> sources = new LinkedHashSet<>();
                items.forEach(item -> sources.add(item.listId()));
                lists.deleteItems(found.keySet());
                lists.touchAll(sources, now);
            }
            // a moved variant is on the target afterwards, so a move never makes a variant leave the customer's lists
            return Outcome.of(WishlistPayload.ok(lists.touch(target.get(), now)),
                    WishlistEvents.added(owner, inserted));
        }).publish(shop);
    }

    private static Optional<Wishlist> unnamedTarget(WishlistRepository lists, Owner owner,
                                                       WishlistSettings settings, Instant now) {
        return switch (owner) {
            case Owner.Customer customer ->
                    Optional.of(lists.lockDefaultList(customer.customerId(), settings.defaultListName(), now));
            case Owner.Guest guest -> lists.lockListOfGuest(guest.guestId());
        };
    }

    private static ItemMerge.Incoming incoming(WishlistItem item) {
        return new ItemMerge.Incoming(item.variantId(), item.quantity(), item.note());
    }

    private static UserError listNotFound(String field) {
        return UserErrors.notFound("wishlist", "input", field);
    }

    private static UserError itemNotFound() {
        return UserErrors.notFound("wishlist item", "input", "itemId");
    }

    private static UserError itemNotFound(int index) {
        return UserErrors.notFound("wishlist item", "input", "itemIds", String.valueOf(index));
    }

    private static UserError guestNotFound() {
        return UserErrors.notFound("guest wishlist", "input", "guestToken");
    }
}
