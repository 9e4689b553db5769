package dev.aftersales.plugins.loyalty;

import dev.aftersales.api.FeatureContext;
import dev.aftersales.api.Wiring;
import dev.aftersales.api.graphql.FieldCall;
import dev.aftersales.api.graphql.GlobalId;
import dev.aftersales.api.graphql.UserError;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Operator API of the programme ({@code admin.graphqls}): tiers, rewards, customers per tier. */
final class LoyaltyAdmin {

    /** {@code LoyaltyProgrammeReward}. */
    public record RewardView(String id, String name, long points, String kind, BigDecimal amount, String currency,
                             boolean active) {

        static RewardView of(Programmes.Reward reward) {
            return new RewardView(GlobalId.encode("LoyaltyReward", reward.id()), reward.name(), reward.points(),
                    reward.kind(), reward.amount(), reward.currency(), reward.active());
        }
    }

    /** {@code LoyaltyProgrammeTier}. */
    public record TierView(String name, BigDecimal threshold, double multiplier, long entryBonus, String perks) {

        static TierView of(TierTable.Tier tier) {
            return new TierView(tier.name(), tier.threshold(), tier.multiplier().doubleValue(), tier.entryBonus(),
                    tier.perks());
        }
    }

    void register(Wiring wiring) {
        wiring.adminField("Shop", "loyalty", call -> programme(call.shop()));
        wiring.adminField("Mutation", "loyaltyTiersSet", this::setTiers);
        wiring.adminField("Mutation", "loyaltyRewardSave", this::saveReward);
        wiring.adminField("Mutation", "loyaltyRewardWithdraw", this::withdrawReward);
    }

    private Map<String, Object> programme(FeatureContext shop) {
        TierTable table = Programmes.of(shop).tiers();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("tierBasis", table.basis());
        view.put("tierPeriod", table.period());
        view.put("tiers", table.tiers().stream().map(TierView::of).toList());
        view.put("rewards", Programmes.of(shop).rewards(false).stream().map(RewardView::of).toList());
        List<Map<String, Object>> counts = new ArrayList<>();
        Members.of(shop).customersPerTier().forEach((tier, count) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("tier", tier);
            row.put("customers", count);
            counts.add(row);
        });
        view.put("customersPerTier", counts);
        return view;
    }

    /** Validates and replaces the tier table, then recalculates every known customer's tier without entry bonus. */
    Map<String, Object> setTiers(FieldCall call) {
        FeatureContext shop = call.shop();
        Map<String, Object> input = call.input();
        List<TierTable.Tier> tiers = new ArrayList<>();
        for (Object raw : (List<?>) input.get("tiers")) {
            Map<?, ?> tier = (Map<?, ?>) raw;
            tiers.add(new TierTable.Tier(trimmed(tier.get("name")), decimal(tier.get("threshold")),
                    BigDecimal.valueOf(((Number) tier.get("multiplier")).doubleValue()),
                    ((Number) tier.get("entryBonus")).longValue(), (String) tier.get("perks")));
        }
        String basis = (String) input.get("tierBasis");
        String period = (String) input.get("tierPeriod");
        List<UserError> problems = TierTable.problems(basis, period, tiers);
        if (!problems.isEmpty()) {
            return payload("tiers", null, problems);
        }
        TierTable table = new TierTable(basis, period, tiers);
        shop.inTransaction(tx -> {
            Programmes.in(tx.dsl(), shop).replaceTiers(table, shop.clock().instant());
            return null;
        });
        recalculate(shop);
        return payload("tiers", tiers.stream().map(TierView::of).toList(), List.of());
    }

    Map<String, Object> saveReward(FieldCall call) {
        FeatureContext shop = call.shop();
        Map<String, Object> input = call.input();
        String name = trimmed(input.get("name"));
        long points = ((Number) input.get("points")).longValue();
        String kind = (String) input.get("kind");
        BigDecimal amount = input.get("amount") == null ? null : decimal(input.get("amount"));
        String currency = trimmed(input.get("currency"));
        List<UserError> problems = new ArrayList<>();
        if (name == null || name.length() > 200) {
            problems.add(UserError.of("INVALID", "A reward needs a name of 1 to 200 characters", "input", "name"));
        }
        if (points < 1) {
            problems.add(UserError.of("INVALID", "A reward costs 1 point or more", "input", "points"));
        }
        if (Programmes.Reward.AMOUNT_OFF.equals(kind)) {
            if (amount == null || amount.signum() <= 0) {
                problems.add(UserError.of("INVALID", "An AMOUNT_OFF reward needs a positive amount", "input",
                        "amount"));
            }
            if (!isCurrency(currency)) {
                problems.add(UserError.of("INVALID", "An AMOUNT_OFF reward needs an ISO 4217 currency", "input",
                        "currency"));
            }
        } else if (Programmes.Reward.FREE_SHIPPING.equals(kind)) {
            amount = null;
            currency = null;
        } else {
            problems.add(UserError.of("INVALID", "kind is AMOUNT_OFF or FREE_SHIPPING", "input", "kind"));
        }
        if (!problems.isEmpty()) {
            return payload("reward", null, problems);
        }
        Programmes programmes = Programmes.of(shop);
        Object rewardId = input.get("rewardId");
        long id;
        if (rewardId == null) {
            id = programmes.insertReward(new Programmes.Reward(0, name, points, kind, amount, currency, true),
                    shop.clock().instant());
        } else {
            Optional<Long> existing = GlobalId.decodeLong("LoyaltyReward", (String) rewardId);
            if (existing.isEmpty() || !programmes.updateReward(new Programmes.Reward(existing.get(), name, points,
                    kind, amount, currency, true))) {
                return payload("reward", null, List.of(UserError.of("NOT_FOUND", "No such reward", "input",
                        "rewardId")));
            }
            id = existing.get();
        }
        return payload("reward", programmes.reward(id).map(RewardView::of).orElseThrow(), List.of());
    }

    Map<String, Object> withdrawReward(FieldCall call) {
        Programmes programmes = Programmes.of(call.shop());
        Optional<Long> id = GlobalId.decodeLong("LoyaltyReward", (String) call.input().get("rewardId"));
        if (id.isEmpty() || !programmes.withdrawReward(id.get())) {
            return payload("reward", null, List.of(UserError.of("NOT_FOUND", "No such reward", "input", "rewardId")));
        }
        return payload("reward", programmes.reward(id.get()).map(RewardView::of).orElseThrow(), List.of());
    }

    /** A new tier table is a recalculation: customers land where their values put them, without entry bonuses. */
    static void recalculate(FeatureContext shop) {
        TierReview.reviewAll(shop, false);
    }

    private static Map<String, Object> payload(String field, Object value, List<UserError> errors) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put(field, value);
        payload.put("userErrors", errors);
        return payload;
    }

    private static boolean isCurrency(String code) {
        try {
            return code != null && Currency.getInstance(code) != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static BigDecimal decimal(Object value) {
        return value instanceof BigDecimal decimal ? decimal : new BigDecimal(value.toString());
    }

    private static String trimmed(Object text) {
        return text instanceof String s && !s.isBlank() ? s.trim() : null;
    }
}
