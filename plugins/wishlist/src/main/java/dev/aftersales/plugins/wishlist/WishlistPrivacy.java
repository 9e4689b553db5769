package dev.aftersales.plugins.wishlist;

import dev.aftersales.api.FeatureContext;
import dev.aftersales.api.graphql.GlobalId;
import dev.aftersales.plugins.wishlist.GuestRepository.GuestRow;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * GDPR export and erasure of what the wishlist feature keeps about a customer: their lists with items, and the guest
 * sessions they merged at login (which name them). Guest lists that were never merged name nobody and expire.
 */
final class WishlistPrivacy {

    /** Everything about the customer, as JSON-friendly maps and lists (instants as ISO-8601 strings). */
    Map<String, Object> export(FeatureContext shop, String customerId) {
        WishlistRepository lists = WishlistRepository.of(shop);
        Map<Long, List<WishlistItem>> itemsByList = lists.allItemsOf(customerId).stream()
                .collect(Collectors.groupingBy(WishlistItem::listId));
        List<Map<String, Object>> wishlists = lists.allListsOf(customerId).stream()
                .map(list -> wishlist(list, itemsByList.getOrDefault(list.id(), List.of())))
                .toList();
        List<Map<String, Object>> mergedGuests = GuestRepository.of(shop).mergedInto(customerId).stream()
                .map(WishlistPrivacy::mergedGuest)
                .toList();

        Map<String, Object> export = new LinkedHashMap<>();
        export.put("wishlists", wishlists);
        export.put("mergedGuestWishlists", mergedGuests);
        return export;
    }

    /** Deletes the customer's lists, their items and the guest sessions merged into them, in one transaction. */
    void erase(FeatureContext shop, String customerId) {
        shop.db().transaction(tx -> {
            WishlistRepository.in(tx, shop).deleteAllOf(customerId);
            GuestRepository.in(tx, shop).deleteMergedInto(customerId);
        });
    }

    private static Map<String, Object> wishlist(Wishlist list, List<WishlistItem> items) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", GlobalId.encode("Wishlist", list.id()));
        map.put("name", list.name());
        map.put("isDefault", list.isDefault());
        map.put("shared", list.shareActive());
        map.put("createdAt", iso(list.createdAt()));
        map.put("updatedAt", iso(list.updatedAt()));
        map.put("items", items.stream().map(WishlistPrivacy::item).toList());
        return map;
    }

    private static Map<String, Object> item(WishlistItem item) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", GlobalId.encode("WishlistItem", item.id()));
        map.put("variantId", item.variantId());
        map.put("quantity", item.quantity());
        map.put("note", item.note());
        map.put("addedAt", iso(item.addedAt()));
        map.put("updatedAt", iso(item.updatedAt()));
        return map;
    }

    private static Map<String, Object> mergedGuest(GuestRow guest) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("startedAt", iso(guest.createdAt()));
        map.put("mergedAt", iso(guest.mergedAt()));
        return map;
    }

    private static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
