package dev.aftersales.plugins.stockalert;

import static dev.aftersales.plugins.stockalert.jooq.Tables.STOCK_ALERT_SUBSCRIPTION;

import dev.aftersales.api.FeatureContext;
import dev.aftersales.plugins.stockalert.jooq.tables.StockAlertSubscription;
import dev.aftersales.plugins.stockalert.jooq.tables.records.StockAlertSubscriptionRecord;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record4;
import org.jooq.impl.DSL;

/**
 * SQL for subscriptions of one shop. Every statement filters on (or inserts) {@code shop_id}. Create it per operation:
 * {@link #of(FeatureContext)} outside a transaction, {@link #in(Configuration, FeatureContext)} inside one.
 */
final class Subscriptions {

    private static final StockAlertSubscription SUB = STOCK_ALERT_SUBSCRIPTION;

    private final DSLContext db;
    private final String shopId;

    private Subscriptions(DSLContext db, String shopId) {
        this.db = db;
        this.shopId = shopId;
    }

    static Subscriptions of(FeatureContext shop) {
        return new Subscriptions(shop.db(), shop.shopId());
    }

    static Subscriptions in(Configuration transaction, FeatureContext shop) {
        return new Subscriptions(transaction.dsl(), shop.shopId());
    }

    /** The key that makes a subscriber unique per variant: addresses compare case-insensitively. */
    static String subscriberKey(String customerId, String email) {
        return customerId != null ? "c:" + customerId : "e:" + email.trim().toLowerCase(Locale.ROOT);
    }

    /**
     * The subscriber's row for the variant, locked; empty when there is none (the caller inserts it, and a concurrent
     * insert of the same subscriber fails on the unique key, which {@code inTransaction} runs again).
     *
     * <p>Never {@code SELECT ... FOR UPDATE} a row that may not exist: under REPEATABLE READ InnoDB then locks the gap
     * of the unique index where the row would be. Gap locks of concurrent subscribers to one variant do not conflict
     * with each other, but each blocks the others' INSERT into that gap, so two of them deadlock. Hence: find the
     * row without locking, and lock an existing one by primary key, which takes a record lock only.
     */
    Optional<StockAlert> lockBySubscriber(String variantId, String subscriberKey) {
        return db.select(SUB.ID).from(SUB)
                .where(SUB.SHOP_ID.eq(shopId), SUB.VARIANT_ID.eq(variantId), SUB.SUBSCRIBER_KEY.eq(subscriberKey))
                .fetchOptional(SUB.ID)
                .flatMap(id -> db.selectFrom(SUB).where(SUB.SHOP_ID.eq(shopId), SUB.ID.eq(id)).forUpdate()
                        .fetchOptional(Subscriptions::toAlert));
    }

    Optional<StockAlert> find(long id) {
        return db.selectFrom(SUB).where(SUB.SHOP_ID.eq(shopId), SUB.ID.eq(id)).fetchOptional(Subscriptions::toAlert);
    }

    /** Inserts a new subscription and returns it. Runs inside a transaction ({@code LAST_INSERT_ID()}). */
    StockAlert insert(String variantId, String customerId, String email, String locale, String status, Instant now,
                      Instant expiresAt) {
        Instant at = stored(now);
        db.insertInto(SUB)
                .set(SUB.SHOP_ID, shopId)
                .set(SUB.VARIANT_ID, variantId)
                .set(SUB.SUBSCRIBER_KEY, subscriberKey(customerId, email))
                .set(SUB.CUSTOMER_ID, customerId)
                .set(SUB.EMAIL, email)
                .set(SUB.LOCALE, locale)
                .set(SUB.STATE, status)
                .set(SUB.CREATED_AT, toDb(at))
                .set(SUB.EXPIRES_AT, toDb(expiresAt))
                .execute();
        long id = db.lastID().longValue();
        return new StockAlert(id, variantId, customerId, email, locale, status, at, stored(expiresAt), null);
    }

