package dev.aftersales.plugins.replenishment;

import dev.aftersales.api.FeatureContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** GDPR export and erasure of every row that names the customer: purchases, items, reminders and their lines, reorders. */
final class ReplenishmentPrivacy {

    Map<String, Object> export(FeatureContext shop, String customerId) {
        Items items = Items.of(shop);
        Reminders reminders = Reminders.of(shop);
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("items", items.itemsOf(customerId, Integer.MAX_VALUE).stream().map(item -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("variantId", item.getVariantId());
            row.put("rule", item.getRuleName());
            row.put("runsOutAt", text(Items.instant(item.getRunOutAt())));
            row.put("intervalDays", item.getCustomDays());
            row.put("snoozedUntil", text(Items.instant(item.getSnoozedUntil())));
            row.put("stopped", item.getStopped());
            return row;
        }).toList());
        export.put("purchases", items.purchasesOf(customerId).stream().map(p -> Map.<String, Object>of(
                "orderId", p.getOrderId(), "variantId", p.getVariantId(), "quantity", p.getQuantity(),
                "placedAt", Items.instant(p.getPlacedAt()).toString())).toList());
        export.put("reminders", reminders.remindersOf(customerId).stream().map(r -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("sentAt", Items.instant(r.getCreatedAt()).toString());
            row.put("clickedAt", text(Items.instant(r.getClickedAt())));
            row.put("variants", reminders.lines(r.getId()).stream().map(l -> l.getVariantId()).toList());
            return row;
        }).toList());
        export.put("reorders", reminders.reordersOf(customerId).stream().map(r -> Map.<String, Object>of(
                "orderId", r.getOrderId(), "variantId", r.getVariantId(),
                "placedAt", Items.instant(r.getPlacedAt()).toString())).toList());
        return export;
    }

    void erase(FeatureContext shop, String customerId) {
        shop.inTransaction(tx -> {
            Items.in(tx.dsl(), shop).eraseCustomer(customerId);
            Reminders.in(tx.dsl(), shop).eraseCustomer(customerId);
            return null;
        });
    }

    private static String text(Object value) {
        return Objects.toString(value, null);
    }
}
