package dev.aftersales.plugins.wishlist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.api.catalog.Money;
import dev.aftersales.api.catalog.Variant;
import dev.aftersales.api.graphql.UserError;
import dev.aftersales.api.platform.CartLine;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CartItemsTest {

    private static final Map<String, Variant> CATALOG = Map.of(
            "v-1", variant("v-1", 3, true),
            "v-sold-out", variant("v-sold-out", 0, true),
            "v-old", variant("v-old", 9, false));

    @Test
    void availableItemsGoInCappedByStockAndEachOtherItemIsOneError() {
        CartItems.Selection selection = CartItems.select(List.of(
                requested(item(1, "v-1", 5), 0),
                new CartItems.Requested(null, field(1)),
                requested(item(2, "v-sold-out", 1), 2),
                requested(item(3, "v-old", 1), 3),
                requested(item(4, "v-gone", 1), 4)), CATALOG);

        assertThat(selection.lines()).containsExactly(new CartLine("v-1", 3));
        assertThat(selection.errors()).extracting(UserError::code)
                .containsExactly("NOT_FOUND", "OUT_OF_STOCK", "DISCONTINUED", "DISCONTINUED");
        assertThat(selection.errors()).extracting(UserError::field)
                .containsExactly(field(1), field(2), field(3), field(4));
        assertThat(selection.errors().get(1).message()).contains("v-sold-out").contains(GlobalIdsForTests.item(2));
    }

    @Test
    void anItemNamedTwiceGoesInOnce() {
        WishlistItem jacket = item(1, "v-1", 2);

        CartItems.Selection selection = CartItems.select(List.of(requested(jacket, 0), requested(jacket, 1)), CATALOG);

        assertThat(selection.lines()).containsExactly(new CartLine("v-1", 2));
        assertThat(selection.errors()).isEmpty();
    }

    @Test
    void errorsOfItemsTakenWithoutIdsNameNoField() {
        CartItems.Selection selection = CartItems.select(
                List.of(new CartItems.Requested(item(7, "v-sold-out", 1), List.of())), CATALOG);

        assertThat(selection.lines()).isEmpty();
        assertThat(selection.errors()).singleElement().extracting(UserError::field).isEqualTo(List.of());
    }

    private static CartItems.Requested requested(WishlistItem item, int index) {
        return new CartItems.Requested(item, field(index));
    }

    private static List<String> field(int index) {
        return List.of("input", "itemIds", String.valueOf(index));
    }

    private static WishlistItem item(long id, String variantId, int quantity) {
        Instant at = Instant.parse("2026-10-01T10:00:00Z");
        return new WishlistItem(id, 1, variantId, quantity, null, at, at);
    }

    private static Variant variant(String id, int stock, boolean purchasable) {
        return new Variant(id, "p-1", id, "Product", id, new Money(new BigDecimal("10.00"), "EUR"), stock,
                purchasable, null, null);
    }
}
