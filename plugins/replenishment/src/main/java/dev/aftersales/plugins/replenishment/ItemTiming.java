package dev.aftersales.plugins.replenishment;

import static dev.aftersales.plugins.replenishment.jooq.Tables.REPLENISHMENT_ITEM;

import dev.aftersales.api.FeatureContext;
import dev.aftersales.plugins.replenishment.jooq.tables.records.ReplenishmentItemRecord;
import dev.aftersales.plugins.replenishment.jooq.tables.records.ReplenishmentPurchaseRecord;
import java.time.Instant;
import java.util.List;
import org.jooq.Condition;

/**
 * Keeps a row of the due table right: its purchase facts from the customer's purchases, then its rule, run-out date
 * and {@code due_at} from {@link Timing}. Every change (an order, a return, a customer's choice, usage days, a new
 * shop-wide median) goes through here, so the daily scan only reads {@code due_at}.
 */
final class ItemTiming {

    private static final int BATCH = 500;

    private ItemTiming() {
    }

    /**
     * Takes the purchase facts from the customer's purchases of the variant (oldest first). A newer last order starts
     * a new cycle: snooze, skips and the reminder of the old cycle no longer apply.
     */
    static void takePurchases(ReplenishmentItemRecord item, List<ReplenishmentPurchaseRecord> purchases, int maxUnits) {
        ReplenishmentPurchaseRecord latest = purchases.getLast();
        if (!latest.getOrderId().equals(item.getLastOrderId())) {
            item.setSkipped(0);
            item.setSnoozedUntil(null);
            item.setReminderId(null);
        }
        item.setLastOrderId(latest.getOrderId());
        item.setLastPurchaseAt(latest.getPlacedAt());
        item.setUnits(Math.min(Math.max(latest.getQuantity(), 0), maxUnits));
        item.setPurchases((int) purchases.stream().filter(p -> p.getQuantity() > 0).count());
        item.setCustomerDays(Timing.medianDaysPerUnit(purchases.stream()
                .map(p -> new Timing.Purchase(Items.instant(p.getPlacedAt()), p.getQuantity())).toList()));
    }

    /** Sets rule, days per unit, run-out date and due date from the row and the shop's usage days and medians. */
    static void retime(Items items, ReplenishmentItemRecord item, ReplenishmentSettings settings) {
        Timing timing = Timing.of(Items.instant(item.getLastPurchaseAt()), item.getUnits(), item.getCustomDays(),
                item.getCustomerDays(), items.shopDays(item.getVariantId(), settings.minRepeatBuyers()),
                items.usageDays(item.getVariantId(), item.getProductId()), item.getSkipped());
        // a fully returned last purchase leaves nothing to run out of
        Instant runOut = item.getUnits() == 0 ? null : timing.runOutAt();
        item.setRuleName(timing.rule().name());
        item.setUnitDays(timing.unitDays());
        item.setRunOutAt(Items.utc(runOut));
        boolean remind = runOut != null && !item.getStopped() && item.getReminderId() == null;
        item.setDueAt(remind ? Items.utc(runOut) : null);
    }

    /** Retimes every row of the variants (or product) a new usage or median applies to, in locked batches. */
    static void retimeAll(FeatureContext shop, Condition which) {
        ReplenishmentSettings settings = ReplenishmentSettings.of(shop.settings());
        String[] after = {"", ""};
        boolean more = true;
        while (more) {
            more = shop.inTransaction(tx -> {
                Items items = Items.in(tx.dsl(), shop);
                List<ReplenishmentItemRecord> page = items.itemsOfVariantsForUpdate(which, after[0], after[1], BATCH);
                for (ReplenishmentItemRecord item : page) {
                    retime(items, item, settings);
                    items.store(item);
                }
                if (!page.isEmpty()) {
                    after[0] = page.getLast().getCustomerId();
                    after[1] = page.getLast().getVariantId();
                }
                return page.size() == BATCH;
            });
        }
    }

    static Condition ofVariant(String variantId) {
        return REPLENISHMENT_ITEM.VARIANT_ID.eq(variantId);
    }

    static Condition ofProduct(String productId) {
        return REPLENISHMENT_ITEM.PRODUCT_ID.eq(productId);
    }
}
