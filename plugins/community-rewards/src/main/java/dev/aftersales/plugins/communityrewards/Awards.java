package dev.aftersales.plugins.communityrewards;

import static dev.aftersales.plugins.communityrewards.jooq.Tables.COMMUNITY_REWARDS_AWARD;
import static dev.aftersales.plugins.communityrewards.jooq.Tables.COMMUNITY_REWARDS_MEMBER;

import dev.aftersales.api.FeatureContext;
import dev.aftersales.plugins.communityrewards.jooq.tables.records.CommunityRewardsAwardRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** SQL of awarded contributions; always scoped to the shop. */
final class Awards {

    private final DSLContext db;
    private final String shopId;

    private Awards(DSLContext db, String shopId) {
        this.db = db;
        this.shopId = shopId;
    }

    static Awards of(FeatureContext shop) {
        return new Awards(shop.db(), shop.shopId());
    }

    static Awards in(DSLContext tx, FeatureContext shop) {
        return new Awards(tx, shop.shopId());
    }

    /** Locks the customer's row (made on first use): one award or reversal per customer at a time. */
    void lockMember(String customerId, Instant now) {
        db.insertInto(COMMUNITY_REWARDS_MEMBER)
                .set(COMMUNITY_REWARDS_MEMBER.SHOP_ID, shopId)
                .set(COMMUNITY_REWARDS_MEMBER.CUSTOMER_ID, customerId)
                .set(COMMUNITY_REWARDS_MEMBER.UPDATED_AT, utc(now))
                .onDuplicateKeyUpdate()
                .set(COMMUNITY_REWARDS_MEMBER.UPDATED_AT, utc(now))
                .execute();
    }

    /** Whether this content, or this kind of contribution to this product by this customer, was considered before. */
    boolean considered(String kind, String contentId, String customerId, String productId) {
        return db.fetchExists(COMMUNITY_REWARDS_AWARD, COMMUNITY_REWARDS_AWARD.SHOP_ID.eq(shopId)
                .and(COMMUNITY_REWARDS_AWARD.KIND.eq(kind))
                .and(COMMUNITY_REWARDS_AWARD.CONTENT_ID.eq(contentId)
                        .or(COMMUNITY_REWARDS_AWARD.CUSTOMER_ID.eq(customerId)
                                .and(COMMUNITY_REWARDS_AWARD.PRODUCT_ID.eq(productId)))));
    }

    /** Points the customer kept from contributions in the week starting {@code weekStart}. */
    long usedInWeek(String customerId, LocalDate weekStart) {
        BigDecimal sum = db.select(DSL.sum(COMMUNITY_REWARDS_AWARD.POINTS)).from(COMMUNITY_REWARDS_AWARD)
                .where(COMMUNITY_REWARDS_AWARD.SHOP_ID.eq(shopId)
                        .and(COMMUNITY_REWARDS_AWARD.CUSTOMER_ID.eq(customerId))
                        .and(COMMUNITY_REWARDS_AWARD.WEEK_START.eq(weekStart))
                        .and(COMMUNITY_REWARDS_AWARD.REVERSED.isFalse()))
                .fetchOne(0, BigDecimal.class);
        return sum == null ? 0 : sum.longValue();
    }

    void insert(String kind, String contentId, String customerId, String productId, long points, String ledgerKey,
                LocalDate weekStart, Instant now) {
        db.insertInto(COMMUNITY_REWARDS_AWARD)
                .set(COMMUNITY_REWARDS_AWARD.SHOP_ID, shopId)
                .set(COMMUNITY_REWARDS_AWARD.KIND, kind)
                .set(COMMUNITY_REWARDS_AWARD.CONTENT_ID, contentId)
                .set(COMMUNITY_REWARDS_AWARD.CUSTOMER_ID, customerId)
                .set(COMMUNITY_REWARDS_AWARD.PRODUCT_ID, productId)
                .set(COMMUNITY_REWARDS_AWARD.POINTS, points)
                .set(COMMUNITY_REWARDS_AWARD.LEDGER_KEY, ledgerKey)
                .set(COMMUNITY_REWARDS_AWARD.WEEK_START, weekStart)
                .set(COMMUNITY_REWARDS_AWARD.REVERSED, false)
                .set(COMMUNITY_REWARDS_AWARD.CREATED_AT, utc(now))
                .execute();
    }

