package dev.aftersales.plugins.reorder;

import dev.aftersales.api.catalog.Money;
import dev.aftersales.api.catalog.Order;
import dev.aftersales.api.catalog.OrderLine;
import dev.aftersales.api.catalog.Variant;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Variants, lines and orders for the unit tests, with only what a test cares about spelled out. */
final class CatalogFixtures {

    private CatalogFixtures() {
    }

    static Money eur(String amount) {
        return new Money(new BigDecimal(amount), "EUR");
    }

    static Variant variant(String id, String price, int stock) {
        return variant(id, "p-1", price, stock, true);
    }

    static Variant variant(String id, String productId, String price, int stock, boolean purchasable) {
        return new Variant(id, productId, id.toUpperCase(), "Product " + productId, id, eur(price), stock, purchasable,
                null, null);
    }

    static OrderLine line(String variantId, int quantity, String unitPrice) {
        return line(variantId, quantity, unitPrice, 0);
    }

    static OrderLine line(String variantId, int quantity, String unitPrice, int returned) {
        return new OrderLine(variantId, "p-1", "Line " + variantId, quantity, eur(unitPrice), returned);
    }

    static Order order(String id, String placedAt, OrderLine... lines) {
        return order(id, placedAt, Order.OrderStatus.DELIVERED, lines);
    }

    static Order order(String id, String placedAt, Order.OrderStatus status, OrderLine... lines) {
        return new Order(id, "anna", Instant.parse(placedAt), status, eur("0"), List.of(lines));
    }
}
