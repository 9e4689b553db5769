package dev.aftersales.plugins.loyalty;

import static dev.aftersales.plugins.loyalty.jooq.Tables.LOYALTY_MEMBER;
import static dev.aftersales.plugins.loyalty.jooq.Tables.LOYALTY_ORDER;
import static dev.aftersales.plugins.loyalty.jooq.Tables.LOYALTY_REDEMPTION;

import dev.aftersales.api.FeatureContext;
import dev.aftersales.plugins.loyalty.jooq.tables.records.LoyaltyMemberRecord;
import dev.aftersales.plugins.loyalty.jooq.tables.records.LoyaltyOrderRecord;
import dev.aftersales.plugins.loyalty.jooq.tables.records.LoyaltyRedemptionRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** SQL of members (their tier), the orders the programme rewarded, and redemptions; always scoped to the shop. */
final class Members {

    private final DSLContext db;
    private final String shopId;

    private Members(DSLContext db, String shopId) {
        this.db = db;
        this.shopId = shopId;
    }

    static Members of(FeatureContext shop) {
        return new Members(shop.db(), shop.shopId());
    }

    static Members in(DSLContext tx, FeatureContext shop) {
        return new Members(tx, shop.shopId());
    }

    Optional<LoyaltyMemberRecord> lockMember(String customerId) {
        return Optional.ofNullable(db.selectFrom(LOYALTY_MEMBER)
                .where(LOYALTY_MEMBER.SHOP_ID.eq(shopId).and(LOYALTY_MEMBER.CUSTOMER_ID.eq(customerId)))
                .forUpdate().fetchOne());
    }

    Optional<LoyaltyMemberRecord> member(String customerId) {
        return Optional.ofNullable(db.selectFrom(LOYALTY_MEMBER)
                .where(LOYALTY_MEMBER.SHOP_ID.eq(shopId).and(LOYALTY_MEMBER.CUSTOMER_ID.eq(customerId)))
                .fetchOne());
    }

    void insertMember(String customerId, String tier, int reviewedYear, Instant now) {
        db.insertInto(LOYALTY_MEMBER)
                .set(LOYALTY_MEMBER.SHOP_ID, shopId)
                .set(LOYALTY_MEMBER.CUSTOMER_ID, customerId)
                .set(LOYALTY_MEMBER.TIER_NAME, tier)
                .set(LOYALTY_MEMBER.REVIEWED_YEAR, reviewedYear)
                .set(LOYALTY_MEMBER.UPDATED_AT, utc(now))
                .execute();
    }

    void updateMember(String customerId, String tier, int reviewedYear, Instant now) {
        db.update(LOYALTY_MEMBER)
                .set(LOYALTY_MEMBER.TIER_NAME, tier)
                .set(LOYALTY_MEMBER.REVIEWED_YEAR, reviewedYear)
                .set(LOYALTY_MEMBER.UPDATED_AT, utc(now))
                .where(LOYALTY_MEMBER.SHOP_ID.eq(shopId).and(LOYALTY_MEMBER.CUSTOMER_ID.eq(customerId)))
                .execute();
    }

    /** Customers the programme knows (members or rewarded orders), for the periodic tier review. */
    List<String> customers(String afterCustomerId, int limit) {
        return db.selectDistinct(LOYALTY_ORDER.CUSTOMER_ID).from(LOYALTY_ORDER)
                .where(LOYALTY_ORDER.SHOP_ID.eq(shopId).and(LOYALTY_ORDER.CUSTOMER_ID.gt(afterCustomerId)))
                .union(DSL.select(LOYALTY_MEMBER.CUSTOMER_ID).from(LOYALTY_MEMBER)
                        .where(LOYALTY_MEMBER.SHOP_ID.eq(shopId).and(LOYALTY_MEMBER.CUSTOMER_ID.gt(afterCustomerId))))
                .orderBy(DSL.field(DSL.name("customer_id")))
                .limit(limit)
                .fetch(0, String.class);
    }

