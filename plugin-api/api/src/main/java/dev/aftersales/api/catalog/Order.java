package dev.aftersales.api.catalog;

import java.time.Instant;
import java.util.List;

/** A customer's order, as the host mirrors it. */
public record Order(String id, String customerId, Instant placedAt, OrderStatus status, Money total,
                    List<OrderLine> lines) {

    public enum OrderStatus {
        PLACED, FULFILLED, DELIVERED, CANCELLED, RETURNED
    }
}
