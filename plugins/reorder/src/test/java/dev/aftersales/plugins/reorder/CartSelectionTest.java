package dev.aftersales.plugins.reorder;

import static dev.aftersales.plugins.reorder.CatalogFixtures.variant;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.api.catalog.Variant;
import dev.aftersales.api.graphql.UserError;
import dev.aftersales.api.platform.CartLine;
import dev.aftersales.plugins.reorder.CartSelection.Requested;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CartSelectionTest {

    private static final Map<String, Variant> CATALOG = Map.of(
            "v-1", variant("v-1", "10.00", 3),
            "v-sold-out", variant("v-sold-out", "10.00", 0),
            "v-old", variant("v-old", "p-1", "10.00", 9, false));

    @Test
    void eachBadLineIsOneErrorNamingItAndTheOthersGoIn() {
        CartSelection.Selection selection = CartSelection.select(List.of(
                new Requested("v-unknown", 1), new Requested("v-1", 2), new Requested("v-sold-out", 1),
                new Requested("v-old", 1), new Requested("v-1", 0)), CATALOG);

        assertThat(selection.lines()).containsExactly(new CartLine("v-1", 2));
        assertThat(selection.errors()).extracting(UserError::code)
                .containsExactly("NOT_FOUND", "OUT_OF_STOCK", "DISCONTINUED", "INVALID");
        assertThat(selection.errors()).extracting(UserError::field).containsExactly(
                List.of("input", "lines", "0", "variantId"), List.of("input", "lines", "2", "variantId"),
                List.of("input", "lines", "3", "variantId"), List.of("input", "lines", "4", "quantity"));
    }

    @Test
    void linesOfOneVariantAddUpAndAreCappedByStock() {
        CartSelection.Selection selection = CartSelection.select(
                List.of(new Requested("v-1", 2), new Requested("v-1", 2)), CATALOG);

        assertThat(selection.lines()).containsExactly(new CartLine("v-1", 3));
        assertThat(selection.errors()).isEmpty();
    }
}
