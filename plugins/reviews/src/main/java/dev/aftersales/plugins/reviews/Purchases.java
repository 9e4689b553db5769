package dev.aftersales.plugins.reviews;

import dev.aftersales.api.FeatureContext;
import dev.aftersales.api.catalog.Order;
import dev.aftersales.api.catalog.OrderLine;
import java.util.List;
import java.util.Optional;

/**
 * Whether a customer bought a product, from the host's order mirror: a line of the product that was not returned in
 * full, in an order that was neither cancelled nor returned. This is the verification rule the shop can show.
 */
final class Purchases {

    /** The rule in words, for the operator API and the shop's disclosure. */
    static final String RULE = "A review is marked as by a verified buyer when its author bought the product in this "
            + "shop: the shop's order history holds an order of the author with the product that was neither "
            + "cancelled nor returned in full, or the review was written through the review link of such an order.";

    /** How far back a purchase counts: the customer's latest orders. */
    private static final int ORDERS = 200;

    private Purchases() {
    }

    /** The order and line in which the customer bought the product, if any. */
    static Optional<Purchase> of(FeatureContext shop, String customerId, String productId) {
        for (Order order : shop.orders().ofCustomer(customerId, ORDERS)) {
            if (!kept(order)) {
                continue;
            }
            for (OrderLine line : order.lines()) {
                if (productId.equals(line.productId()) && line.returnedQuantity() < line.quantity()) {
                    return Optional.of(new Purchase(order.id(), line.variantId()));
                }
            }
        }
        return Optional.empty();
    }

    /** Products of the order the customer kept, in order of the lines. */
    static List<OrderLine> keptLines(Order order) {
        return kept(order) ? order.lines().stream().filter(line -> line.returnedQuantity() < line.quantity()).toList()
                : List.of();
    }

    private static boolean kept(Order order) {
        return order.status() != Order.OrderStatus.CANCELLED && order.status() != Order.OrderStatus.RETURNED;
    }

    record Purchase(String orderId, String variantId) {
    }
}
