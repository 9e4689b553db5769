package dev.aftersales.plugins.loyalty;

import static dev.aftersales.plugins.loyalty.jooq.Tables.LOYALTY_PROGRAMME;
import static dev.aftersales.plugins.loyalty.jooq.Tables.LOYALTY_REWARD;
import static dev.aftersales.plugins.loyalty.jooq.Tables.LOYALTY_TIER;

import dev.aftersales.api.FeatureContext;
import dev.aftersales.plugins.loyalty.jooq.tables.records.LoyaltyRewardRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/** SQL of the programme: tier table and rewards, always scoped to the shop. */
final class Programmes {

    /** A reward customers can redeem. */
    record Reward(long id, String name, long points, String kind, BigDecimal amount, String currency,
                  boolean active) {

        static final String AMOUNT_OFF = "AMOUNT_OFF";
        static final String FREE_SHIPPING = "FREE_SHIPPING";
    }

    private final DSLContext db;
    private final String shopId;

    private Programmes(DSLContext db, String shopId) {
        this.db = db;
        this.shopId = shopId;
    }

    static Programmes of(FeatureContext shop) {
        return new Programmes(shop.db(), shop.shopId());
    }

    static Programmes in(DSLContext tx, FeatureContext shop) {
        return new Programmes(tx, shop.shopId());
    }

    TierTable tiers() {
        var programme = db.selectFrom(LOYALTY_PROGRAMME).where(LOYALTY_PROGRAMME.SHOP_ID.eq(shopId)).fetchOne();
        if (programme == null) {
            return TierTable.NONE;
        }
        List<TierTable.Tier> tiers = db.selectFrom(LOYALTY_TIER).where(LOYALTY_TIER.SHOP_ID.eq(shopId))
                .orderBy(LOYALTY_TIER.POSITION)
                .fetch(row -> new TierTable.Tier(row.getName(), row.getThreshold(), row.getMultiplier(),
                        row.getEntryBonus(), row.getPerks()));
        return new TierTable(programme.getTierBasis(), programme.getTierPeriod(), tiers);
    }

    /** Replaces the tier table (validated by the caller). */
    void replaceTiers(TierTable table, Instant now) {
        db.deleteFrom(LOYALTY_PROGRAMME).where(LOYALTY_PROGRAMME.SHOP_ID.eq(shopId)).execute();
        db.insertInto(LOYALTY_PROGRAMME)
                .set(LOYALTY_PROGRAMME.SHOP_ID, shopId)
                .set(LOYALTY_PROGRAMME.TIER_BASIS, table.basis())
                .set(LOYALTY_PROGRAMME.TIER_PERIOD, table.period())
                .set(LOYALTY_PROGRAMME.UPDATED_AT, LocalDateTime.ofInstant(now, ZoneOffset.UTC))
                .execute();
        db.deleteFrom(LOYALTY_TIER).where(LOYALTY_TIER.SHOP_ID.eq(shopId)).execute();
        for (int i = 0; i < table.tiers().size(); i++) {
            TierTable.Tier tier = table.tiers().get(i);
            db.insertInto(LOYALTY_TIER)
                    .set(LOYALTY_TIER.SHOP_ID, shopId)
                    .set(LOYALTY_TIER.POSITION, i)
                    .set(LOYALTY_TIER.NAME, tier.name())
                    .set(LOYALTY_TIER.THRESHOLD, tier.threshold())
                    .set(LOYALTY_TIER.MULTIPLIER, tier.multiplier())
                    .set(LOYALTY_TIER.ENTRY_BONUS, tier.entryBonus())
                    .set(LOYALTY_TIER.PERKS, tier.perks() == null ? "" : tier.perks())
                    .execute();
        }
    }

    List<Reward> rewards(boolean activeOnly) {
        var condition = LOYALTY_REWARD.SHOP_ID.eq(shopId);
        if (activeOnly) {
            condition = condition.and(LOYALTY_REWARD.ACTIVE.isTrue());
        }
        return db.selectFrom(LOYALTY_REWARD).where(condition).orderBy(LOYALTY_REWARD.POINTS, LOYALTY_REWARD.ID)
                .fetch(Programmes::reward);
    }

    Optional<Reward> reward(long id) {
        return Optional.ofNullable(db.selectFrom(LOYALTY_REWARD)
                .where(LOYALTY_REWARD.SHOP_ID.eq(shopId).and(LOYALTY_REWARD.ID.eq(id))).fetchOne())
                .map(Programmes::reward);
    }

    long insertReward(Reward reward, Instant now) {
        db.insertInto(LOYALTY_REWARD)
                .set(LOYALTY_REWARD.SHOP_ID, shopId)
                .set(LOYALTY_REWARD.NAME, reward.name())
                .set(LOYALTY_REWARD.POINTS, reward.points())
                .set(LOYALTY_REWARD.KIND, reward.kind())
                .set(LOYALTY_REWARD.AMOUNT, reward.amount())
                .set(LOYALTY_REWARD.CURRENCY, reward.currency())
                .set(LOYALTY_REWARD.ACTIVE, true)
                .set(LOYALTY_REWARD.CREATED_AT, LocalDateTime.ofInstant(now, ZoneOffset.UTC))
                .execute();
        return db.lastID().longValue();
    }

    boolean updateReward(Reward reward) {
        return db.update(LOYALTY_REWARD)
                .set(LOYALTY_REWARD.NAME, reward.name())
                .set(LOYALTY_REWARD.POINTS, reward.points())
                .set(LOYALTY_REWARD.KIND, reward.kind())
                .set(LOYALTY_REWARD.AMOUNT, reward.amount())
                .set(LOYALTY_REWARD.CURRENCY, reward.currency())
                .where(LOYALTY_REWARD.SHOP_ID.eq(shopId).and(LOYALTY_REWARD.ID.eq(reward.id())))
                .execute() == 1;
    }

    boolean withdrawReward(long id) {
        return db.update(LOYALTY_REWARD).set(LOYALTY_REWARD.ACTIVE, false)
                .where(LOYALTY_REWARD.SHOP_ID.eq(shopId).and(LOYALTY_REWARD.ID.eq(id)))
                .execute() == 1;
    }

    private static Reward reward(LoyaltyRewardRecord row) {
        return new Reward(row.getId(), row.getName(), row.getPoints(), row.getKind(), row.getAmount(),
                row.getCurrency(), row.getActive());
    }
}
