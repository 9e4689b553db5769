package dev.aftersales.plugins.wishlist;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How items join a list that may already hold some of their variants. One rule for copying and moving items between
 * lists and for merging a guest's list into the customer's default list at login:
 * <ul>
 *   <li>the same variant coming twice counts once, with the quantities added;</li>
 *   <li>a variant the target already holds gets the quantities added, capped at the shop's maximum quantity (a merge
 *       should not fail over a count); the target's note wins, an incoming note fills an empty one;</li>
 *   <li>a new variant is added while the target has room, in the order given; the rest is {@code skipped}.</li>
 * </ul>
 * Callers decide what skipping means: copy and move refuse the whole operation, the guest merge keeps what fits.
 * Pure, so it is unit-tested without a database.
 */
final class ItemMerge {

    private ItemMerge() {
    }

    /** An item to bring into the target list. */
    record Incoming(String variantId, int quantity, String note) {
    }

    /** A change to an item the target list already holds. */
    record Update(long itemId, String variantId, int quantity, String note) {
    }

    /**
     * What to write: {@code updates} to existing items, {@code inserts} of new variants, and {@code skipped} variants
     * that did not fit. {@code merged} counts the distinct incoming variants that were taken (updated or inserted).
     */
    record Plan(List<Update> updates, List<Incoming> inserts, List<Incoming> skipped, int merged) {

        boolean isComplete() {
            return skipped.isEmpty();
        }
    }

    static Plan plan(List<WishlistItem> target, List<Incoming> incoming, int maxItemsPerList, int maxQuantityPerItem) {
        Map<String, WishlistItem> targetByVariant = new LinkedHashMap<>();
        target.forEach(item -> targetByVariant.put(item.variantId(), item));

        List<Update> updates = new ArrayList<>();
        List<Incoming> inserts = new ArrayList<>();
        List<Incoming> skipped = new ArrayList<>();
        int merged = 0;
        for (Incoming item : collapse(incoming, maxQuantityPerItem)) {
            WishlistItem existing = targetByVariant.get(item.variantId());
            if (existing != null) {
                int quantity = capped(existing.quantity() + item.quantity(), maxQuantityPerItem);
                String note = existing.note() != null ? existing.note() : item.note();
                if (quantity != existing.quantity() || !Objects.equals(note, existing.note())) {
                    updates.add(new Update(existing.id(), existing.variantId(), quantity, note));
                }
                merged++;
            } else if (target.size() + inserts.size() < maxItemsPerList) {
                inserts.add(item);
                merged++;
            } else {
                skipped.add(item);
            }
        }
        return new Plan(List.copyOf(updates), List.copyOf(inserts), List.copyOf(skipped), merged);
    }

    /** Folds repeated variants into one, keeping the first position and the first non-empty note. */
    private static List<Incoming> collapse(List<Incoming> incoming, int maxQuantityPerItem) {
        Map<String, Incoming> byVariant = new LinkedHashMap<>();
        for (Incoming item : incoming) {
            byVariant.merge(item.variantId(), item, (first, next) -> new Incoming(first.variantId(),
                    first.quantity() + next.quantity(), first.note() != null ? first.note() : next.note()));
        }
        return byVariant.values().stream()
                .map(item -> new Incoming(item.variantId(), capped(item.quantity(), maxQuantityPerItem), item.note()))
                .toList();
    }

    private static int capped(int quantity, int maxQuantityPerItem) {
        // long arithmetic is not needed: both operands are bounded by the setting (at most 9999) before adding
        return Math.min(quantity, maxQuantityPerItem);
    }
}
