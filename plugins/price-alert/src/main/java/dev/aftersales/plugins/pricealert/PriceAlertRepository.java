package dev.aftersales.plugins.pricealert;

import static dev.aftersales.plugins.pricealert.jooq.Tables.PRICE_ALERT_SENT;
import static dev.aftersales.plugins.pricealert.jooq.Tables.PRICE_ALERT_SUBSCRIPTION;
import static dev.aftersales.plugins.pricealert.jooq.Tables.PRICE_ALERT_WATCHER;

import dev.aftersales.api.FeatureContext;
import dev.aftersales.api.catalog.Money;
import dev.aftersales.plugins.pricealert.jooq.tables.records.PriceAlertSentRecord;
import dev.aftersales.plugins.pricealert.jooq.tables.records.PriceAlertSubscriptionRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * SQL of the price-alert feature in one shop. Every statement filters on (or inserts) {@code shop_id} for every table
 * it touches, subqueries included: the host refuses others, and it keeps shops apart. Create it per operation:
 * {@link #of} outside a transaction, {@link #in} inside one.
 */
final class PriceAlertRepository {

    private static final dev.aftersales.plugins.pricealert.jooq.tables.PriceAlertSubscription SUB =
            PRICE_ALERT_SUBSCRIPTION;

    private final DSLContext db;
    private final String shopId;

    private PriceAlertRepository(DSLContext db, String shopId) {
        this.db = db;
        this.shopId = shopId;
    }

    static PriceAlertRepository of(FeatureContext shop) {
        return new PriceAlertRepository(shop.db(), shop.shopId());
    }

    static PriceAlertRepository in(Configuration transaction, FeatureContext shop) {
        return new PriceAlertRepository(transaction.dsl(), shop.shopId());
    }

    // ---------------------------------------------------------------- subscriptions

    /**
     * Inserts unless the person already has one for the variant (same origin); the stored one either way, locked. The
     * upsert's no-op update locks an existing row exclusively at once: INSERT IGNORE took a shared lock, and two
     * clicks of one person that both held it deadlocked when the transaction went on to update the row.
     */
    PriceAlert insertIfAbsent(String origin, String variantId, String customerId, String email, String locale,
                              BigDecimal target, Money reference, String status, Instant now) {
        db.insertInto(SUB)
                .set(SUB.SHOP_ID, shopId)
                .set(SUB.ORIGIN, origin)
                .set(SUB.VARIANT_ID, variantId)
                .set(SUB.CUSTOMER_ID, customerId)
                .set(SUB.EMAIL, email)
                .set(SUB.LOCALE, locale)
                .set(SUB.TARGET_PRICE, target)
                .set(SUB.REFERENCE_PRICE, reference.amount())
                .set(SUB.CURRENCY, reference.currency())
                .set(SUB.STATUS, status)
                .set(SUB.ALERTS_SENT, 0)
                .set(SUB.CREATED_AT, toDb(now))
                .onDuplicateKeyUpdate()
                .set(SUB.STATUS, SUB.STATUS)
                .execute();
        return find(origin, variantId, customerId, email).orElseThrow();
    }

    Optional<PriceAlert> find(String origin, String variantId, String customerId, String email) {
        Condition who = customerId != null ? SUB.CUSTOMER_ID.eq(customerId) : SUB.EMAIL.eq(email);
        return db.selectFrom(SUB)
                .where(SUB.SHOP_ID.eq(shopId), SUB.ORIGIN.eq(origin), SUB.VARIANT_ID.eq(variantId), who)
                .fetchOptional(PriceAlertRepository::toAlert);
    }

    Optional<PriceAlert> customersSubscription(String customerId, long id) {
        return db.selectFrom(SUB)
                .where(SUB.SHOP_ID.eq(shopId), SUB.ID.eq(id), SUB.CUSTOMER_ID.eq(customerId),
                        SUB.ORIGIN.eq(PriceAlert.SUBSCRIBED))
                .fetchOptional(PriceAlertRepository::toAlert);
    }

    void setTarget(long id, BigDecimal target) {
        db.update(SUB).set(SUB.TARGET_PRICE, target).where(SUB.SHOP_ID.eq(shopId), SUB.ID.eq(id)).execute();
    }

    void activate(long id) {
        db.update(SUB).set(SUB.STATUS, PriceAlert.ACTIVE).where(SUB.SHOP_ID.eq(shopId), SUB.ID.eq(id)).execute();
    }

    /** Activates a guest's pending subscriptions after the double opt-in; returns how many. */
    int activateGuest(String email) {
        return db.update(SUB).set(SUB.STATUS, PriceAlert.ACTIVE)
                .where(SUB.SHOP_ID.eq(shopId), SUB.EMAIL.eq(email), SUB.STATUS.eq(PriceAlert.PENDING))
                .execute();
    }

    int delete(long id) {
        return db.deleteFrom(SUB).where(SUB.SHOP_ID.eq(shopId), SUB.ID.eq(id)).execute();
    }

    /** One page of a customer's own subscriptions (not the wishlist copies), newest first. */
    List<PriceAlert> subscriptionsOf(String customerId, Long beforeId, int limit) {
        return db.selectFrom(SUB)
                .where(SUB.SHOP_ID.eq(shopId), SUB.CUSTOMER_ID.eq(customerId), SUB.ORIGIN.eq(PriceAlert.SUBSCRIBED),
                        beforeId == null ? DSL.noCondition() : SUB.ID.lt(beforeId))
                .orderBy(SUB.ID.desc())
                .limit(limit)
                .fetch(PriceAlertRepository::toAlert);
    }

    List<PriceAlert> allOf(String customerId) {
        return db.selectFrom(SUB).where(SUB.SHOP_ID.eq(shopId), SUB.CUSTOMER_ID.eq(customerId))
                .orderBy(SUB.ID).fetch(PriceAlertRepository::toAlert);
    }

    /**
     * One page of the subscriptions a new price of the variant may alert, in id order after {@code afterId}, locked so
     * that two deliveries of the same change cannot both alert: active ones the person asked for, and wishlist copies
     * of customers who watch their wishlist.
     */
    List<PriceAlert> lockAlertable(String variantId, long afterId, int limit) {
        return db.selectFrom(SUB)
                .where(SUB.SHOP_ID.eq(shopId), SUB.VARIANT_ID.eq(variantId), SUB.STATUS.eq(PriceAlert.ACTIVE),
                        SUB.ID.gt(afterId), alertableOrigin())
                .orderBy(SUB.ID)
                .limit(limit)
                .forUpdate()
                .fetch(PriceAlertRepository::toAlert);
    }

    /** Which of these customers have an alertable subscription of their own to the variant (on any page). */
    Set<String> subscribedAmong(String variantId, Collection<String> customerIds) {
        if (customerIds.isEmpty()) {
            return Set.of();
        }
        return db.selectDistinct(SUB.CUSTOMER_ID).from(SUB)
                .where(SUB.SHOP_ID.eq(shopId), SUB.VARIANT_ID.eq(variantId), SUB.STATUS.eq(PriceAlert.ACTIVE),
                        SUB.ORIGIN.eq(PriceAlert.SUBSCRIBED), SUB.CUSTOMER_ID.in(customerIds))
                .fetchSet(SUB.CUSTOMER_ID);
    }

    private Condition alertableOrigin() {
        var watcher = PRICE_ALERT_WATCHER;
        Condition watching = DSL.exists(DSL.selectOne().from(watcher)
                .where(watcher.SHOP_ID.eq(shopId), watcher.CUSTOMER_ID.eq(SUB.CUSTOMER_ID)));
        return SUB.ORIGIN.eq(PriceAlert.SUBSCRIBED).or(SUB.ORIGIN.eq(PriceAlert.WISHLIST).and(watching));
    }

    /** The price of an alert becomes the reference of the next one; one statement for a page's alerts. */
    void recordAlerts(Collection<Long> ids, Money price, Instant now) {
        if (ids.isEmpty()) {
            return;
        }
        db.update(SUB)
                .set(SUB.REFERENCE_PRICE, price.amount())
                .set(SUB.ALERTS_SENT, SUB.ALERTS_SENT.plus(1))
                .set(SUB.LAST_ALERTED_AT, toDb(now))
                .where(SUB.SHOP_ID.eq(shopId), SUB.ID.in(ids))
                .execute();
    }

    /** A rise, or a drop too small to tell: the new price becomes the reference; one statement for a page. */
    void rebase(Collection<Long> ids, Money price) {
        if (ids.isEmpty()) {
            return;
        }
        db.update(SUB)
                .set(SUB.REFERENCE_PRICE, price.amount())
                .set(SUB.CURRENCY, price.currency())
                .where(SUB.SHOP_ID.eq(shopId), SUB.ID.in(ids))
                .execute();
    }

    /** Records a page's queued alerts, each with the message the outbox gave it, in one statement. */
    void insertSent(List<PriceAlert> alerts, List<String> messageIds, Money price, Instant now) {
        if (alerts.isEmpty()) {
            return;
        }
        var insert = db.insertInto(PRICE_ALERT_SENT, PRICE_ALERT_SENT.SHOP_ID, PRICE_ALERT_SENT.SUBSCRIPTION_ID,
                PRICE_ALERT_SENT.ORIGIN, PRICE_ALERT_SENT.VARIANT_ID, PRICE_ALERT_SENT.CUSTOMER_ID,
                PRICE_ALERT_SENT.EMAIL, PRICE_ALERT_SENT.OLD_PRICE, PRICE_ALERT_SENT.NEW_PRICE,
                PRICE_ALERT_SENT.CURRENCY, PRICE_ALERT_SENT.MESSAGE_ID, PRICE_ALERT_SENT.SENT_AT);
        for (int i = 0; i < alerts.size(); i++) {
            PriceAlert alert = alerts.get(i);
            insert = insert.values(shopId, alert.id(), alert.origin(), alert.variantId(), alert.customerId(),
                    alert.email(), alert.referencePrice().amount(), price.amount(), price.currency(),
                    messageIds.get(i), toDb(now));
        }
        insert.execute();
    }

    List<PriceAlertSentRecord> sentTo(String customerId) {
        return db.selectFrom(PRICE_ALERT_SENT)
                .where(PRICE_ALERT_SENT.SHOP_ID.eq(shopId), PRICE_ALERT_SENT.CUSTOMER_ID.eq(customerId))
                .orderBy(PRICE_ALERT_SENT.ID).fetch();
    }

    // ---------------------------------------------------------------- wishlist copy and watchers

    void deleteWishlistCopy(String customerId, String variantId) {
        db.deleteFrom(SUB).where(SUB.SHOP_ID.eq(shopId), SUB.ORIGIN.eq(PriceAlert.WISHLIST),
                SUB.CUSTOMER_ID.eq(customerId), SUB.VARIANT_ID.eq(variantId)).execute();
    }

    boolean watches(String customerId) {
        return db.fetchExists(PRICE_ALERT_WATCHER, PRICE_ALERT_WATCHER.SHOP_ID.eq(shopId),
                PRICE_ALERT_WATCHER.CUSTOMER_ID.eq(customerId));
    }

    void watch(String customerId, Instant now) {
        db.insertInto(PRICE_ALERT_WATCHER)
                .set(PRICE_ALERT_WATCHER.SHOP_ID, shopId)
                .set(PRICE_ALERT_WATCHER.CUSTOMER_ID, customerId)
                .set(PRICE_ALERT_WATCHER.SINCE, toDb(now))
                .onDuplicateKeyIgnore()
                .execute();
    }

    void unwatch(String customerId) {
        db.deleteFrom(PRICE_ALERT_WATCHER).where(PRICE_ALERT_WATCHER.SHOP_ID.eq(shopId),
                PRICE_ALERT_WATCHER.CUSTOMER_ID.eq(customerId)).execute();
    }

    // ---------------------------------------------------------------- consent revoked, erasure, report

    /** A guest unsubscribed from alerts: their subscriptions go, and their address leaves the alert history. */
    void forgetGuest(String email) {
        db.deleteFrom(SUB).where(SUB.SHOP_ID.eq(shopId), SUB.EMAIL.eq(email)).execute();
        db.update(PRICE_ALERT_SENT).set(PRICE_ALERT_SENT.EMAIL, (String) null)
                .where(PRICE_ALERT_SENT.SHOP_ID.eq(shopId), PRICE_ALERT_SENT.EMAIL.eq(email)).execute();
    }

    /** A customer unsubscribed from alerts: their own subscriptions and the wishlist watch end. */
    void cancelAllOf(String customerId) {
        db.deleteFrom(SUB).where(SUB.SHOP_ID.eq(shopId), SUB.CUSTOMER_ID.eq(customerId),
                SUB.ORIGIN.eq(PriceAlert.SUBSCRIBED)).execute();
        unwatch(customerId);
    }

    void eraseCustomer(String customerId) {
        db.deleteFrom(SUB).where(SUB.SHOP_ID.eq(shopId), SUB.CUSTOMER_ID.eq(customerId)).execute();
        unwatch(customerId);
        db.deleteFrom(PRICE_ALERT_SENT).where(PRICE_ALERT_SENT.SHOP_ID.eq(shopId),
                PRICE_ALERT_SENT.CUSTOMER_ID.eq(customerId)).execute();
    }

    PriceAlertReport report() {
        var counts = db.select(
                        DSL.count().filterWhere(SUB.ORIGIN.eq(PriceAlert.SUBSCRIBED).and(SUB.STATUS.eq(PriceAlert.ACTIVE))),
                        DSL.count().filterWhere(SUB.STATUS.eq(PriceAlert.PENDING)),
                        DSL.count().filterWhere(SUB.ORIGIN.eq(PriceAlert.WISHLIST)))
                .from(SUB).where(SUB.SHOP_ID.eq(shopId)).fetchOne();
        int watchers = db.fetchCount(PRICE_ALERT_WATCHER, PRICE_ALERT_WATCHER.SHOP_ID.eq(shopId));
        int sent = db.fetchCount(PRICE_ALERT_SENT, PRICE_ALERT_SENT.SHOP_ID.eq(shopId));
        return new PriceAlertReport(counts.value1(), counts.value2(), counts.value3(), watchers, sent);
    }

    // ---------------------------------------------------------------- mapping

    private static PriceAlert toAlert(PriceAlertSubscriptionRecord row) {
        String currency = row.getCurrency();
        return new PriceAlert(row.getId(), row.getOrigin(), row.getVariantId(), row.getCustomerId(), row.getEmail(),
                row.getLocale(),
                row.getTargetPrice() == null ? null : new Money(amount(row.getTargetPrice()), currency),
                new Money(amount(row.getReferencePrice()), currency), row.getStatus(),
                row.getAlertsSent(), fromDb(row.getLastAlertedAt()), fromDb(row.getCreatedAt()));
    }

    /** The stored DECIMAL(19,4) as shops show prices: {@code 80.0000} is {@code 80.00}, {@code 9.9950} stays. */
    private static BigDecimal amount(BigDecimal stored) {
        BigDecimal stripped = stored.stripTrailingZeros();
        return stripped.scale() < 2 ? stripped.setScale(2) : stripped;
    }

    static LocalDateTime toDb(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant fromDb(LocalDateTime time) {
        return time == null ? null : time.toInstant(ZoneOffset.UTC);
    }
}
