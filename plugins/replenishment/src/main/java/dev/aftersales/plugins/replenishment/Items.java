package dev.aftersales.plugins.replenishment;

import static dev.aftersales.plugins.replenishment.jooq.Tables.REPLENISHMENT_ITEM;
import static dev.aftersales.plugins.replenishment.jooq.Tables.REPLENISHMENT_PURCHASE;
import static dev.aftersales.plugins.replenishment.jooq.Tables.REPLENISHMENT_USAGE;
import static dev.aftersales.plugins.replenishment.jooq.Tables.REPLENISHMENT_VARIANT;

import dev.aftersales.api.FeatureContext;
import dev.aftersales.plugins.replenishment.jooq.tables.records.ReplenishmentItemRecord;
import dev.aftersales.plugins.replenishment.jooq.tables.records.ReplenishmentPurchaseRecord;
import dev.aftersales.plugins.replenishment.jooq.tables.records.ReplenishmentVariantRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** SQL of purchases, the due table, usage days and variants' learned intervals; always scoped to the shop. */
final class Items {

    /** Purchases read to learn a customer's interval: the latest ones are enough. */
    private static final int LEARN_FROM = 20;

    private final DSLContext db;
    private final String shopId;

    private Items(DSLContext db, String shopId) {
        this.db = db;
        this.shopId = shopId;
    }

    static Items of(FeatureContext shop) {
        return new Items(shop.db(), shop.shopId());
    }

    static Items in(DSLContext tx, FeatureContext shop) {
        return new Items(tx, shop.shopId());
    }

    /** Records an order line with its quantity net of returns; the same line again only updates that quantity. */
    void savePurchase(String orderId, String variantId, String customerId, Instant placedAt, int quantity) {
        db.insertInto(REPLENISHMENT_PURCHASE)
                .set(REPLENISHMENT_PURCHASE.SHOP_ID, shopId)
                .set(REPLENISHMENT_PURCHASE.ORDER_ID, orderId)
                .set(REPLENISHMENT_PURCHASE.VARIANT_ID, variantId)
                .set(REPLENISHMENT_PURCHASE.CUSTOMER_ID, customerId)
                .set(REPLENISHMENT_PURCHASE.PLACED_AT, utc(placedAt))
                .set(REPLENISHMENT_PURCHASE.QUANTITY, quantity)
                .onDuplicateKeyUpdate()
                .set(REPLENISHMENT_PURCHASE.QUANTITY, quantity)
                .execute();
    }

    /** The customer's latest purchases of the variant, oldest first. */
    List<ReplenishmentPurchaseRecord> purchases(String customerId, String variantId) {
        return db.selectFrom(REPLENISHMENT_PURCHASE)
                .where(REPLENISHMENT_PURCHASE.SHOP_ID.eq(shopId)
                        .and(REPLENISHMENT_PURCHASE.CUSTOMER_ID.eq(customerId))
                        .and(REPLENISHMENT_PURCHASE.VARIANT_ID.eq(variantId)))
                .orderBy(REPLENISHMENT_PURCHASE.PLACED_AT.desc(), REPLENISHMENT_PURCHASE.ORDER_ID.desc())
                .limit(LEARN_FROM)
                .fetch()
                .reversed();
    }

    List<ReplenishmentPurchaseRecord> purchasesOf(String customerId) {
        return db.selectFrom(REPLENISHMENT_PURCHASE)
                .where(REPLENISHMENT_PURCHASE.SHOP_ID.eq(shopId).and(REPLENISHMENT_PURCHASE.CUSTOMER_ID.eq(customerId)))
                .orderBy(REPLENISHMENT_PURCHASE.PLACED_AT)
                .fetch();
    }

