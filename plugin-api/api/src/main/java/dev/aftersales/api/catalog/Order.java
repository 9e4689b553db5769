package dev.aftersales.api.catalog;

import java.time.Instant;
import java.util.List;

/**
 * A customer's order, as the host mirrors it.
 *
 * @param signals what the platform reported about how the order was placed (e-mail, coupon codes, shipping address
 *                hash, payment fingerprint); {@link OrderSignals#NONE} when it reported nothing. Since plugin API 1.1.
 */
public record Order(String id, String customerId, Instant placedAt, OrderStatus status, Money total,
                    List<OrderLine> lines, OrderSignals signals) {

    public Order {
        signals = signals == null ? OrderSignals.NONE : signals;
    }

    /** An order without {@link OrderSignals} (the plugin API 1.0 constructor). */
    public Order(String id, String customerId, Instant placedAt, OrderStatus status, Money total,
                 List<OrderLine> lines) {
        this(id, customerId, placedAt, status, total, lines, OrderSignals.NONE);
    }

    /** What the platform reported about how the order was placed. Since plugin API 1.1. */
    @Override
    public OrderSignals signals() {
        return signals;
    }

    public enum OrderStatus {
        PLACED, FULFILLED, DELIVERED, CANCELLED, RETURNED
    }
}
