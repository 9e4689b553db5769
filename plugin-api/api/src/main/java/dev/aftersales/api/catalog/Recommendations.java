package dev.aftersales.api.catalog;

import java.util.List;

/**
 * Products to show one customer in a message: what other customers of the shop bought together with the customer's
 * last order, computed by the host from its order mirror (no external service). Items out of stock and products the
 * customer bought already are left out. Since plugin API 1.1.
 *
 * <pre>{@code
 * List<Variant> picks = shop.recommendations().forCustomer(customerId, 3);
 * data.put("recommendations", picks.stream().map(v -> Map.of("name", v.productName(), "imageUrl", v.imageUrl(),
 *         "price", v.price(), "url", v.url())).toList());   // the template lists them; links are tracked
 * }</pre>
 */
public interface Recommendations {

    /** At most {@code limit} (1 to 20) in-stock variants, best first, one per product; empty when nothing fits. */
    List<Variant> forCustomer(String customerId, int limit);
}
