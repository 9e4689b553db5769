package dev.aftersales.plugins.replenishment;

import dev.aftersales.api.FeatureContext;
import dev.aftersales.api.Wiring;
import dev.aftersales.api.graphql.FieldCall;
import dev.aftersales.api.graphql.UserError;
import dev.aftersales.plugins.replenishment.jooq.tables.records.ReplenishmentVariantRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Operator API ({@code admin.graphqls}): usage days, unconfigured variants, timing of a variant, the report. */
final class ReplenishmentAdmin {

    static final int MAX_USAGE_DAYS = 730;
    private static final int LIST_LIMIT = 100;
    private static final int MAX_REPORT_DAYS = 365;

    /** {@code ReplenishmentUsage}. */
    public record UsageView(String target, String targetId, int usageDays) {
    }

    void register(Wiring wiring) {
        wiring.adminField("Shop", "replenishment", call -> Map.of());
        wiring.adminField("ReplenishmentProgramme", "usage", call -> Usage.of(call.shop()).all(LIST_LIMIT * 10).stream()
                .map(u -> new UsageView(u.getTarget(), u.getTargetId(), u.getUsageDays())).toList());
        wiring.adminField("ReplenishmentProgramme", "unconfigured", call -> Items.of(call.shop())
                .unconfigured(LIST_LIMIT).stream()
                .map(r -> Map.of("variantId", r.value1(), "customers", r.value2())).toList());
        wiring.adminField("ReplenishmentProgramme", "variantTiming", this::variantTiming);
        wiring.adminField("ReplenishmentProgramme", "customerItems",
                call -> ReplenishmentFetchers.items(call.shop(), call.argument("customerId")));
        wiring.adminField("ReplenishmentProgramme", "report", this::report);
        wiring.adminField("Mutation", "replenishmentUsageSet", this::setUsage);
    }

    private Map<String, Object> variantTiming(FieldCall call) {
        FeatureContext shop = call.shop();
        String variantId = call.argument("variantId");
        Items items = Items.of(shop);
        String productId = shop.catalog().variant(variantId).map(v -> v.productId()).orElse(null);
        Integer usage = items.usageDays(variantId, productId);
        Optional<ReplenishmentVariantRecord> stats = items.variant(variantId);
        int min = ReplenishmentSettings.of(shop.settings()).minRepeatBuyers();
        int buyers = stats.map(ReplenishmentVariantRecord::getRepeatBuyers).orElse(0);
        Map<String, Object> view = new HashMap<>();
        view.put("usageDays", usage);
        view.put("repeatBuyers", buyers);
        view.put("medianDays", stats.map(ReplenishmentVariantRecord::getMedianDays).map(Number::doubleValue)
                .orElse(null));
        view.put("minRepeatBuyers", min);
        view.put("defaultRule", usage == null ? Timing.Rule.NONE.name()
                : buyers >= min ? Timing.Rule.SHOP_MEDIAN.name() : Timing.Rule.USAGE_DAYS.name());
        return view;
    }

    private Map<String, Object> report(FieldCall call) {
        Integer days = call.argument("days");
        if (days == null || days < 1 || days > MAX_REPORT_DAYS) {
            throw new dev.aftersales.api.FeatureException(dev.aftersales.api.FeatureException.ErrorCode.BAD_REQUEST,
                    "days must lie between 1 and " + MAX_REPORT_DAYS);
        }
        FeatureContext shop = call.shop();
        Instant now = shop.clock().instant();
        Reminders.Report report = Reminders.of(shop).report(now.minus(Duration.ofDays(days)), now.plusSeconds(1));
        int lead = ReplenishmentSettings.of(shop.settings()).leadDays();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("remindersSent", report.remindersSent());
        view.put("clicked", report.clicked());
        view.put("reordered", report.reordered());
        view.put("revenue", report.revenue());
        view.put("dueNext7Days", Items.of(shop).countDueBefore(now.plus(Duration.ofDays(7L + lead))));
        return view;
    }

    Map<String, Object> setUsage(FieldCall call) {
        FeatureContext shop = call.shop();
        Map<String, Object> input = call.input();
        String productId = blankToNull(input.get("productId"));
        String variantId = blankToNull(input.get("variantId"));
        Integer days = (Integer) input.get("usageDays");
        if ((productId == null) == (variantId == null)) {
            return usagePayload(null, UserError.of("INVALID", "Name exactly one of productId and variantId", "input"));
        }
        if (days != null && (days < 1 || days > MAX_USAGE_DAYS)) {
            return usagePayload(null, UserError.of("INVALID", "Usage days lie between 1 and " + MAX_USAGE_DAYS,
                    "input", "usageDays"));
        }
        String target = variantId != null ? Usage.VARIANT : Usage.PRODUCT;
        String targetId = variantId != null ? variantId : productId;
        shop.inTransaction(tx -> {
            if (days == null) {
                Usage.in(tx.dsl(), shop).remove(target, targetId);
            } else {
                Usage.in(tx.dsl(), shop).set(target, targetId, days, shop.clock().instant());
            }
            return null;
        });
        ItemTiming.retimeAll(shop, variantId != null ? ItemTiming.ofVariant(variantId) : ItemTiming.ofProduct(productId));
        return usagePayload(days == null ? null : new UsageView(target, targetId, days), null);
    }

    private static Map<String, Object> usagePayload(UsageView usage, UserError error) {
        Map<String, Object> payload = new HashMap<>();
        payload.put("usage", usage);
        payload.put("userErrors", error == null ? List.of() : List.of(error));
        return payload;
    }

    private static String blankToNull(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString().trim();
    }
}
