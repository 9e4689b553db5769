package dev.aftersales.testkit;

import dev.aftersales.api.catalog.Money;
import dev.aftersales.api.catalog.Order;
import dev.aftersales.api.catalog.OrderLine;
import dev.aftersales.api.catalog.Variant;
import dev.aftersales.host.catalog.CatalogService;
import dev.aftersales.host.catalog.OrderService;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Fills a test shop's catalog and order mirror, as the shop platform's webhooks would.
 *
 * <pre>{@code
 * shop.catalog().variant("v-1", "Jacket", "M", "49.90", 3);
 * shop.catalog().variant("v-2").product("p-1", "Jacket").price("19.99", "EUR").stock(0).purchasable(false).save();
 * shop.catalog().order("o-1", "anna", Instant.parse("2026-01-01T10:00:00Z")).line("v-1", 2, "49.90").save();
 * }</pre>
 */
public final class TestCatalog {

    private final String shopId;
    private final CatalogService catalog;
    private final OrderService orders;

    TestCatalog(String shopId, CatalogService catalog, OrderService orders) {
        this.shopId = shopId;
        this.catalog = catalog;
        this.orders = orders;
    }

    /** Saves a variant in EUR; its product id is derived from the product name. */
    public Variant variant(String id, String productName, String variantName, String price, int stock) {
        return variant(id).product(productName.toLowerCase().replace(' ', '-'), productName).name(variantName)
                .price(price, "EUR").stock(stock).save();
    }

    public VariantBuilder variant(String id) {
        return new VariantBuilder(id);
    }

    public OrderBuilder order(String orderId, String customerId, Instant placedAt) {
        return new OrderBuilder(orderId, customerId, placedAt);
    }

    /** Builds and saves one variant. */
    public final class VariantBuilder {
        private final String id;
        private String productId = "product";
        private String productName = "Product";
        private String name;
        private Money price = new Money(new BigDecimal("10.00"), "EUR");
        private int stock = 1;
        private boolean purchasable = true;

        private VariantBuilder(String id) {
            this.id = id;
            this.name = id;
        }

        public VariantBuilder product(String productId, String productName) {
            this.productId = productId;
            this.productName = productName;
            return this;
        }

        public VariantBuilder name(String name) {
            this.name = name;
            return this;
        }

        public VariantBuilder price(String amount, String currency) {
            this.price = new Money(new BigDecimal(amount), currency);
            return this;
        }

        public VariantBuilder stock(int stock) {
            this.stock = stock;
            return this;
        }

        public VariantBuilder purchasable(boolean purchasable) {
            this.purchasable = purchasable;
            return this;
        }

        public Variant save() {
            Variant variant = new Variant(id, productId, id.toUpperCase(), productName, name, price, stock, purchasable,
                    "https://shop.test/p/" + productId + "?v=" + id, "https://shop.test/img/" + productId + ".jpg");
            catalog.save(shopId, variant);
            return variant;
        }
    }

    /** Builds and saves one order. */
    public final class OrderBuilder {
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

        public OrderBuilder line(String variantId, int quantity, String unitPrice) {
            lines.add(new OrderLine(variantId, "product", variantId, quantity,
                    new Money(new BigDecimal(unitPrice), "EUR"), 0));
            return this;
        }

        public OrderBuilder status(Order.OrderStatus status) {
            this.status = status;
            return this;
        }

        public Order save() {
            BigDecimal total = lines.stream()
                    .map(line -> line.unitPrice().amount().multiply(BigDecimal.valueOf(line.quantity())))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            Order order = new Order(orderId, customerId, placedAt, status, new Money(total, "EUR"), lines);
            orders.save(shopId, order);
            return order;
        }
    }
}
