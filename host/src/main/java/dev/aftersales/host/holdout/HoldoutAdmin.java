package dev.aftersales.host.holdout;

import dev.aftersales.api.FeatureException;
import dev.aftersales.api.graphql.UserError;
import dev.aftersales.host.admin.AdminWiring;
import dev.aftersales.host.admin.Operator;
import dev.aftersales.host.tenancy.Shop;
import dev.aftersales.host.tenancy.ShopDirectory;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** Operator API of holdout groups ({@code aftersales/admin-holdout.graphqls}): shares, draws, lift reports. */
@Component
class HoldoutAdmin implements AdminWiring {

    private static final Pattern FEATURE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private final HoldoutDraws draws;
    private final LiftReport reports;
    private final ShopDirectory shops;
    private final Clock clock;

    HoldoutAdmin(HoldoutDraws draws, LiftReport reports, ShopDirectory shops, Clock clock) {
        this.draws = draws;
        this.reports = reports;
        this.shops = shops;
        this.clock = clock;
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        // the Shop resolver already checked that the key may manage this shop
        wiring.type("Shop", type -> type.dataFetcher("holdouts", env -> env.<Shop>getSource().id()));
        wiring.type("ShopHoldouts", type -> type
                .dataFetcher("groups", env -> draws.currentOfShop(env.getSource()))
                .dataFetcher("history", env -> draws.history(env.getSource(), env.getArgument("feature")))
                .dataFetcher("liftReport", this::report)
                .dataFetcher("liftReports", this::reports));
        wiring.type("HoldoutGroup", type -> type
                .dataFetcher("feature", env -> env.<HoldoutDraw>getSource().featureId()));
        wiring.type("Mutation", type -> type.dataFetcher("holdoutSet", this::set));
    }

    private LiftReport.Report report(DataFetchingEnvironment env) {
        String shopId = env.getSource();
        String feature = env.getArgument("feature");
        Instant from = env.getArgument("from");
        if (from == null) {
            from = draws.history(shopId, feature).stream().findFirst().map(HoldoutDraw::startedAt)
                    .orElseThrow(() -> new FeatureException(FeatureException.ErrorCode.NOT_FOUND,
                            "Feature '" + feature + "' has no holdout group: give 'from', or set a share first"));
        }
        return report(shopId, feature, from, env);
    }

    private List<LiftReport.Report> reports(DataFetchingEnvironment env) {
        String shopId = env.getSource();
        Instant from = env.getArgument("from");
        return draws.features(shopId).stream().map(feature -> report(shopId, feature, from, env)).toList();
    }

    private LiftReport.Report report(String shopId, String feature, Instant from, DataFetchingEnvironment env) {
        Instant to = env.getArgument("to");
        try {
            // by default up to now, this very second included: Connector/J may drop a bound's fraction of a second
            return reports.report(shopId, feature, from,
                    to == null ? clock.instant().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1) : to,
                    env.getArgumentOrDefault("windowDays", LiftReport.DEFAULT_WINDOW_DAYS));
        } catch (IllegalArgumentException e) {
            throw new FeatureException(FeatureException.ErrorCode.BAD_REQUEST, e.getMessage());
        }
    }

    private Map<String, Object> set(DataFetchingEnvironment env) {
        Map<String, Object> input = env.getArgument("input");
        String shopId = (String) input.get("shopId");
        String feature = (String) input.get("feature");
        int share = (Integer) input.get("sharePercent");
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("group", null);
        payload.put("userErrors", List.of());
        if (!Operator.of(env).mayManage(shopId) || shops.find(shopId).isEmpty()) {
            return errors(payload, UserError.of("NOT_FOUND", "There is no such shop", "input", "shopId"));
        }
        if (feature == null || !FEATURE_ID.matcher(feature).matches() || "notify".equals(feature)) {
            return errors(payload, UserError.of("INVALID",
                    "Give the id of a messaging feature (lower-case letters, digits and dashes)", "input", "feature"));
        }
        if (share < 0 || share > HoldoutDraws.MAX_SHARE_PERCENT) {
            return errors(payload, UserError.of("INVALID",
                    "The share must lie between 0 and " + HoldoutDraws.MAX_SHARE_PERCENT + " percent",
                    "input", "sharePercent"));
        }
        payload.put("group", draws.set(shopId, feature, share, Boolean.TRUE.equals(input.get("redraw"))));
        return payload;
    }

    private static Map<String, Object> errors(Map<String, Object> payload, UserError error) {
        payload.put("userErrors", List.of(error));
        return payload;
    }
}