    /** Starts a finished (notified or expired) subscription over: it queues again at the end. */
    StockAlert renew(StockAlert old, String locale, String status, Instant now, Instant expiresAt) {
        Instant at = stored(now);
        db.update(SUB)
                .set(SUB.STATE, status)
                .set(SUB.LOCALE, locale)
                .set(SUB.CREATED_AT, toDb(at))
                .set(SUB.EXPIRES_AT, toDb(expiresAt))
                .setNull(SUB.NOTIFIED_AT)
                .setNull(SUB.RESTOCK_ID)
                .where(SUB.SHOP_ID.eq(shopId), SUB.ID.eq(old.id()))
                .execute();
        return new StockAlert(old.id(), old.variantId(), old.customerId(), old.email(), locale, status, at,
                stored(expiresAt), null);
    }

    void setStatus(long id, String status) {
        db.update(SUB).set(SUB.STATE, status).where(SUB.SHOP_ID.eq(shopId), SUB.ID.eq(id)).execute();
    }

    /** A guest confirmed: their subscriptions awaiting confirmation become active; returns their variants. */
    List<String> activateGuest(String email, Instant now) {
        String key = subscriberKey(null, email);
        var condition = SUB.SHOP_ID.eq(shopId).and(SUB.SUBSCRIBER_KEY.eq(key))
                .and(SUB.STATE.eq(StockAlert.AWAITING_CONFIRMATION)).and(SUB.EXPIRES_AT.gt(toDb(now)));
        List<String> variants = db.selectDistinct(SUB.VARIANT_ID).from(SUB).where(condition).fetch(SUB.VARIANT_ID);
        db.update(SUB).set(SUB.STATE, StockAlert.ACTIVE).where(condition).execute();
        return variants;
    }

    /** Deletes the pending subscriptions of a customer (by id) or guest (by address). */
    int deletePendingOf(String customerId, String email) {
        return db.deleteFrom(SUB)
                .where(SUB.SHOP_ID.eq(shopId), SUB.SUBSCRIBER_KEY.eq(subscriberKey(customerId, email)),
                        SUB.STATE.in(StockAlert.ACTIVE, StockAlert.AWAITING_CONFIRMATION))
                .execute();
    }

    boolean delete(long id, String customerIdOrNullForGuest) {
        var owner = customerIdOrNullForGuest == null ? SUB.CUSTOMER_ID.isNull()
                : SUB.CUSTOMER_ID.eq(customerIdOrNullForGuest);
        return db.deleteFrom(SUB).where(SUB.SHOP_ID.eq(shopId), SUB.ID.eq(id), owner).execute() == 1;
    }

    /** One page of a customer's subscriptions, newest first (ids below {@code beforeId}; null: from the newest). */
    List<StockAlert> ofCustomer(String customerId, Long beforeId, int limit) {
        var condition = SUB.SHOP_ID.eq(shopId).and(SUB.CUSTOMER_ID.eq(customerId));
        if (beforeId != null) {
            condition = condition.and(SUB.ID.lt(beforeId));
        }
        return db.selectFrom(SUB).where(condition).orderBy(SUB.ID.desc()).limit(limit).fetch(Subscriptions::toAlert);
    }

    List<StockAlert> allOfCustomer(String customerId) {
        return db.selectFrom(SUB).where(SUB.SHOP_ID.eq(shopId), SUB.CUSTOMER_ID.eq(customerId))
                .orderBy(SUB.ID).fetch(Subscriptions::toAlert);
    }

    int deleteAllOfCustomer(String customerId) {
        return db.deleteFrom(SUB).where(SUB.SHOP_ID.eq(shopId), SUB.CUSTOMER_ID.eq(customerId)).execute();
    }