    Map<String, Integer> customersPerTier() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        db.select(LOYALTY_MEMBER.TIER_NAME, DSL.count()).from(LOYALTY_MEMBER)
                .where(LOYALTY_MEMBER.SHOP_ID.eq(shopId))
                .groupBy(LOYALTY_MEMBER.TIER_NAME)
                .forEach(row -> counts.put(row.value1(), row.value2()));
        return counts;
    }

    /**
     * What counts towards tiers: points (or amount) of the customer's rewarded orders whose points are available by
     * {@code now}, returns deducted; within {@code [from, to)} of their availability when counted per year.
     */
    BigDecimal tierValue(String customerId, String basis, Instant from, Instant to) {
        var condition = LOYALTY_ORDER.SHOP_ID.eq(shopId).and(LOYALTY_ORDER.CUSTOMER_ID.eq(customerId))
                .and(LOYALTY_ORDER.AVAILABLE_AT.le(utc(to)));
        if (from != null) {
            condition = condition.and(LOYALTY_ORDER.AVAILABLE_AT.ge(utc(from)));
        }
        var value = TierTable.SPEND.equals(basis)
                ? DSL.sum(LOYALTY_ORDER.AMOUNT.minus(LOYALTY_ORDER.RETURNED_AMOUNT))
                : DSL.sum(LOYALTY_ORDER.POINTS.minus(LOYALTY_ORDER.REVERSED_POINTS));
        BigDecimal sum = db.select(value).from(LOYALTY_ORDER).where(condition).fetchOne(0, BigDecimal.class);
        return sum == null ? BigDecimal.ZERO : sum;
    }

    Optional<LoyaltyOrderRecord> lockOrder(String orderId) {
        return Optional.ofNullable(db.selectFrom(LOYALTY_ORDER)
                .where(LOYALTY_ORDER.SHOP_ID.eq(shopId).and(LOYALTY_ORDER.ORDER_ID.eq(orderId)))
                .forUpdate().fetchOne());
    }

    void insertOrder(String orderId, String customerId, long points, BigDecimal amount, String currency,
                     BigDecimal multiplier, Instant deliveredAt, Instant availableAt) {
        db.insertInto(LOYALTY_ORDER)
                .set(LOYALTY_ORDER.SHOP_ID, shopId)
                .set(LOYALTY_ORDER.ORDER_ID, orderId)
                .set(LOYALTY_ORDER.CUSTOMER_ID, customerId)
                .set(LOYALTY_ORDER.POINTS, points)
                .set(LOYALTY_ORDER.REVERSED_POINTS, 0L)
                .set(LOYALTY_ORDER.AMOUNT, amount)
                .set(LOYALTY_ORDER.RETURNED_AMOUNT, BigDecimal.ZERO)
                .set(LOYALTY_ORDER.CURRENCY, currency)
                .set(LOYALTY_ORDER.MULTIPLIER, multiplier)
                .set(LOYALTY_ORDER.DELIVERED_AT, utc(deliveredAt))
                .set(LOYALTY_ORDER.AVAILABLE_AT, utc(availableAt))
                .execute();
    }

    void recordReturn(String orderId, long reversedPoints, BigDecimal returnedAmount) {
        db.update(LOYALTY_ORDER)
                .set(LOYALTY_ORDER.REVERSED_POINTS, reversedPoints)
                .set(LOYALTY_ORDER.RETURNED_AMOUNT, returnedAmount)
                .where(LOYALTY_ORDER.SHOP_ID.eq(shopId).and(LOYALTY_ORDER.ORDER_ID.eq(orderId)))
                .execute();
    }

    List<LoyaltyOrderRecord> ordersOf(String customerId) {
        return db.selectFrom(LOYALTY_ORDER)
                .where(LOYALTY_ORDER.SHOP_ID.eq(shopId).and(LOYALTY_ORDER.CUSTOMER_ID.eq(customerId)))
                .orderBy(LOYALTY_ORDER.DELIVERED_AT).fetch();
    }

    Optional<LoyaltyRedemptionRecord> redemption(String key) {
        return Optional.ofNullable(db.selectFrom(LOYALTY_REDEMPTION)
                .where(LOYALTY_REDEMPTION.SHOP_ID.eq(shopId).and(LOYALTY_REDEMPTION.IDEMPOTENCY_KEY.eq(key)))
                .fetchOne());
    }

    void insertRedemption(String key, String customerId, long rewardId, long points, String code, Instant expiresAt,
                          Instant now) {
        db.insertInto(LOYALTY_REDEMPTION)
                .set(LOYALTY_REDEMPTION.SHOP_ID, shopId)
                .set(LOYALTY_REDEMPTION.IDEMPOTENCY_KEY, key)
                .set(LOYALTY_REDEMPTION.CUSTOMER_ID, customerId)
                .set(LOYALTY_REDEMPTION.REWARD_ID, rewardId)
                .set(LOYALTY_REDEMPTION.POINTS, points)
                .set(LOYALTY_REDEMPTION.COUPON_CODE, code)
                .set(LOYALTY_REDEMPTION.EXPIRES_AT, expiresAt == null ? null : utc(expiresAt))
                .set(LOYALTY_REDEMPTION.CREATED_AT, utc(now))
                .execute();
    }

    List<LoyaltyRedemptionRecord> redemptionsOf(String customerId) {
        return db.selectFrom(LOYALTY_REDEMPTION)
                .where(LOYALTY_REDEMPTION.SHOP_ID.eq(shopId).and(LOYALTY_REDEMPTION.CUSTOMER_ID.eq(customerId)))
                .orderBy(LOYALTY_REDEMPTION.CREATED_AT).fetch();
    }

    void eraseCustomer(String customerId) {
        db.deleteFrom(LOYALTY_REDEMPTION)
                .where(LOYALTY_REDEMPTION.SHOP_ID.eq(shopId).and(LOYALTY_REDEMPTION.CUSTOMER_ID.eq(customerId)))
                .execute();
        db.deleteFrom(LOYALTY_ORDER)
                .where(LOYALTY_ORDER.SHOP_ID.eq(shopId).and(LOYALTY_ORDER.CUSTOMER_ID.eq(customerId)))
                .execute();
        db.deleteFrom(LOYALTY_MEMBER)
                .where(LOYALTY_MEMBER.SHOP_ID.eq(shopId).and(LOYALTY_MEMBER.CUSTOMER_ID.eq(customerId)))
                .execute();
    }

    static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant instant(LocalDateTime time) {
        return time == null ? null : time.toInstant(ZoneOffset.UTC);
    }
}
