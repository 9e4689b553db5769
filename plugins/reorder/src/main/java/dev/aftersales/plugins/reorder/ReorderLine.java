package dev.aftersales.plugins.reorder;

import dev.aftersales.api.catalog.Money;
import dev.aftersales.api.catalog.Variant;

/**
 * One line of a past order checked against the current catalog: the GraphQL source of {@code ReorderLine} (public
 * and named like the type because the host reads its components by reflection).
 *
 * @param variant          the variant now, null when the catalog no longer has it
 * @param cartQuantity     pieces that go into the cart, 0 when the line stays out
 * @param currentUnitPrice the price now, null when the variant is gone
 * @param substitute       another variant of the product to suggest for a missing line, or null
 */
public record ReorderLine(String variantId, String name, Variant variant, ReorderLineStatus status,
                          int orderedQuantity, int returnedQuantity, int cartQuantity, Money orderedUnitPrice,
                          Money currentUnitPrice, boolean priceChanged, Variant substitute) {

    /** The same line with a suggested substitute. */
    ReorderLine withSubstitute(Variant suggested) {
        return new ReorderLine(variantId, name, variant, status, orderedQuantity, returnedQuantity, cartQuantity,
                orderedUnitPrice, currentUnitPrice, priceChanged, suggested);
    }

    /** The pieces the customer kept of the original line: ordered minus returned, never below zero. */
    int keptQuantity() {
        return Math.max(0, orderedQuantity - returnedQuantity);
    }
}
