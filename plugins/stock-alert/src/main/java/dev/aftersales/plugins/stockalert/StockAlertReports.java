package dev.aftersales.plugins.stockalert;

import dev.aftersales.api.FeatureContext;
import dev.aftersales.api.Wiring;
import dev.aftersales.api.catalog.Variant;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The operator's view of demand: pending subscribers per variant ({@code Shop.stockAlertDemand} in the operator
 * API, see {@code admin.graphqls}), for the shop the operator looks at.
 */
final class StockAlertReports {

    static final int MAX_FIRST = 100;

    /** One variant's demand, with its names from the catalog mirror (null when the mirror no longer has it). */
    public record VariantDemand(String variantId, String productName, String variantName, Integer stock,
                                int pendingSubscribers, int awaitingConfirmation, Instant oldestSubscribedAt) {
    }

    void register(Wiring wiring) {
        wiring.adminField("Shop", "stockAlertDemand", call -> demand(call.shop(), call.<Integer>argument("first")));
    }

    List<VariantDemand> demand(FeatureContext shop, Integer first) {
        int limit = first == null ? 20 : Math.max(1, Math.min(first, MAX_FIRST));
        List<Subscriptions.Demand> rows = Subscriptions.of(shop).demand(shop.clock().instant(), limit);
        Map<String, Variant> variants = shop.catalog().variants(rows.stream().map(Subscriptions.Demand::variantId)
                .toList());
        return rows.stream().map(row -> {
            Variant variant = variants.get(row.variantId());
            return new VariantDemand(row.variantId(), variant == null ? null : variant.productName(),
                    variant == null ? null : variant.name(), variant == null ? null : variant.stock(),
                    row.pendingSubscribers(), row.awaitingConfirmation(), row.oldestSubscribedAt());
        }).toList();
    }
}
