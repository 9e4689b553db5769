package dev.aftersales.plugins.reorder;

import dev.aftersales.api.catalog.Money;
import dev.aftersales.api.catalog.Order;
import dev.aftersales.api.catalog.OrderLine;
import dev.aftersales.host.catalog.OrderService;
import dev.aftersales.testkit.AftersalesHost;
import dev.aftersales.testkit.TestShop;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Orders in a test shop's order mirror, with what the testkit's {@code TestCatalog.order(...)} cannot set: each line's
 * product id and returned quantity, and the order's status. Saved through the host's order mirror as a webhook would.
 *
 * <pre>{@code
 * OrderHistory.of(host, shop).order("o-1", "anna", "2026-10-01T10:00:00Z")
 *         .line("v-1", "p-jacket", 2, "49.90").returned("v-2", "p-scarf", 3, "19.99", 1).save();
 * }</pre>
 */
final class OrderHistory {

    private final AftersalesHost host;
    private final TestShop shop;

    private OrderHistory(AftersalesHost host, TestShop shop) {
        this.host = host;
        this.shop = shop;
    }

    static OrderHistory of(AftersalesHost host, TestShop shop) {
        return new OrderHistory(host, shop);
    }

    OrderBuilder order(String orderId, String customerId, String placedAt) {
        return new OrderBuilder(orderId, customerId, Instant.parse(placedAt));
    }

    final class OrderBuilder {
        private final String orderId;
        private final String customerId;
        private final Instant placedAt;
        private final List<OrderLine> lines = new ArrayList<>();
        private Order.OrderStatus status = Order.OrderStatus.DELIVERED;

        private OrderBuilder(String orderId, String customerId, Instant placedAt) {
            this.orderId = orderId;
            this.customerId = customerId;
            this.placedAt = placedAt;
        }

        OrderBuilder line(String variantId, String productId, int quantity, String unitPrice) {
            return returned(variantId, productId, quantity, unitPrice, 0);
        }

        OrderBuilder returned(String variantId, String productId, int quantity, String unitPrice, int returned) {
            lines.add(new OrderLine(variantId, productId, "Line " + variantId, quantity,
                    new Money(new BigDecimal(unitPrice), "EUR"), returned));
            return this;
        }

        OrderBuilder status(Order.OrderStatus status) {
            this.status = status;
            return this;
        }

        Order save() {
            Order order = new Order(orderId, customerId, placedAt, status, new Money(BigDecimal.ZERO, "EUR"), lines);
            host.bean(OrderService.class).save(shop.id(), order);
            return order;
        }
    }
}