    /** Awards of the content (a review's photo bonus included) not reversed yet. */
    List<CommunityRewardsAwardRecord> unreversed(List<String> kinds, String contentId) {
        return db.selectFrom(COMMUNITY_REWARDS_AWARD)
                .where(COMMUNITY_REWARDS_AWARD.SHOP_ID.eq(shopId).and(COMMUNITY_REWARDS_AWARD.KIND.in(kinds))
                        .and(COMMUNITY_REWARDS_AWARD.CONTENT_ID.eq(contentId))
                        .and(COMMUNITY_REWARDS_AWARD.REVERSED.isFalse()))
                .fetch();
    }

    void reversed(String kind, String contentId) {
        db.update(COMMUNITY_REWARDS_AWARD).set(COMMUNITY_REWARDS_AWARD.REVERSED, true)
                .where(COMMUNITY_REWARDS_AWARD.SHOP_ID.eq(shopId).and(COMMUNITY_REWARDS_AWARD.KIND.eq(kind))
                        .and(COMMUNITY_REWARDS_AWARD.CONTENT_ID.eq(contentId)))
                .execute();
    }

    List<CommunityRewardsAwardRecord> ofCustomer(String customerId) {
        return db.selectFrom(COMMUNITY_REWARDS_AWARD)
                .where(COMMUNITY_REWARDS_AWARD.SHOP_ID.eq(shopId).and(COMMUNITY_REWARDS_AWARD.CUSTOMER_ID.eq(customerId)))
                .orderBy(COMMUNITY_REWARDS_AWARD.CREATED_AT).fetch();
    }

    void erase(String customerId) {
        db.deleteFrom(COMMUNITY_REWARDS_AWARD)
                .where(COMMUNITY_REWARDS_AWARD.SHOP_ID.eq(shopId).and(COMMUNITY_REWARDS_AWARD.CUSTOMER_ID.eq(customerId)))
                .execute();
        db.deleteFrom(COMMUNITY_REWARDS_MEMBER)
                .where(COMMUNITY_REWARDS_MEMBER.SHOP_ID.eq(shopId).and(COMMUNITY_REWARDS_MEMBER.CUSTOMER_ID.eq(customerId)))
                .execute();
    }

    /** Per kind, for awards made in {@code [from, to)}: how many earned points, points given, points taken back. */
    List<Map<String, Object>> report(Instant from, Instant to) {
        var rewarded = DSL.count(DSL.when(COMMUNITY_REWARDS_AWARD.POINTS.gt(0L), DSL.inline(1)));
        var points = DSL.sum(COMMUNITY_REWARDS_AWARD.POINTS);
        var reversed = DSL.sum(DSL.when(COMMUNITY_REWARDS_AWARD.REVERSED.isTrue(), COMMUNITY_REWARDS_AWARD.POINTS)
                .otherwise(0L));
        return db.select(COMMUNITY_REWARDS_AWARD.KIND, rewarded, points, reversed).from(COMMUNITY_REWARDS_AWARD)
                .where(COMMUNITY_REWARDS_AWARD.SHOP_ID.eq(shopId)
                        .and(COMMUNITY_REWARDS_AWARD.CREATED_AT.ge(utc(from)))
                        .and(COMMUNITY_REWARDS_AWARD.CREATED_AT.lt(utc(to))))
                .groupBy(COMMUNITY_REWARDS_AWARD.KIND).orderBy(COMMUNITY_REWARDS_AWARD.KIND)
                .fetch(row -> Map.<String, Object>of("kind", row.value1(), "contributions", row.value2(),
                        "points", row.value3().longValue(), "reversedPoints", row.value4().longValue()));
    }

    static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
