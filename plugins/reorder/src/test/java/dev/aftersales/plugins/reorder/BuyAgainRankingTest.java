package dev.aftersales.plugins.reorder;

import static dev.aftersales.plugins.reorder.CatalogFixtures.eur;
import static dev.aftersales.plugins.reorder.CatalogFixtures.line;
import static dev.aftersales.plugins.reorder.CatalogFixtures.order;
import static dev.aftersales.plugins.reorder.CatalogFixtures.variant;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.api.catalog.Order;
import dev.aftersales.api.catalog.Variant;
import dev.aftersales.plugins.reorder.BuyAgainRanking.Cursor;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class BuyAgainRankingTest {

    private static final Duration HALF_LIFE = Duration.ofDays(90);
    private static final Map<String, Variant> CATALOG = Map.of(
            "v-a", variant("v-a", "10.00", 5),
            "v-b", variant("v-b", "10.00", 5),
            "v-c", variant("v-c", "10.00", 0),
            "v-d", variant("v-d", "10.00", 5),
            "v-old", variant("v-old", "p-1", "10.00", 5, false));

    private static List<String> ids(List<BuyAgainItem> items) {
        return items.stream().map(item -> item.variant().id()).toList();
    }

    @Test
    void oftenAndLatelyBoughtRanksFirst() {
        // as of 2026-11-01: v-c twice last week, v-a once yesterday, v-b twice a year ago
        List<Order> orders = List.of(
                order("o-1", "2025-11-01T10:00:00Z", line("v-b", 1, "10.00")),
                order("o-2", "2025-11-03T10:00:00Z", line("v-b", 1, "10.00")),
                order("o-3", "2026-10-24T10:00:00Z", line("v-c", 1, "10.00")),
                order("o-4", "2026-10-26T10:00:00Z", line("v-c", 1, "10.00")),
                order("o-5", "2026-10-31T10:00:00Z", line("v-a", 1, "10.00")));

        List<BuyAgainItem> ranked = BuyAgainRanking.rank(orders, CATALOG, HALF_LIFE);

        assertThat(ids(ranked)).containsExactly("v-c", "v-a", "v-b");
        assertThat(ranked.getFirst().variant().inStock()).as("sold-out variants stay on the shelf").isFalse();
    }

    @Test
    void theRankingIsTheScoreOrderAtAnyTime() {
        List<Order> orders = List.of(
                order("o-1", "2024-01-01T10:00:00Z", line("v-a", 1, "10.00"), line("v-b", 1, "10.00")),
                order("o-2", "2024-06-01T10:00:00Z", line("v-a", 1, "10.00")),
                order("o-3", "2025-03-01T10:00:00Z", line("v-a", 1, "10.00")),
                order("o-4", "2025-09-01T10:00:00Z", line("v-b", 1, "10.00"), line("v-d", 1, "10.00")),
                order("o-5", "2026-01-01T10:00:00Z", line("v-d", 1, "10.00")));
        List<BuyAgainItem> ranked = BuyAgainRanking.rank(orders, CATALOG, HALF_LIFE);

        for (String now : List.of("2026-01-02T00:00:00Z", "2027-06-01T00:00:00Z", "2036-01-01T00:00:00Z")) {
            List<String> byScore = Stream.of("v-a", "v-b", "v-d")
                    .sorted(Comparator.comparingDouble((String id) -> -score(orders, id, Instant.parse(now))))
                    .toList();
            assertThat(ids(ranked)).as("as of " + now).isEqualTo(byScore);
        }
    }

    @Test
    void cancelledOrdersAndReturnedPiecesDoNotCount() {
        List<Order> orders = List.of(
                order("o-1", "2026-10-01T10:00:00Z", line("v-a", 2, "10.00", 2), line("v-b", 3, "9.00", 1)),
                order("o-2", "2026-10-02T10:00:00Z", Order.OrderStatus.CANCELLED, line("v-d", 1, "10.00")),
                order("o-3", "2026-10-03T10:00:00Z", line("v-b", 1, "9.50")));

        List<BuyAgainItem> ranked = BuyAgainRanking.rank(orders, CATALOG, HALF_LIFE);

        assertThat(ranked).singleElement().satisfies(item -> {
            assertThat(item.variant().id()).isEqualTo("v-b");
            assertThat(item.timesBought()).isEqualTo(2);
            assertThat(item.quantityBought()).isEqualTo(3);
            assertThat(item.lastBoughtAt()).isEqualTo(Instant.parse("2026-10-03T10:00:00Z"));
            assertThat(item.lastUnitPrice()).isEqualTo(eur("9.50"));
        });
    }

    @Test
    void variantsNoLongerSoldOrGoneAreLeftOut() {
        List<Order> orders = List.of(order("o-1", "2026-10-01T10:00:00Z",
                line("v-old", 1, "10.00"), line("v-gone", 1, "10.00"), line("v-a", 1, "10.00")));

        assertThat(ids(BuyAgainRanking.rank(orders, CATALOG, HALF_LIFE))).containsExactly("v-a");
    }

    @Test
    void anOrderCountsOnceHoweverManyPiecesOrLines() {
        List<Order> orders = List.of(
                order("o-1", "2026-10-01T10:00:00Z", line("v-a", 10, "10.00"), line("v-a", 5, "10.00")),
                order("o-2", "2026-09-01T10:00:00Z", line("v-b", 1, "10.00")),
                order("o-3", "2026-09-02T10:00:00Z", line("v-b", 1, "10.00")));

        List<BuyAgainItem> ranked = BuyAgainRanking.rank(orders, CATALOG, HALF_LIFE);

        assertThat(ids(ranked)).containsExactly("v-b", "v-a");
        assertThat(ranked.get(1).timesBought()).isEqualTo(1);
        assertThat(ranked.get(1).quantityBought()).isEqualTo(15);
    }

    @Test
    void equalScoresGoToTheLaterPurchaseThenTheSmallerId() {
        List<Order> orders = List.of(
                order("o-1", "2026-10-01T10:00:00Z", line("v-d", 1, "10.00"), line("v-b", 1, "10.00")));

        assertThat(ids(BuyAgainRanking.rank(orders, CATALOG, HALF_LIFE))).containsExactly("v-b", "v-d");
    }

    @Test
    void aCursorContinuesRightAfterItsItem() {
        List<Order> orders = List.of(
                order("o-1", "2026-10-01T10:00:00Z", line("v-a", 1, "10.00"), line("v-b", 1, "10.00")),
                order("o-2", "2026-10-05T10:00:00Z", line("v-d", 1, "10.00")),
                order("o-3", "2026-10-06T10:00:00Z", line("v-c", 1, "10.00")));
        List<BuyAgainItem> ranked = BuyAgainRanking.rank(orders, CATALOG, HALF_LIFE);
        assertThat(ids(ranked)).containsExactly("v-c", "v-d", "v-a", "v-b");

        Optional<Cursor> afterSecond = Cursor.parse(Cursor.of(ranked.get(1)).key());
        Optional<Cursor> afterThird = Cursor.parse(Cursor.of(ranked.get(2)).key());

        assertThat(ids(BuyAgainRanking.after(ranked, afterSecond))).containsExactly("v-a", "v-b");
        assertThat(ids(BuyAgainRanking.after(ranked, afterThird))).containsExactly("v-b");
        assertThat(ids(BuyAgainRanking.after(ranked, Optional.empty()))).hasSize(4);
    }

    @Test
    void aCursorSurvivesAVariantLeavingTheShelf() {
        List<Order> orders = List.of(
                order("o-1", "2026-10-01T10:00:00Z", line("v-a", 1, "10.00")),
                order("o-2", "2026-10-05T10:00:00Z", line("v-d", 1, "10.00")),
                order("o-3", "2026-10-06T10:00:00Z", line("v-b", 1, "10.00")));
        List<BuyAgainItem> ranked = BuyAgainRanking.rank(orders, CATALOG, HALF_LIFE);
        Optional<Cursor> afterD = Optional.of(Cursor.of(ranked.get(1)));

        List<BuyAgainItem> withoutD = BuyAgainRanking.rank(orders,
                Map.of("v-a", CATALOG.get("v-a"), "v-b", CATALOG.get("v-b")), HALF_LIFE);

        assertThat(ids(BuyAgainRanking.after(withoutD, afterD))).containsExactly("v-a");
    }

    @Test
    void aKeyThisClassDidNotWriteIsNoCursor() {
        assertThat(Cursor.parse("42")).isEmpty();
        assertThat(Cursor.parse("x|2026-01-01T00:00:00Z|v-1")).isEmpty();
        assertThat(Cursor.parse("1.5|yesterday|v-1")).isEmpty();
        assertThat(Cursor.parse("1.5|2026-01-01T00:00:00Z|v|with|bars")).get()
                .extracting(Cursor::variantId).isEqualTo("v|with|bars");
    }

    private static double score(List<Order> orders, String variantId, Instant now) {
        List<Instant> placedAt = orders.stream()
                .filter(order -> order.lines().stream().anyMatch(line -> line.variantId().equals(variantId)))
                .map(Order::placedAt).toList();
        return BuyAgainRanking.score(placedAt, now, HALF_LIFE);
    }
}