    /**
     * Locks the customer's row of the variant, creating it first when it does not exist: the upsert locks the row at
     * once, so two orders of the same customer and variant queue up instead of deadlocking on a gap lock.
     */
    ReplenishmentItemRecord lockOrCreate(String customerId, String variantId, String orderId, Instant placedAt,
                                         Instant now) {
        db.insertInto(REPLENISHMENT_ITEM)
                .set(REPLENISHMENT_ITEM.SHOP_ID, shopId)
                .set(REPLENISHMENT_ITEM.CUSTOMER_ID, customerId)
                .set(REPLENISHMENT_ITEM.VARIANT_ID, variantId)
                .set(REPLENISHMENT_ITEM.LAST_ORDER_ID, orderId)
                .set(REPLENISHMENT_ITEM.LAST_PURCHASE_AT, utc(placedAt))
                .set(REPLENISHMENT_ITEM.UNITS, 0)
                .set(REPLENISHMENT_ITEM.PURCHASES, 0)
                .set(REPLENISHMENT_ITEM.RULE_NAME, Timing.Rule.NONE.name())
                .set(REPLENISHMENT_ITEM.SKIPPED, 0)
                .set(REPLENISHMENT_ITEM.STOPPED, false)
                .set(REPLENISHMENT_ITEM.UPDATED_AT, utc(now))
                .onDuplicateKeyUpdate()
                .set(REPLENISHMENT_ITEM.UPDATED_AT, utc(now))
                .execute();
        return itemForUpdate(customerId, variantId).orElseThrow();
    }

    Optional<ReplenishmentItemRecord> itemForUpdate(String customerId, String variantId) {
        return Optional.ofNullable(db.selectFrom(REPLENISHMENT_ITEM).where(key(customerId, variantId))
                .forUpdate().fetchOne());
    }

    Optional<ReplenishmentItemRecord> item(String customerId, String variantId) {
        return Optional.ofNullable(db.selectFrom(REPLENISHMENT_ITEM).where(key(customerId, variantId)).fetchOne());
    }

    /** The customer's rows, soonest run-out first (rows without one last). */
    List<ReplenishmentItemRecord> itemsOf(String customerId, int limit) {
        return db.selectFrom(REPLENISHMENT_ITEM)
                .where(REPLENISHMENT_ITEM.SHOP_ID.eq(shopId).and(REPLENISHMENT_ITEM.CUSTOMER_ID.eq(customerId)))
                .orderBy(REPLENISHMENT_ITEM.RUN_OUT_AT.isNull(), REPLENISHMENT_ITEM.RUN_OUT_AT,
                        REPLENISHMENT_ITEM.VARIANT_ID)
                .limit(limit)
                .fetch();
    }

    void store(ReplenishmentItemRecord item) {
        if (item.changed()) {
            db.update(REPLENISHMENT_ITEM).set(item)
                    .where(key(item.getCustomerId(), item.getVariantId()))
                    .execute();
        }
    }

    void delete(String customerId, String variantId) {
        db.deleteFrom(REPLENISHMENT_ITEM).where(key(customerId, variantId)).execute();
    }

    /** A page of the rows of these variants (or of this product), by customer id after {@code afterCustomer}. */
    List<ReplenishmentItemRecord> itemsOfVariantsForUpdate(Condition which, String afterCustomer, String afterVariant,
                                                           int limit) {
        return db.selectFrom(REPLENISHMENT_ITEM)
                .where(REPLENISHMENT_ITEM.SHOP_ID.eq(shopId).and(which)
                        .and(REPLENISHMENT_ITEM.CUSTOMER_ID.gt(afterCustomer)
                                .or(REPLENISHMENT_ITEM.CUSTOMER_ID.eq(afterCustomer)
                                        .and(REPLENISHMENT_ITEM.VARIANT_ID.gt(afterVariant)))))
                .orderBy(REPLENISHMENT_ITEM.CUSTOMER_ID, REPLENISHMENT_ITEM.VARIANT_ID)
                .limit(limit)
                .forUpdate()
                .fetch();
    }

    /** The operator's usage days of the variant, else of its product; null when neither has any. */
    Integer usageDays(String variantId, String productId) {
        var rows = db.select(REPLENISHMENT_USAGE.TARGET, REPLENISHMENT_USAGE.USAGE_DAYS).from(REPLENISHMENT_USAGE)
                .where(REPLENISHMENT_USAGE.SHOP_ID.eq(shopId)
                        .and(REPLENISHMENT_USAGE.TARGET.eq(Usage.VARIANT).and(REPLENISHMENT_USAGE.TARGET_ID.eq(variantId))
                                .or(REPLENISHMENT_USAGE.TARGET.eq(Usage.PRODUCT)
                                        .and(REPLENISHMENT_USAGE.TARGET_ID.eq(productId == null ? "" : productId)))))
                .fetch();
        return rows.stream().filter(r -> r.value1().equals(Usage.VARIANT)).findFirst()
                .or(() -> rows.stream().findFirst())
                .map(r -> r.value2()).orElse(null);
    }

