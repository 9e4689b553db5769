package dev.aftersales.plugins.reorder;

import static dev.aftersales.plugins.reorder.CatalogFixtures.eur;
import static dev.aftersales.plugins.reorder.CatalogFixtures.line;
import static dev.aftersales.plugins.reorder.CatalogFixtures.variant;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.api.catalog.Variant;
import dev.aftersales.api.platform.CartLine;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReorderPlanTest {

    @Test
    void anAvailableLineGoesInWithTheQuantityKept() {
        List<ReorderLine> lines = ReorderPlan.classify(List.of(line("v-1", 3, "10.00", 1)),
                Map.of("v-1", variant("v-1", "10.00", 9)));

        assertThat(lines).singleElement().satisfies(line -> {
            assertThat(line.status()).isEqualTo(ReorderLineStatus.AVAILABLE);
            assertThat(line.cartQuantity()).isEqualTo(2);
            assertThat(line.orderedQuantity()).isEqualTo(3);
            assertThat(line.returnedQuantity()).isEqualTo(1);
            assertThat(line.priceChanged()).isFalse();
        });
    }

    @Test
    void lessStockThanKeptCapsTheQuantity() {
        ReorderLine line = ReorderPlan.classify(List.of(line("v-1", 5, "10.00")),
                Map.of("v-1", variant("v-1", "10.00", 2))).getFirst();

        assertThat(line.status()).isEqualTo(ReorderLineStatus.LIMITED_BY_STOCK);
        assertThat(line.cartQuantity()).isEqualTo(2);
    }

    @Test
    void noStockIsOutOfStockAndStaysOut() {
        ReorderLine line = ReorderPlan.classify(List.of(line("v-1", 1, "10.00")),
                Map.of("v-1", variant("v-1", "10.00", 0))).getFirst();

        assertThat(line.status()).isEqualTo(ReorderLineStatus.OUT_OF_STOCK);
        assertThat(line.cartQuantity()).isZero();
    }

    @Test
    void notPurchasableOrGoneIsDiscontinued() {
        List<ReorderLine> lines = ReorderPlan.classify(List.of(line("v-1", 1, "10.00"), line("v-gone", 1, "5.00")),
                Map.of("v-1", variant("v-1", "p-1", "10.00", 50, false)));

        assertThat(lines).extracting(ReorderLine::status)
                .containsExactly(ReorderLineStatus.DISCONTINUED, ReorderLineStatus.DISCONTINUED);
        assertThat(lines.get(1).variant()).isNull();
        assertThat(lines.get(1).currentUnitPrice()).isNull();
        assertThat(lines.get(1).priceChanged()).as("unknown for a variant that is gone").isFalse();
    }

    @Test
    void aFullyReturnedLineIsReturnedEvenWhenAvailable() {
        ReorderLine line = ReorderPlan.classify(List.of(line("v-1", 2, "10.00", 2)),
                Map.of("v-1", variant("v-1", "10.00", 9))).getFirst();

        assertThat(line.status()).isEqualTo(ReorderLineStatus.RETURNED);
        assertThat(line.cartQuantity()).isZero();
    }

    @Test
    void priceChangeComparesAmountAndCurrencyNotScale() {
        Variant sameAmountOtherScale = variant("v-1", "10.0", 9);
        Variant dearer = variant("v-2", "12.50", 9);
        Variant otherCurrency = new Variant("v-3", "p-1", "V-3", "P", "v-3",
                new dev.aftersales.api.catalog.Money(eur("10.00").amount(), "CHF"), 9, true, null, null);

        List<ReorderLine> lines = ReorderPlan.classify(
                List.of(line("v-1", 1, "10.00"), line("v-2", 1, "10.00"), line("v-3", 1, "10.00")),
                Map.of("v-1", sameAmountOtherScale, "v-2", dearer, "v-3", otherCurrency));

        assertThat(lines).extracting(ReorderLine::priceChanged).containsExactly(false, true, true);
        assertThat(lines.get(1).currentUnitPrice()).isEqualTo(eur("12.50"));
        assertThat(lines.get(1).orderedUnitPrice()).isEqualTo(eur("10.00"));
    }

    @Test
    void linesOfTheSameVariantShareItsStockAndMergeInTheCart() {
        List<ReorderLine> lines = ReorderPlan.classify(
                List.of(line("v-1", 2, "10.00"), line("v-2", 1, "5.00"), line("v-1", 2, "10.00")),
                Map.of("v-1", variant("v-1", "10.00", 3), "v-2", variant("v-2", "5.00", 1)));

        assertThat(lines).extracting(ReorderLine::cartQuantity).containsExactly(2, 1, 1);
        assertThat(lines.get(2).status()).isEqualTo(ReorderLineStatus.LIMITED_BY_STOCK);
        assertThat(ReorderPlan.cartLines(lines)).containsExactly(new CartLine("v-1", 3), new CartLine("v-2", 1));
    }

    @Test
    void stockUsedUpByAnEarlierLineLeavesALaterOneOutOfStock() {
        List<ReorderLine> lines = ReorderPlan.classify(List.of(line("v-1", 2, "10.00"), line("v-1", 1, "10.00")),
                Map.of("v-1", variant("v-1", "10.00", 2)));

        assertThat(lines).extracting(ReorderLine::status)
                .containsExactly(ReorderLineStatus.AVAILABLE, ReorderLineStatus.OUT_OF_STOCK);
    }

    @Test
    void onlyLinesThatGoInMakeCartLines() {
        List<ReorderLine> lines = ReorderPlan.classify(
                List.of(line("v-1", 1, "10.00"), line("v-2", 1, "10.00"), line("v-3", 1, "10.00", 1)),
                Map.of("v-1", variant("v-1", "10.00", 0), "v-3", variant("v-3", "10.00", 4)));

        assertThat(ReorderPlan.cartLines(lines)).isEmpty();
    }
}
