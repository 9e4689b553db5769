package dev.aftersales.plugins.reorder;

import static dev.aftersales.plugins.reorder.CatalogFixtures.eur;
import static dev.aftersales.plugins.reorder.CatalogFixtures.variant;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.api.catalog.Money;
import dev.aftersales.api.catalog.Variant;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SubstitutesTest {

    private static Optional<String> choose(int wanted, String paid, Variant... siblings) {
        return Substitutes.choose("v-missing", wanted, eur(paid), List.of(siblings)).map(Variant::id);
    }

    @Test
    void neverSuggestsTheMissingVariantItselfNorOneThatCannotBeBought() {
        assertThat(choose(1, "10.00",
                variant("v-missing", "10.00", 5),
                variant("v-sold-out", "10.00", 0),
                variant("v-discontinued", "p-1", "10.00", 5, false))).isEmpty();
    }

    @Test
    void stockForTheWholeQuantityComesFirst() {
        assertThat(choose(3, "10.00", variant("v-same-price-low-stock", "10.00", 2), variant("v-dearer", "14.00", 3)))
                .contains("v-dearer");
    }

    @Test
    void samePriceBeatsACloserOrCheaperOne() {
        assertThat(choose(1, "10.00", variant("v-cheaper", "9.99", 5), variant("v-same", "10.0", 5)))
                .contains("v-same");
    }

    @Test
    void otherwiseTheClosestPriceWinsEitherWay() {
        assertThat(choose(1, "10.00", variant("v-far", "7.00", 5), variant("v-close", "11.00", 5)))
                .contains("v-close");
    }

    @Test
    void anotherCurrencyCountsAsFarthest() {
        Variant francs = new Variant("v-chf", "p-1", "V-CHF", "P", "v-chf",
                new Money(new BigDecimal("10.00"), "CHF"), 5, true, null, null);

        assertThat(choose(1, "10.00", francs, variant("v-eur", "25.00", 5))).contains("v-eur");
    }

    @Test
    void tiesGoToMoreStockThenTheSmallerId() {
        assertThat(choose(1, "10.00", variant("v-b", "10.00", 5), variant("v-a", "10.00", 5),
                variant("v-c", "10.00", 9))).contains("v-c");
        assertThat(choose(1, "10.00", variant("v-b", "10.00", 5), variant("v-a", "10.00", 5))).contains("v-a");
    }
}