    /** The variant's shop-wide median days per unit, when at least {@code minRepeatBuyers} customers back it. */
    BigDecimal shopDays(String variantId, int minRepeatBuyers) {
        return variant(variantId).filter(v -> v.getRepeatBuyers() >= minRepeatBuyers)
                .map(ReplenishmentVariantRecord::getMedianDays).orElse(null);
    }

    Optional<ReplenishmentVariantRecord> variant(String variantId) {
        return Optional.ofNullable(db.selectFrom(REPLENISHMENT_VARIANT)
                .where(REPLENISHMENT_VARIANT.SHOP_ID.eq(shopId).and(REPLENISHMENT_VARIANT.VARIANT_ID.eq(variantId)))
                .fetchOne());
    }

    /** The own medians of the variant's customers with at least three purchases. */
    List<BigDecimal> repeatBuyerMedians(String variantId) {
        return db.select(REPLENISHMENT_ITEM.CUSTOMER_DAYS).from(REPLENISHMENT_ITEM)
                .where(REPLENISHMENT_ITEM.SHOP_ID.eq(shopId).and(REPLENISHMENT_ITEM.VARIANT_ID.eq(variantId))
                        .and(REPLENISHMENT_ITEM.PURCHASES.ge(3)).and(REPLENISHMENT_ITEM.CUSTOMER_DAYS.isNotNull()))
                .fetch(REPLENISHMENT_ITEM.CUSTOMER_DAYS);
    }

    /**
     * Locks the variant's row (creating it empty first): concurrent updates of its median queue up, and each reads
     * the customers' medians only once it holds the lock, so none computes from a view that misses another's order.
     */
    void lockVariant(String variantId, Instant now) {
        db.insertInto(REPLENISHMENT_VARIANT)
                .set(REPLENISHMENT_VARIANT.SHOP_ID, shopId)
                .set(REPLENISHMENT_VARIANT.VARIANT_ID, variantId)
                .set(REPLENISHMENT_VARIANT.REPEAT_BUYERS, 0)
                .set(REPLENISHMENT_VARIANT.UPDATED_AT, utc(now))
                .onDuplicateKeyUpdate()
                .set(REPLENISHMENT_VARIANT.UPDATED_AT, utc(now))
                .execute();
    }

    void saveVariant(String variantId, int repeatBuyers, BigDecimal medianDays, Instant now) {
        db.insertInto(REPLENISHMENT_VARIANT)
                .set(REPLENISHMENT_VARIANT.SHOP_ID, shopId)
                .set(REPLENISHMENT_VARIANT.VARIANT_ID, variantId)
                .set(REPLENISHMENT_VARIANT.REPEAT_BUYERS, repeatBuyers)
                .set(REPLENISHMENT_VARIANT.MEDIAN_DAYS, medianDays)
                .set(REPLENISHMENT_VARIANT.UPDATED_AT, utc(now))
                .onDuplicateKeyUpdate()
                .set(REPLENISHMENT_VARIANT.REPEAT_BUYERS, repeatBuyers)
                .set(REPLENISHMENT_VARIANT.MEDIAN_DAYS, medianDays)
                .set(REPLENISHMENT_VARIANT.UPDATED_AT, utc(now))
                .execute();
    }

    /** Customers with an item whose reminder is due by {@code horizon} and not snoozed past {@code now}. */
    List<String> dueCustomers(Instant horizon, Instant now, int limit) {
        return db.selectDistinct(REPLENISHMENT_ITEM.CUSTOMER_ID).from(REPLENISHMENT_ITEM)
                .where(REPLENISHMENT_ITEM.SHOP_ID.eq(shopId).and(due(horizon, now)))
                .limit(limit)
                .fetch(REPLENISHMENT_ITEM.CUSTOMER_ID);
    }

