package dev.aftersales.plugins.replenishment;

import dev.aftersales.api.FeatureContext;
import dev.aftersales.api.catalog.Order;
import dev.aftersales.api.catalog.OrderLine;
import dev.aftersales.api.events.OrderPlaced;
import dev.aftersales.api.events.OrderReturned;
import dev.aftersales.plugins.replenishment.jooq.tables.records.ReplenishmentItemRecord;
import dev.aftersales.plugins.replenishment.jooq.tables.records.ReplenishmentPurchaseRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Orders into the due table. {@code OrderPlaced} and {@code OrderReturned} do the same: read the order from the host's
 * mirror and store each line's quantity net of returns (a cancelled order counts nothing), then retime the customer's
 * rows of those variants. So a duplicate or late event changes nothing twice, and the order of events does not matter:
 * the latest purchase by date starts the cycle. A purchase in a cycle that was reminded counts as a reorder.
 */
final class OrderEvents {

    void onPlaced(FeatureContext shop, OrderPlaced event) {
        apply(shop, event.orderId());
    }

    void onReturned(FeatureContext shop, OrderReturned event) {
        apply(shop, event.orderId());
    }

    private void apply(FeatureContext shop, String orderId) {
        Optional<Order> found = shop.orders().order(orderId);
        if (found.isEmpty() || found.get().customerId() == null) {
            return; // guests' orders: nobody to remind
        }
        Order order = found.get();
        // sorted, so two orders of one customer lock their rows in the same order
        Map<String, Line> lines = new TreeMap<>();
        for (OrderLine line : order.lines()) {
            int net = order.status() == Order.OrderStatus.CANCELLED ? 0
                    : Math.max(0, line.quantity() - line.returnedQuantity());
            lines.merge(line.variantId(), new Line(line.productId(), net, line.unitPrice().amount(),
                    line.unitPrice().currency()), Line::plus);
        }
        ReplenishmentSettings settings = ReplenishmentSettings.of(shop.settings());
        Instant now = shop.clock().instant();
        List<String> repeatBought = shop.inTransaction(tx -> {
            Items items = Items.in(tx.dsl(), shop);
            Reminders reminders = Reminders.in(tx.dsl(), shop);
            List<String> repeat = new ArrayList<>();
            lines.forEach((variantId, line) -> {
                items.savePurchase(orderId, variantId, order.customerId(), order.placedAt(), line.quantity());
                ReplenishmentItemRecord item = items.lockOrCreate(order.customerId(), variantId, orderId,
                        order.placedAt(), now);
                String remindedBy = item.getReminderId();
                int purchasesBefore = item.getPurchases();
                List<ReplenishmentPurchaseRecord> purchases = items.purchases(order.customerId(), variantId);
                item.setProductId(line.productId());
                ItemTiming.takePurchases(item, purchases, settings.maxUnits());
                ItemTiming.retime(items, item, settings);
                items.store(item);
                if (remindedBy != null && item.getReminderId() == null && line.quantity() > 0
                        && orderId.equals(item.getLastOrderId())) {
                    reminders.recordReorder(remindedBy, orderId, variantId, order.customerId(),
                            line.unitPrice().multiply(BigDecimal.valueOf(line.quantity())), line.currency(),
                            order.placedAt());
                }
                if (Math.max(purchasesBefore, item.getPurchases()) >= 3) {
                    repeat.add(variantId);
                }
            });
            return repeat;
        });
        repeatBought.forEach(variantId -> ShopMedians.update(shop, variantId));
    }

    /** One variant's lines of an order: net units, unit price. */
    private record Line(String productId, int quantity, BigDecimal unitPrice, String currency) {
        Line plus(Line other) {
            return new Line(productId, quantity + other.quantity, unitPrice, currency);
        }
    }
}
