package dev.aftersales.plugins.reorder;

import dev.aftersales.api.FeatureContext;
import dev.aftersales.api.Wiring;
import dev.aftersales.api.catalog.Order;
import dev.aftersales.api.catalog.OrderLine;
import dev.aftersales.api.catalog.Variant;
import dev.aftersales.api.graphql.FieldCall;
import dev.aftersales.api.platform.CartLine;
import dev.aftersales.plugins.reorder.Payloads.OrderReorderPayload;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code orderReorder} and {@code orderReorderPreview}: one of the signed-in customer's past orders checked line by
 * line against the catalog ({@link ReorderPlan}), with substitutes for missing lines ({@link Substitutes}); the
 * mutation then asks the platform for a cart with the lines that can go in.
 *
 * <p>An order of another customer, or of another shop (the host's order mirror is per shop), reads exactly like an
 * unknown order. Any status may be reordered, a cancelled order too: the customer wanted those things.
 */
final class Reorders {

    void register(Wiring wiring) {
        wiring.query("orderReorderPreview", this::preview);
        wiring.mutation("orderReorder", this::reorder);
    }

    /** {@code Query.orderReorderPreview}: the report without a cart; null for an order that is not the customer's. */
    ReorderPreview preview(FieldCall call) {
        String customerId = call.viewer().requireCustomer();
        FeatureContext shop = call.shop();
        return customersOrder(shop, customerId, call.argument("orderId"))
                .map(order -> new ReorderPreview(order.id(), order.placedAt(), report(shop, order)))
                .orElse(null);
    }

    /** {@code orderReorder}: a cart with the lines that can go in, and the report of every line. */
    OrderReorderPayload reorder(FieldCall call) {
        String customerId = call.viewer().requireCustomer();
        FeatureContext shop = call.shop();
        Optional<Order> order = customersOrder(shop, customerId, (String) call.input().get("orderId"));
        if (order.isEmpty()) {
            return OrderReorderPayload.notFound();
        }
        List<ReorderLine> lines = report(shop, order.get());
        List<CartLine> cartLines = ReorderPlan.cartLines(lines);
        if (cartLines.isEmpty()) {
            return new OrderReorderPayload(null, lines, List.of(UserErrors.of(UserErrors.NOTHING_AVAILABLE,
                    "No line of this order can be ordered again: each is sold out, discontinued or returned",
                    "input", "orderId")));
        }
        return switch (PlatformCarts.create(shop, customerId, cartLines)) {
            case PlatformCarts.Outcome.Made made -> new OrderReorderPayload(made.cart(), lines, List.of());
            case PlatformCarts.Outcome.Failed failed -> new OrderReorderPayload(null, lines, List.of(failed.error()));
        };
    }

    private static Optional<Order> customersOrder(FeatureContext shop, String customerId, String orderId) {
        if (orderId == null || orderId.isBlank()) {
            return Optional.empty();
        }
        return shop.orders().order(orderId).filter(order -> customerId.equals(order.customerId()));
    }

    /**
     * Every line classified, with a substitute for each missing one. The catalog costs one lookup for all variants
     * and one per product with a missing line.
     */
    private static List<ReorderLine> report(FeatureContext shop, Order order) {
        Set<String> variantIds = new LinkedHashSet<>();
        order.lines().forEach(line -> variantIds.add(line.variantId()));
        Map<String, Variant> current = shop.catalog().variants(variantIds);
        List<ReorderLine> classified = ReorderPlan.classify(order.lines(), current);

        Map<String, List<Variant>> siblingsOfProduct = new HashMap<>();
        List<ReorderLine> lines = new ArrayList<>(classified.size());
        for (int i = 0; i < classified.size(); i++) {
            ReorderLine line = classified.get(i);
            if (!line.status().missing()) {
                lines.add(line);
                continue;
            }
            OrderLine ordered = order.lines().get(i);
            // the catalog's product id is current; the order's is all there is once the variant is gone
            String productId = line.variant() != null ? line.variant().productId() : ordered.productId();
            List<Variant> siblings = productId == null ? List.of()
                    : siblingsOfProduct.computeIfAbsent(productId, id -> shop.catalog().variantsOfProduct(id));
            lines.add(line.withSubstitute(Substitutes.choose(line.variantId(), line.keptQuantity(),
                    line.orderedUnitPrice(), siblings).orElse(null)));
        }
        return lines;
    }
}
