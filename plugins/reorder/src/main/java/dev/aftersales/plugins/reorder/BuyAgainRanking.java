package dev.aftersales.plugins.reorder;

import dev.aftersales.api.catalog.Money;
import dev.aftersales.api.catalog.Order;
import dev.aftersales.api.catalog.OrderLine;
import dev.aftersales.api.catalog.Variant;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Ranks the variants of a customer's order history for "buy again". Pure.
 *
 * <p><b>What counts.</b> Orders that were not cancelled; of each line what the customer kept (quantity minus returned),
 * so a fully returned line does not count. Variants the catalog no longer has or no longer sells are left out (the
 * customer cannot buy them again); sold-out ones stay.
 *
 * <p><b>Score.</b> {@code score = Σ 0.5^(age / halfLife)} over the orders that bought the variant, where {@code age}
 * is the time since the order was placed. Frequency adds a term per order (an order of ten pieces counts once, not
 * ten times); recency weighs each term down, by half every {@code halfLife}. A variant bought once today (1.0) ranks
 * above one bought twice a year ago with a half-life of 90 days (2 × 0.06), and below one bought twice last week.
 * Ties: the later {@code lastBoughtAt} first, then the smaller variant id.
 *
 * <p><b>Stable over time.</b> Every score shrinks by the same factor as time passes, so the ranking only changes
 * when the history does. The ranking uses {@code rank = log2(score) + now / halfLife}, which is that same order
 * expressed without {@code now} ({@code log2 Σ 2^((placedAt_i − epoch) / halfLife)}, computed from the latest order
 * so it neither overflows nor underflows): a cursor holding it stays valid from one request to the next.
 */
final class BuyAgainRanking {

    /** Best first: rank, then the latest purchase, then the variant id. */
    static final Comparator<BuyAgainItem> ORDER = Comparator.comparingDouble(BuyAgainItem::rank).reversed()
            .thenComparing(BuyAgainItem::lastBoughtAt, Comparator.reverseOrder())
            .thenComparing(item -> item.variant().id());

    private BuyAgainRanking() {
    }

    /** The ranked items, best first. {@code orders} may come in any order; {@code variants} is the catalog now. */
    static List<BuyAgainItem> rank(List<Order> orders, Map<String, Variant> variants, Duration halfLife) {
        Map<String, Purchases> byVariant = new LinkedHashMap<>();
        List<Order> oldestFirst = orders.stream()
                .filter(order -> order.status() != Order.OrderStatus.CANCELLED)
                .sorted(Comparator.comparing(Order::placedAt).thenComparing(Order::id))
                .toList();
        for (Order order : oldestFirst) {
            Map<String, Integer> keptInOrder = new LinkedHashMap<>();
            Map<String, Money> priceInOrder = new LinkedHashMap<>();
            for (OrderLine line : order.lines()) {
                int kept = line.quantity() - line.returnedQuantity();
                if (kept > 0) {
                    keptInOrder.merge(line.variantId(), kept, Integer::sum);
                    priceInOrder.putIfAbsent(line.variantId(), line.unitPrice());
                }
            }
            keptInOrder.forEach((variantId, kept) -> byVariant
                    .computeIfAbsent(variantId, id -> new Purchases())
                    .add(order.placedAt(), kept, priceInOrder.get(variantId)));
        }
        List<BuyAgainItem> items = new ArrayList<>();
        byVariant.forEach((variantId, purchases) -> {
            Variant variant = variants.get(variantId);
            if (variant != null && variant.purchasable()) {
                items.add(new BuyAgainItem(variant, purchases.placedAt.size(), purchases.quantity,
                        purchases.last(), purchases.lastPrice, rank(purchases.placedAt, halfLife)));
            }
        });
        items.sort(ORDER);
        return items;
    }

    /** The score of purchases at these instants, as of {@code now} (what {@link #rank} orders by). */
    static double score(List<Instant> placedAt, Instant now, Duration halfLife) {
        return placedAt.stream()
                .mapToDouble(at -> Math.pow(0.5, halfLives(Duration.between(at, now), halfLife)))
                .sum();
    }

    /** {@code log2 Σ 2^((t_i − epoch) / halfLife)}: {@code log2(score(now)) + (now − epoch) / halfLife}. */
    static double rank(List<Instant> placedAt, Duration halfLife) {
        Instant latest = placedAt.stream().max(Comparator.naturalOrder()).orElseThrow();
        double sum = 0;
        for (Instant at : placedAt) {
            sum += Math.pow(2, -halfLives(Duration.between(at, latest), halfLife));
        }
        return halfLives(Duration.between(Instant.EPOCH, latest), halfLife) + Math.log(sum) / Math.log(2);
    }

    /** The items ranked strictly after {@code cursor}, for keyset paging. */
    static List<BuyAgainItem> after(List<BuyAgainItem> ranked, Optional<Cursor> cursor) {
        if (cursor.isEmpty()) {
            return ranked;
        }
        return ranked.stream().filter(item -> cursor.get().isBefore(item)).toList();
    }

    private static double halfLives(Duration age, Duration halfLife) {
        return (double) age.toMillis() / halfLife.toMillis();
    }

    /**
     * Where a page ended: the sort key of its last item. Written as {@code rank|lastBoughtAt|variantId} (the variant
     * id last, as it may contain anything); {@code Double.toString} and {@code Instant.toString} round-trip exactly.
     */
    record Cursor(double rank, Instant lastBoughtAt, String variantId) {

        static Cursor of(BuyAgainItem item) {
            return new Cursor(item.rank(), item.lastBoughtAt(), item.variant().id());
        }

        String key() {
            return rank + "|" + lastBoughtAt + "|" + variantId;
        }

        /** Empty for a key this class did not write. */
        static Optional<Cursor> parse(String key) {
            String[] parts = key.split("\\|", 3);
            if (parts.length != 3) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Cursor(Double.parseDouble(parts[0]), Instant.parse(parts[1]), parts[2]));
            } catch (NumberFormatException | DateTimeParseException e) {
                return Optional.empty();
            }
        }

        /** Whether {@code item} ranks after the item this cursor was made from. */
        boolean isBefore(BuyAgainItem item) {
            int byRank = Double.compare(item.rank(), rank);
            if (byRank != 0) {
                return byRank < 0;
            }
            int byTime = item.lastBoughtAt().compareTo(lastBoughtAt);
            if (byTime != 0) {
                return byTime < 0;
            }
            return item.variant().id().compareTo(variantId) > 0;
        }
    }

    /** What one variant's purchases add up to while the history is read, oldest order first. */
    private static final class Purchases {
        private final List<Instant> placedAt = new ArrayList<>();
        private int quantity;
        private Money lastPrice;

        void add(Instant at, int kept, Money unitPrice) {
            placedAt.add(at);
            quantity += kept;
            lastPrice = unitPrice;
        }

        Instant last() {
            return placedAt.getLast();
        }
    }
}
