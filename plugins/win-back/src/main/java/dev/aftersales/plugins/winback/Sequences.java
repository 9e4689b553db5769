package dev.aftersales.plugins.winback;

import static dev.aftersales.plugins.winback.jooq.Tables.WIN_BACK_SEQUENCES;

import dev.aftersales.api.FeatureContext;
import dev.aftersales.plugins.winback.jooq.tables.records.WinBackSequencesRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** All SQL of the win-back sequences, scoped to one shop. */
final class Sequences {

    static final String REMINDED = "REMINDED";
    static final String OFFERED = "OFFERED";
    static final String REACTIVATED = "REACTIVATED";
    static final String EXPIRED = "EXPIRED";
    static final String UNSUBSCRIBED = "UNSUBSCRIBED";
    static final String COUPON_FAILED = "COUPON_FAILED";
    static final List<String> ACTIVE = List.of(REMINDED, OFFERED);

    private final DSLContext db;
    private final String shopId;

    private Sequences(DSLContext db, String shopId) {
        this.db = db;
        this.shopId = shopId;
    }

    static Sequences of(FeatureContext shop) {
        return new Sequences(shop.db(), shop.shopId());
    }

    static Sequences in(DSLContext tx, FeatureContext shop) {
        return new Sequences(tx, shop.shopId());
    }

    private Condition shop() {
        return WIN_BACK_SEQUENCES.SHOP_ID.eq(shopId);
    }

    /** Of these customers, those with a running sequence or one started since {@code since} (cooldown). */
    Set<String> blocked(Collection<String> customerIds, Instant since) {
        return db.selectDistinct(WIN_BACK_SEQUENCES.CUSTOMER_ID).from(WIN_BACK_SEQUENCES)
                .where(shop().and(WIN_BACK_SEQUENCES.CUSTOMER_ID.in(customerIds))
                        .and(WIN_BACK_SEQUENCES.STATE.in(ACTIVE).or(WIN_BACK_SEQUENCES.STARTED_AT.ge(utc(since)))))
                .fetchSet(WIN_BACK_SEQUENCES.CUSTOMER_ID);
    }

    /** Starts a sequence for this lapse; false when it exists already (one sequence per last order). */
    boolean start(String customerId, Instant lastOrderAt, String rule, Instant now, Instant offerDueAt) {
        return db.insertInto(WIN_BACK_SEQUENCES)
                .set(WIN_BACK_SEQUENCES.SHOP_ID, shopId)
                .set(WIN_BACK_SEQUENCES.CUSTOMER_ID, customerId)
                .set(WIN_BACK_SEQUENCES.LAST_ORDER_AT, utc(lastOrderAt))
                .set(WIN_BACK_SEQUENCES.LAPSE_RULE, rule)
                .set(WIN_BACK_SEQUENCES.STATE, REMINDED)
                .set(WIN_BACK_SEQUENCES.STARTED_AT, utc(now))
                .set(WIN_BACK_SEQUENCES.OFFER_DUE_AT, utc(offerDueAt))
                .onDuplicateKeyIgnore()
                .execute() == 1;
    }

    /** Reminded sequences whose offer is due, oldest first. */
    List<WinBackSequencesRecord> offersDue(Instant now, int limit) {
        return db.selectFrom(WIN_BACK_SEQUENCES)
                .where(shop().and(WIN_BACK_SEQUENCES.STATE.eq(REMINDED))
                        .and(WIN_BACK_SEQUENCES.OFFER_DUE_AT.le(utc(now))))
                .orderBy(WIN_BACK_SEQUENCES.OFFER_DUE_AT, WIN_BACK_SEQUENCES.ID)
                .limit(limit)
                .fetch();
    }

    /** Records the offer, only while the sequence still waits for it (an order or erasure may have come first). */
    boolean offered(long id, String couponCode, Instant couponExpiresAt, Instant now) {
        return db.update(WIN_BACK_SEQUENCES)
                .set(WIN_BACK_SEQUENCES.STATE, OFFERED)
                .set(WIN_BACK_SEQUENCES.COUPON_CODE, couponCode)
                .set(WIN_BACK_SEQUENCES.COUPON_EXPIRES_AT, utc(couponExpiresAt))
                .set(WIN_BACK_SEQUENCES.COUPON_ATTEMPTS, WIN_BACK_SEQUENCES.COUPON_ATTEMPTS.plus(1))
                .set(WIN_BACK_SEQUENCES.OFFERED_AT, utc(now))
                .where(shop().and(WIN_BACK_SEQUENCES.ID.eq(id)).and(WIN_BACK_SEQUENCES.STATE.eq(REMINDED)))
                .execute() == 1;
    }