    /** The next batch: the oldest active, unexpired subscriptions of the variant, locked. */
    List<StockAlert> lockNextBatch(String variantId, Instant now, int limit) {
        return db.selectFrom(SUB)
                .where(SUB.SHOP_ID.eq(shopId), SUB.VARIANT_ID.eq(variantId), SUB.STATE.eq(StockAlert.ACTIVE),
                        SUB.EXPIRES_AT.gt(toDb(now)))
                .orderBy(SUB.CREATED_AT, SUB.ID)
                .limit(limit)
                .forUpdate()
                .fetch(Subscriptions::toAlert);
    }

    boolean hasActive(String variantId, Instant now) {
        return db.fetchExists(SUB, SUB.SHOP_ID.eq(shopId), SUB.VARIANT_ID.eq(variantId),
                SUB.STATE.eq(StockAlert.ACTIVE), SUB.EXPIRES_AT.gt(toDb(now)));
    }

    void markNotified(List<Long> ids, long restockId, Instant now) {
        db.update(SUB)
                .set(SUB.STATE, StockAlert.NOTIFIED)
                .set(SUB.NOTIFIED_AT, toDb(now))
                .set(SUB.RESTOCK_ID, restockId)
                .where(SUB.SHOP_ID.eq(shopId), SUB.ID.in(ids))
                .execute();
    }

    /** Marks pending subscriptions past their expiry as expired; returns how many. */
    int expire(Instant now) {
        return db.update(SUB)
                .set(SUB.STATE, StockAlert.EXPIRED)
                .where(SUB.SHOP_ID.eq(shopId), SUB.STATE.in(StockAlert.ACTIVE, StockAlert.AWAITING_CONFIRMATION),
                        SUB.EXPIRES_AT.le(toDb(now)))
                .execute();
    }

    /** Deletes finished subscriptions (notified or expired) that ended before {@code before}: data minimisation. */
    int purgeFinished(Instant before) {
        return db.deleteFrom(SUB)
                .where(SUB.SHOP_ID.eq(shopId), SUB.STATE.in(StockAlert.NOTIFIED, StockAlert.EXPIRED),
                        DSL.coalesce(SUB.NOTIFIED_AT, SUB.EXPIRES_AT).lt(toDb(before)))
                .execute();
    }

    /** Demand per variant: pending subscriptions (active and awaiting confirmation), most wanted first. */
    List<Demand> demand(Instant now, int limit) {
        Field<Integer> active = DSL.count().filterWhere(SUB.STATE.eq(StockAlert.ACTIVE)).as("active");
        Field<Integer> awaiting = DSL.count().filterWhere(SUB.STATE.eq(StockAlert.AWAITING_CONFIRMATION))
                .as("awaiting");
        Field<LocalDateTime> oldest = DSL.min(SUB.CREATED_AT).as("oldest");
        return db.select(SUB.VARIANT_ID, active, awaiting, oldest)
                .from(SUB)
                .where(SUB.SHOP_ID.eq(shopId), SUB.STATE.in(StockAlert.ACTIVE, StockAlert.AWAITING_CONFIRMATION),
                        SUB.EXPIRES_AT.gt(toDb(now)))
                .groupBy(SUB.VARIANT_ID)
                .orderBy(active.desc(), awaiting.desc(), SUB.VARIANT_ID)
                .limit(limit)
                .fetch((Record4<String, Integer, Integer, LocalDateTime> row) ->
                        new Demand(row.value1(), row.value2(), row.value3(), fromDb(row.value4())));
    }

    /** Pending demand for one variant. */
    record Demand(String variantId, int pendingSubscribers, int awaitingConfirmation, Instant oldestSubscribedAt) {
    }

    static StockAlert toAlert(StockAlertSubscriptionRecord row) {
        return new StockAlert(row.getId(), row.getVariantId(), row.getCustomerId(), row.getEmail(), row.getLocale(),
                row.getState(), fromDb(row.getCreatedAt()), fromDb(row.getExpiresAt()), fromDb(row.getNotifiedAt()));
    }

    static Instant stored(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    static LocalDateTime toDb(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant fromDb(LocalDateTime value) {
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }
}
