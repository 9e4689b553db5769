package dev.aftersales.api.catalog;

import java.util.List;
import java.util.Optional;

/**
 * Order history of the shop's customers, newest first.
 *
 * <pre>{@code
 * List<Order> recent = shop.orders().ofCustomer(customerId, 20);
 * }</pre>
 */
public interface Orders {

    /** The customer's latest orders, newest first, at most {@code limit}. */
    List<Order> ofCustomer(String customerId, int limit);

    /** One order of the shop, if it exists. */
    Optional<Order> order(String orderId);
}
