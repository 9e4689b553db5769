package dev.aftersales.plugins.replenishment;

import static dev.aftersales.plugins.replenishment.jooq.Tables.REPLENISHMENT_USAGE;

import dev.aftersales.api.FeatureContext;
import dev.aftersales.plugins.replenishment.jooq.tables.records.ReplenishmentUsageRecord;
import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;

/** SQL of the operator's usage days per product or variant. */
final class Usage {

    static final String PRODUCT = "PRODUCT";
    static final String VARIANT = "VARIANT";

    private final DSLContext db;
    private final String shopId;

    private Usage(DSLContext db, String shopId) {
        this.db = db;
        this.shopId = shopId;
    }

    static Usage of(FeatureContext shop) {
        return new Usage(shop.db(), shop.shopId());
    }

    static Usage in(DSLContext tx, FeatureContext shop) {
        return new Usage(tx, shop.shopId());
    }

    void set(String target, String targetId, int usageDays, Instant now) {
        db.insertInto(REPLENISHMENT_USAGE)
                .set(REPLENISHMENT_USAGE.SHOP_ID, shopId)
                .set(REPLENISHMENT_USAGE.TARGET, target)
                .set(REPLENISHMENT_USAGE.TARGET_ID, targetId)
                .set(REPLENISHMENT_USAGE.USAGE_DAYS, usageDays)
                .set(REPLENISHMENT_USAGE.UPDATED_AT, Items.utc(now))
                .onDuplicateKeyUpdate()
                .set(REPLENISHMENT_USAGE.USAGE_DAYS, usageDays)
                .set(REPLENISHMENT_USAGE.UPDATED_AT, Items.utc(now))
                .execute();
    }

    void remove(String target, String targetId) {
        db.deleteFrom(REPLENISHMENT_USAGE)
                .where(REPLENISHMENT_USAGE.SHOP_ID.eq(shopId).and(REPLENISHMENT_USAGE.TARGET.eq(target))
                        .and(REPLENISHMENT_USAGE.TARGET_ID.eq(targetId)))
                .execute();
    }

    List<ReplenishmentUsageRecord> all(int limit) {
        return db.selectFrom(REPLENISHMENT_USAGE).where(REPLENISHMENT_USAGE.SHOP_ID.eq(shopId))
                .orderBy(REPLENISHMENT_USAGE.TARGET, REPLENISHMENT_USAGE.TARGET_ID)
                .limit(limit)
                .fetch();
    }
}
