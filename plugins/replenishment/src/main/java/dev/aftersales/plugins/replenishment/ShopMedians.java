package dev.aftersales.plugins.replenishment;

import dev.aftersales.api.FeatureContext;
import dev.aftersales.plugins.replenishment.jooq.tables.records.ReplenishmentVariantRecord;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The shop-wide learned interval of a variant: the median of the own medians of its customers with at least three
 * purchases. Once {@code minRepeatBuyers} such customers exist it replaces the operator's usage days for everyone
 * without an own median or interval; when it takes effect or moves, their rows are retimed.
 */
final class ShopMedians {

    private ShopMedians() {
    }

    static void update(FeatureContext shop, String variantId) {
        int minBuyers = ReplenishmentSettings.of(shop.settings()).minRepeatBuyers();
        boolean changed = shop.inTransaction(tx -> {
            Items items = Items.in(tx.dsl(), shop);
            items.lockVariant(variantId, shop.clock().instant());
            Optional<ReplenishmentVariantRecord> before = items.variant(variantId);
            List<BigDecimal> medians = items.repeatBuyerMedians(variantId);
            BigDecimal median = Timing.median(medians);
            items.saveVariant(variantId, medians.size(), median, shop.clock().instant());
            BigDecimal effectiveBefore = before.filter(v -> v.getRepeatBuyers() >= minBuyers)
                    .map(ReplenishmentVariantRecord::getMedianDays).orElse(null);
            BigDecimal effectiveNow = medians.size() >= minBuyers ? median : null;
            return !Objects.equals(effectiveBefore == null ? null : effectiveBefore.stripTrailingZeros(),
                    effectiveNow == null ? null : effectiveNow.stripTrailingZeros());
        });
        if (changed) {
            ItemTiming.retimeAll(shop, ItemTiming.ofVariant(variantId));
        }
    }
}
