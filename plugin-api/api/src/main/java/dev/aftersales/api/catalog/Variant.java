package dev.aftersales.api.catalog;

/**
 * A purchasable variant of a product (a size, a colour), as the host mirrors it from the shop platform. Ids are the
 * platform's.
 *
 * @param purchasable false when the shop no longer sells it (discontinued, unpublished), whatever the stock
 */
public record Variant(String id, String productId, String sku, String productName, String name, Money price,
                      int stock, boolean purchasable, String url, String imageUrl) {

    /** Whether a customer can buy it now. */
    public boolean inStock() {
        return purchasable && stock > 0;
    }
}
