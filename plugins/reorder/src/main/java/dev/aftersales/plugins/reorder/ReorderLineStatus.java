package dev.aftersales.plugins.reorder;

/**
 * What happens to one line of a past order when it is ordered again; the GraphQL enum {@code ReorderLineStatus}
 * (public because the host serializes it by name).
 */
public enum ReorderLineStatus {
    /** Available; the whole kept quantity goes into the cart. */
    AVAILABLE,
    /** Available with less stock than the kept quantity; the stock goes into the cart. */
    LIMITED_BY_STOCK,
    /** Still sold, but none in stock. */
    OUT_OF_STOCK,
    /** No longer sold, or gone from the catalog. */
    DISCONTINUED,
    /** Every piece was returned. */
    RETURNED;

    /** Whether a line with this status goes into the cart. */
    boolean goesIntoCart() {
        return this == AVAILABLE || this == LIMITED_BY_STOCK;
    }

    /** Whether a substitute is worth suggesting: the customer wanted it and cannot have it. */
    boolean missing() {
        return this == OUT_OF_STOCK || this == DISCONTINUED;
    }
}
