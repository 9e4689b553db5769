package dev.aftersales.api.catalog;

/** One line of an order: what was bought, how many, at which unit price, and how many came back. */
public record OrderLine(String variantId, String productId, String name, int quantity, Money unitPrice,
                        int returnedQuantity) {
}
