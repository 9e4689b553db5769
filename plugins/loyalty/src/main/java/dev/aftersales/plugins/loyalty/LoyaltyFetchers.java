package dev.aftersales.plugins.loyalty;

import dev.aftersales.api.FeatureContext;
import dev.aftersales.api.Wiring;
import dev.aftersales.api.catalog.Money;
import dev.aftersales.api.graphql.Connection;
import dev.aftersales.api.graphql.FieldCall;
import dev.aftersales.api.graphql.GlobalId;
import dev.aftersales.api.rewards.LedgerEntry;
import dev.aftersales.api.rewards.RewardsBalance;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** The storefront's read side: {@code Customer.loyalty} and its fields. */
final class LoyaltyFetchers {

    /** {@code Loyalty}: the customer's standing; the history is resolved on demand. */
    public record Standing(String customerId, long balance, long pending, long lifetimeEarned, TierView tier,
                           NextTierView nextTier, Instant pointsExpireAt, List<RewardView> rewards) {
    }

    /** {@code LoyaltyTier}. */
    public record TierView(String name, String perks, double multiplier) {
    }

    /** {@code LoyaltyNextTier}. */
    public record NextTierView(String name, BigDecimal missing, String basis) {
    }

    /** {@code LoyaltyReward}. */
    public record RewardView(String id, String name, long points, String kind, Money amount, boolean affordable) {
    }

    void register(Wiring wiring) {
        wiring.field("Customer", "loyalty", this::standing);
        wiring.field("Loyalty", "history", this::history);
        wiring.field("LoyaltyEntry", "id", call -> GlobalId.encode("LoyaltyEntry", call.<LedgerEntry>source().id()));
        wiring.field("LoyaltyEntry", "feature", call -> call.<LedgerEntry>source().featureId());
        wiring.field("LoyaltyEntry", "points", call -> call.<LedgerEntry>source().amount());
        wiring.field("LoyaltyEntry", "kind", call -> call.<LedgerEntry>source().kind().name());
        wiring.field("LoyaltyEntry", "state", call -> call.<LedgerEntry>source().state().name());
    }

    Standing standing(FieldCall call) {
        FeatureContext shop = call.shop();
        String customerId = call.viewer().requireCustomer();
        String held = TierReview.review(shop, customerId, true);
        TierTable table = Programmes.of(shop).tiers();
        RewardsBalance balance = shop.rewards().balance(customerId);
        BigDecimal value = TierReview.value(Members.of(shop), customerId, table, shop.clock().instant(),
                TierReview.yearOf(shop.clock().instant()));
        TierView tier = table.named(held)
                .map(t -> new TierView(t.name(), t.perks(), t.multiplier().doubleValue())).orElse(null);
        NextTierView next = table.next(held, value)
                .map(n -> new NextTierView(n.tier().name(), n.missing().stripTrailingZeros(), table.basis()))
                .orElse(null);
        LoyaltySettings settings = LoyaltySettings.of(shop.settings());
        Instant expiresAt = settings.expiryMonths() == 0 || balance.available() == 0 || balance.lastActivityAt() == null
                ? null : PointsExpiry.expiresAt(balance.lastActivityAt(), settings);
        List<RewardView> rewards = Programmes.of(shop).rewards(true).stream()
                .map(reward -> new RewardView(GlobalId.encode("LoyaltyReward", reward.id()), reward.name(),
                        reward.points(), reward.kind(),
                        reward.amount() == null ? null : new Money(reward.amount(), reward.currency()),
                        balance.available() >= reward.points()))
                .toList();
        return new Standing(customerId, balance.available(), balance.pending(), balance.lifetimeEarned(), tier, next,
                expiresAt, rewards);
    }

    Connection<LedgerEntry> history(FieldCall call) {
        return call.shop().rewards().history(call.<Standing>source().customerId(), call.page());
    }
}
