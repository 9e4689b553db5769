package dev.aftersales.bench;

import dev.aftersales.bench.ledger.LedgerThroughput;
import dev.aftersales.bench.pricedrop.PriceDropFanout;
import dev.aftersales.bench.replenishment.DueScan;
import dev.aftersales.bench.restock.RestockFanout;
import dev.aftersales.bench.startup.ColdStart;
import dev.aftersales.bench.startup.PluginToggle;
import dev.aftersales.bench.webhooks.WebhookIngest;
import dev.aftersales.bench.wishlist.WishlistRead;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./aftersales bench <figure>... [options]}: starts one host with every bundled plugin and runs the named
 * figures ({@code all} for every one) against it, printing Markdown for BENCHMARKS.md and writing it to
 * {@code bench/target/bench-results/}. See {@link Options} for the options.
 */
public final class Bench {

    static final List<Figure> FIGURES = List.of(new WishlistRead(), new RestockFanout(), new WebhookIngest(),
            new PluginToggle(), new ColdStart(), new LedgerThroughput(), new PriceDropFanout(), new DueScan());

    private Bench() {
    }

    public static void main(String[] arguments) {
        List<String> names = Arrays.stream(arguments).takeWhile(argument -> !argument.startsWith("--")).toList();
        List<String> rest = Arrays.asList(arguments).subList(names.size(), arguments.length);
        if (names.isEmpty()) {
            System.err.println("Usage: ./aftersales bench <" + String.join("|",
                    FIGURES.stream().map(Figure::name).toList()) + "|all>... [--smoke] [--runs N] [--clients 1,8,32]"
                    + " [--customers N] [--subscribers 10000,100000] [--deliveries N] [--warm-up s] [--measure s]");
            System.exit(2);
        }
        try {
            run(names, Options.parse(rest));
            System.exit(0);
        } catch (RuntimeException e) {
            e.printStackTrace();
            // the host's non-daemon threads would keep a failed run alive
            System.exit(1);
        }
    }

    /** Runs the figures on one host; returns their reports by name. */
    public static Map<String, Report> run(List<String> names, Options options) {
        List<Figure> chosen = new ArrayList<>();
        for (String name : names) {
            if (name.equals("all")) {
                chosen.addAll(FIGURES);
            } else {
                chosen.add(FIGURES.stream().filter(figure -> figure.name().equals(name)).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("Unknown figure " + name)));
            }
        }
        BenchHost bench = BenchHost.start();
        Map<String, Report> reports = new LinkedHashMap<>();
        for (Figure figure : chosen) {
            Report report = figure.run(bench, options);
            report.publish(figure.name());
            reports.put(figure.name(), report);
        }
        return reports;
    }
}