    /** The due items of these customers, locked. */
    List<ReplenishmentItemRecord> dueItemsForUpdate(Collection<String> customerIds, Instant horizon, Instant now) {
        return db.selectFrom(REPLENISHMENT_ITEM)
                .where(REPLENISHMENT_ITEM.SHOP_ID.eq(shopId).and(REPLENISHMENT_ITEM.CUSTOMER_ID.in(customerIds))
                        .and(due(horizon, now)))
                .orderBy(REPLENISHMENT_ITEM.CUSTOMER_ID, REPLENISHMENT_ITEM.DUE_AT)
                .forUpdate()
                .fetch();
    }

    /**
     * Marks the due items of these customers as reminded in this cycle (no second reminder until the next purchase,
     * a skip or a snooze), each with its customer's reminder (null: nothing of it could be offered), in one statement.
     */
    void markReminded(Map<String, String> reminderByCustomer, Instant horizon, Instant now) {
        db.update(REPLENISHMENT_ITEM)
                .set(REPLENISHMENT_ITEM.DUE_AT, (LocalDateTime) null)
                .set(REPLENISHMENT_ITEM.REMINDER_ID, DSL.case_(REPLENISHMENT_ITEM.CUSTOMER_ID).mapValues(reminderByCustomer))
                .set(REPLENISHMENT_ITEM.UPDATED_AT, utc(now))
                .where(REPLENISHMENT_ITEM.SHOP_ID.eq(shopId)
                        .and(REPLENISHMENT_ITEM.CUSTOMER_ID.in(reminderByCustomer.keySet()))
                        .and(due(horizon, now)))
                .execute();
    }

    /** Items whose reminder goes out before {@code horizon} (overdue ones included). */
    int countDueBefore(Instant horizon) {
        return db.selectCount().from(REPLENISHMENT_ITEM)
                .where(REPLENISHMENT_ITEM.SHOP_ID.eq(shopId).and(REPLENISHMENT_ITEM.DUE_AT.lt(utc(horizon))))
                .fetchOne(0, int.class);
    }

    /** Variants customers bought that have no usage days (never reminded), most customers first. */
    List<org.jooq.Record2<String, Integer>> unconfigured(int limit) {
        return db.select(REPLENISHMENT_ITEM.VARIANT_ID, DSL.count())
                .from(REPLENISHMENT_ITEM)
                .where(REPLENISHMENT_ITEM.SHOP_ID.eq(shopId)
                        .and(REPLENISHMENT_ITEM.RULE_NAME.eq(Timing.Rule.NONE.name())))
                .groupBy(REPLENISHMENT_ITEM.VARIANT_ID)
                .orderBy(DSL.count().desc(), REPLENISHMENT_ITEM.VARIANT_ID)
                .limit(limit)
                .fetch();
    }

    void eraseCustomer(String customerId) {
        db.deleteFrom(REPLENISHMENT_ITEM)
                .where(REPLENISHMENT_ITEM.SHOP_ID.eq(shopId).and(REPLENISHMENT_ITEM.CUSTOMER_ID.eq(customerId)))
                .execute();
        db.deleteFrom(REPLENISHMENT_PURCHASE)
                .where(REPLENISHMENT_PURCHASE.SHOP_ID.eq(shopId).and(REPLENISHMENT_PURCHASE.CUSTOMER_ID.eq(customerId)))
                .execute();
    }

    private Condition key(String customerId, String variantId) {
        return REPLENISHMENT_ITEM.SHOP_ID.eq(shopId).and(REPLENISHMENT_ITEM.CUSTOMER_ID.eq(customerId))
                .and(REPLENISHMENT_ITEM.VARIANT_ID.eq(variantId));
    }

    private static Condition due(Instant horizon, Instant now) {
        return REPLENISHMENT_ITEM.DUE_AT.le(utc(horizon))
                .and(REPLENISHMENT_ITEM.SNOOZED_UNTIL.isNull().or(REPLENISHMENT_ITEM.SNOOZED_UNTIL.le(utc(now))));
    }

    static LocalDateTime utc(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant instant(LocalDateTime time) {
        return time == null ? null : time.toInstant(ZoneOffset.UTC);
    }
}