    /** The platform refused the coupon: try again at {@code retryAt}, or give up ({@code retryAt} null). */
    void couponRefused(long id, String reason, Instant retryAt, Instant now) {
        db.update(WIN_BACK_SEQUENCES)
                .set(WIN_BACK_SEQUENCES.COUPON_ATTEMPTS, WIN_BACK_SEQUENCES.COUPON_ATTEMPTS.plus(1))
                .set(WIN_BACK_SEQUENCES.COUPON_ERROR, reason == null ? "refused" : truncate(reason, 500))
                .set(WIN_BACK_SEQUENCES.OFFER_DUE_AT, retryAt == null ? null : utc(retryAt))
                .set(WIN_BACK_SEQUENCES.STATE, retryAt == null ? COUPON_FAILED : REMINDED)
                .set(WIN_BACK_SEQUENCES.ENDED_AT, retryAt == null ? utc(now) : null)
                .where(shop().and(WIN_BACK_SEQUENCES.ID.eq(id)).and(WIN_BACK_SEQUENCES.STATE.eq(REMINDED)))
                .execute();
    }

    /** Ends offers whose coupon expired. */
    int expire(Instant now) {
        return db.update(WIN_BACK_SEQUENCES)
                .set(WIN_BACK_SEQUENCES.STATE, EXPIRED)
                .set(WIN_BACK_SEQUENCES.ENDED_AT, utc(now))
                .where(shop().and(WIN_BACK_SEQUENCES.STATE.eq(OFFERED))
                        .and(WIN_BACK_SEQUENCES.COUPON_EXPIRES_AT.le(utc(now))))
                .execute();
    }

    /** The customer ordered: their running sequence ends as reactivated, with the order's revenue. */
    int reactivated(String customerId, String orderId, Instant placedAt, BigDecimal revenue, String currency) {
        return db.update(WIN_BACK_SEQUENCES)
                .set(WIN_BACK_SEQUENCES.STATE, REACTIVATED)
                .set(WIN_BACK_SEQUENCES.ENDED_AT, utc(placedAt))
                .set(WIN_BACK_SEQUENCES.ORDER_ID, orderId)
                .set(WIN_BACK_SEQUENCES.REVENUE, revenue)
                .set(WIN_BACK_SEQUENCES.CURRENCY, currency)
                .where(shop().and(WIN_BACK_SEQUENCES.CUSTOMER_ID.eq(customerId))
                        .and(WIN_BACK_SEQUENCES.STATE.in(ACTIVE))
                        .and(WIN_BACK_SEQUENCES.STARTED_AT.le(utc(placedAt))))
                .execute();
    }

    /** The customer unsubscribed from marketing: their running sequence stops. */
    int unsubscribed(String customerId, Instant now) {
        return db.update(WIN_BACK_SEQUENCES)
                .set(WIN_BACK_SEQUENCES.STATE, UNSUBSCRIBED)
                .set(WIN_BACK_SEQUENCES.ENDED_AT, utc(now))
                .where(shop().and(WIN_BACK_SEQUENCES.CUSTOMER_ID.eq(customerId))
                        .and(WIN_BACK_SEQUENCES.STATE.in(ACTIVE)))
                .execute();
    }

    List<WinBackSequencesRecord> ofCustomer(String customerId) {
        return db.selectFrom(WIN_BACK_SEQUENCES)
                .where(shop().and(WIN_BACK_SEQUENCES.CUSTOMER_ID.eq(customerId)))
                .orderBy(WIN_BACK_SEQUENCES.STARTED_AT.desc(), WIN_BACK_SEQUENCES.ID.desc())
                .fetch();
    }

    int erase(String customerId) {
        return db.deleteFrom(WIN_BACK_SEQUENCES)
                .where(shop().and(WIN_BACK_SEQUENCES.CUSTOMER_ID.eq(customerId)))
                .execute();
    }

    /** Sequences started in [from, to): how many, offered, coupon failures, reactivated, revenue per currency. */
    List<org.jooq.Record6<Integer, Integer, Integer, Integer, BigDecimal, String>> funnel(Instant from, Instant to) {
        var s = WIN_BACK_SEQUENCES;
        return db.select(DSL.count(),
                        DSL.count(s.OFFERED_AT),
                        DSL.sum(DSL.when(s.COUPON_ATTEMPTS.gt(0).and(s.COUPON_CODE.isNull()).or(s.STATE.eq(COUPON_FAILED)), 1)
                                .otherwise(0)).cast(Integer.class),
                        DSL.sum(DSL.when(s.STATE.eq(REACTIVATED), 1).otherwise(0)).cast(Integer.class),
                        DSL.coalesce(DSL.sum(s.REVENUE), BigDecimal.ZERO),
                        DSL.max(s.CURRENCY))
                .from(s)
                .where(shop().and(s.STARTED_AT.ge(utc(from))).and(s.STARTED_AT.lt(utc(to))))
                .fetch();
    }

    static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant instant(LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
