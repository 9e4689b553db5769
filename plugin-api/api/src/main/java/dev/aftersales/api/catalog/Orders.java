package dev.aftersales.api.catalog;

import java.time.Instant;
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

    /**
     * Customers whose latest order (cancelled ones left out) was placed before {@code before}, by customer id, after
     * {@code afterCustomerId} (null: from the first), at most {@code limit} (1 to 1,000). For features that look for
     * customers who stopped ordering, page by page:
     *
     * <pre>{@code
     * String after = null;
     * List<OrderHistory> page;
     * do {
     *     page = shop.orders().lastOrderedBefore(now.minus(Duration.ofDays(90)), after, 500);
     *     page.forEach(history -> consider(history));
     *     after = page.isEmpty() ? after : page.getLast().customerId();
     * } while (page.size() == 500);
     * }</pre>
     *
     * Since plugin API 1.1.
     */
    default List<OrderHistory> lastOrderedBefore(Instant before, String afterCustomerId, int limit) {
        throw new UnsupportedOperationException("This host provides no order histories");
    }
}
