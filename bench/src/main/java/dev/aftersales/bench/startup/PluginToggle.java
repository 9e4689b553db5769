package dev.aftersales.bench.startup;

import dev.aftersales.bench.BenchHost;
import dev.aftersales.bench.Figure;
import dev.aftersales.bench.Options;
import dev.aftersales.bench.Report;
import dev.aftersales.bench.Samples;
import dev.aftersales.testkit.GraphQlClient;
import dev.aftersales.testkit.GraphQlResult;
import dev.aftersales.testkit.TestShop;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Figure 4a: from sending {@code pluginEnable} to the first storefront query of the feature's field that succeeds
 * (queried in a loop, no pause). Measured for a set of enabled plugins the host has not built a schema for yet (the
 * shop's schema is assembled), and for a set it has (toggling back and forth). Baseline: the same query while the
 * plugin is enabled.
 */
public final class PluginToggle implements Figure {

    private static final String QUERY = "{ viewer { wishlists(first: 1) { nodes { id } } } }";
    private static final List<String> OTHERS = List.of("connector-rest", "reorder", "price-alert", "stock-alert");
    private static final int TOGGLES_PER_RUN = 10;

    @Override
    public String name() {
        return "toggle";
    }

    @Override
    public Report run(BenchHost bench, Options options) {
        Samples newSet = new Samples();
        Samples knownSet = new Samples();
        Samples plainQuery = new Samples();
        for (int run = 0; run < Math.min(options.runs(), 1 << OTHERS.size()); run++) {
            TestShop shop = bench.host().newShop();
            // a combination of the other plugins per run, so that adding the wishlist makes a set not seen before
            for (int p = 0; p < OTHERS.size(); p++) {
                if ((run & (1 << p)) != 0) {
                    shop.enable(OTHERS.get(p));
                }
            }
            GraphQlClient storefront = shop.storefront("c-1");
            newSet.add(enableToQueryable(shop, storefront));
            List<Double> toggles = new ArrayList<>();
            for (int t = 0; t < TOGGLES_PER_RUN; t++) {
                shop.disable("wishlist");
                toggles.add(enableToQueryable(shop, storefront));
            }
            knownSet.add(median(toggles));
            List<Double> queries = new ArrayList<>();
            for (int q = 0; q < TOGGLES_PER_RUN; q++) {
                long start = System.nanoTime();
                storefront.execute(QUERY).assertNoErrors();
                queries.add((System.nanoTime() - start) / 1e6);
            }
            plainQuery.add(median(queries));
        }
        Report report = new Report("Plugin toggle", "./aftersales bench toggle " + options.describe(),
                bench.machine(), String.format(Locale.ROOT, "Milliseconds from sending `pluginEnable` (operator"
                        + " API) for the wishlist plugin to the first `viewer { wishlists }` that succeeds. Medians"
                        + " of %d runs (a toggle to an already built set: the median of %d toggles per run).",
                        newSet.size(), TOGGLES_PER_RUN));
        report.table("", "ms")
                .row("pluginEnable → queryable, new plugin set (schema assembled)", newSet.summary())
                .row("pluginEnable → queryable, set seen before (schema cached)", knownSet.summary())
                .row("the same query, plugin enabled all along", plainQuery.summary())
                .end();
        report.metric("toggle.new.ms", newSet);
        report.metric("toggle.known.ms", knownSet);
        return report;
    }

    private static double enableToQueryable(TestShop shop, GraphQlClient storefront) {
        long start = System.nanoTime();
        shop.enable("wishlist");
        long deadline = start + Duration.ofSeconds(10).toNanos();
        while (true) {
            GraphQlResult result = storefront.execute(QUERY);
            if (result.errors().isEmpty()) {
                return (System.nanoTime() - start) / 1e6;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Not queryable 10 s after pluginEnable: " + result.errors());
            }
        }
    }

    private static double median(List<Double> values) {
        Samples samples = new Samples();
        values.forEach(samples::add);
        return samples.median();
    }
}
