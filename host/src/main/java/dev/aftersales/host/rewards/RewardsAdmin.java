package dev.aftersales.host.rewards;

import dev.aftersales.api.FeatureException;
import dev.aftersales.api.graphql.PageRequest;
import dev.aftersales.api.graphql.UserError;
import dev.aftersales.api.rewards.LedgerEntry;
import dev.aftersales.host.admin.AdminWiring;
import dev.aftersales.host.admin.Operator;
import dev.aftersales.host.tenancy.Shop;
import dev.aftersales.host.tenancy.ShopDirectory;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Operator API of the ledger ({@code aftersales/admin-rewards.graphqls}): balances, entries, report, drift, corrections. */
@Component
class RewardsAdmin implements AdminWiring {

    /** The feature id manual corrections are booked under. */
    static final String OPERATOR = "operator";

    private final RewardsLedger ledger;
    private final RewardsReport report;
    private final DriftCheck drift;
    private final RewardsPrivacy privacy;
    private final ShopDirectory shops;

    RewardsAdmin(RewardsLedger ledger, RewardsReport report, DriftCheck drift, RewardsPrivacy privacy,
                 ShopDirectory shops) {
        this.ledger = ledger;
        this.report = report;
        this.drift = drift;
        this.privacy = privacy;
        this.shops = shops;
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        // the Shop resolver already checked that the key may manage this shop
        wiring.type("Shop", type -> type.dataFetcher("rewards", env -> env.<Shop>getSource().id()));
        wiring.type("ShopRewards", type -> type
                .dataFetcher("balance", env -> ledger.balance(env.getSource(), env.getArgument("customerId")))
                .dataFetcher("entries", env -> ledger.history(env.getSource(), env.getArgument("customerId"),
                        PageRequest.of(env.getArgument("first"), env.getArgument("after"))))
                .dataFetcher("report", this::report)
                .dataFetcher("liability", env -> report.liability(env.getSource()))
                .dataFetcher("drift", env -> drift.check(env.getSource()))
                .dataFetcher("export", env -> privacy.export(env.getSource(), env.getArgument("customerId"))));
        wiring.type("RewardsEntry", type -> type
                .dataFetcher("feature", env -> env.<LedgerEntry>getSource().featureId())
                .dataFetcher("kind", env -> env.<LedgerEntry>getSource().kind().name())
                .dataFetcher("state", env -> env.<LedgerEntry>getSource().state().name()));
        wiring.type("RewardsDrift", type -> type
                .dataFetcher("tookMillis", env -> (int) env.<DriftCheck.Result>getSource().took().toMillis()));
        wiring.type("Mutation", type -> type.dataFetcher("rewardsAdjust", this::adjust));
    }

    private List<RewardsReport.Row> report(DataFetchingEnvironment env) {
        Instant from = env.getArgument("from");
        Instant to = env.getArgument("to");
        if (!from.isBefore(to)) {
            throw new FeatureException(FeatureException.ErrorCode.BAD_REQUEST, "'from' must lie before 'to'");
        }
        return report.report(env.getSource(), from, to,
                RewardsReport.Period.valueOf(env.getArgumentOrDefault("period", "TOTAL")));
    }

    private Map<String, Object> adjust(DataFetchingEnvironment env) {
        Map<String, Object> input = env.getArgument("input");
        String shopId = (String) input.get("shopId");
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("entry", null);
        payload.put("balance", null);
        payload.put("userErrors", List.of());
        if (!Operator.of(env).mayManage(shopId) || shops.find(shopId).isEmpty()) {
            return errors(payload, UserError.of("NOT_FOUND", "There is no such shop", "input", "shopId"));
        }
        String customerId = (String) input.get("customerId");
        int points = (Integer) input.get("points");
        String reason = trimmed(input.get("reason"));
        String key = trimmed(input.get("idempotencyKey"));
        if (points == 0) {
            return errors(payload, UserError.of("INVALID", "An adjustment of 0 points changes nothing",
                    "input", "points"));
        }
        if (reason == null || reason.length() > 500) {
            return errors(payload, UserError.of("INVALID", "Give a reason of 1 to 500 characters", "input", "reason"));
        }
        if (key == null || key.length() > 150) {
            return errors(payload, UserError.of("INVALID", "Give an idempotency key of 1 to 150 characters",
                    "input", "idempotencyKey"));
        }
        Optional<LedgerEntry> entry;
        try {
            entry = ledger.forShop(shopId, OPERATOR).adjust(customerId, points, reason, OPERATOR + ":" + key);
        } catch (IllegalArgumentException e) {
            return errors(payload, UserError.of("INVALID", e.getMessage(), "input"));
        }
        if (entry.isEmpty()) {
            return errors(payload, UserError.of("NOT_ENOUGH_POINTS",
                    "The customer has fewer available points than the correction takes", "input", "points"));
        }
        payload.put("entry", entry.get());
        payload.put("balance", ledger.balance(shopId, customerId));
        return payload;
    }

    private static String trimmed(Object text) {
        return text instanceof String s && !s.isBlank() ? s.trim() : null;
    }

    private static Map<String, Object> errors(Map<String, Object> payload, UserError error) {
        payload.put("userErrors", List.of(error));
        return payload;
    }
}
