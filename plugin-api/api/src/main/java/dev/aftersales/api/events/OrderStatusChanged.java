package dev.aftersales.api.events;

import dev.aftersales.api.catalog.Order;

/** An order moved on: fulfilled, delivered, cancelled or returned. {@link OrderReturned} is sent as well for returns. */
public record OrderStatusChanged(String orderId, String customerId, Order.OrderStatus from, Order.OrderStatus to)
        implements Event {
}
