package dev.aftersales.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every figure of BENCHMARKS.md on tiny data for about a second each (`--smoke`): the bench compiles, its endpoints
 * and baselines answer, and the checks the figures make on their own results hold (the three wishlist endpoints give
 * the same JSON, every accepted webhook is in the inbox, every subscriber's alert is queued and delivered).
 */
class BenchSmokeIT {

    @Test
    void everyFigureRunsOnTinyData() {
        Map<String, Report> reports = Bench.run(List.of("all"), Options.smoke());

        Report wishlist = reports.get("wishlist");
        assertThat(wishlist.metric("graphql@4.rps").median()).isPositive();
        assertThat(wishlist.metric("handwritten@4.rps").median()).isPositive();
        assertThat(wishlist.metric("inmemory@4.rps").median()).isPositive();
        assertThat(wishlist.metric("graphql@4.errors").max()).isZero();
        assertThat(wishlist.metric("handwritten@4.errors").max()).isZero();

        Report webhooks = reports.get("webhooks");
        assertThat(webhooks.metric("stored@4.rps").median()).isPositive();
        assertThat(webhooks.metric("stored@4.errors").max()).isZero();
        assertThat(webhooks.metric("notstored@4.rps").median()).isPositive();

        Report restock = reports.get("restock");
        assertThat(restock.metric("fanout@100.rps").median()).isPositive();
        assertThat(restock.metric("fanout@300.rps").median()).isPositive();
        assertThat(restock.metric("raw@300.rps").median()).isPositive();
        assertThat(restock.metric("delivered.rps").median()).isPositive();

        assertThat(reports.get("toggle").metric("toggle.known.ms").median()).isPositive();
        assertThat(reports.get("coldstart").metric("restart.seconds").median()).isPositive();
        assertThat(reports.get("coldstart").metric("restart.rss").median()).isPositive();
        assertThat(wishlist.markdown()).contains("| GraphQL /graphql");

        Report ledger = reports.get("ledger");
        assertThat(ledger.metric("ledger@4.rps").median()).isPositive();
        assertThat(ledger.metric("raw@4.rps").median()).isPositive();
        assertThat(ledger.metric("drift.seconds").median()).isGreaterThanOrEqualTo(0);

        Report priceDrop = reports.get("pricedrop");
        assertThat(priceDrop.metric("pricedrop@300.rps").median()).isPositive();
        assertThat(priceDrop.metric("raw@300.rps").median()).isPositive();
        Report replenishment = reports.get("replenishment");
        assertThat(replenishment.metric("job@30.seconds").median()).isPositive();
        assertThat(replenishment.metric("job@300.seconds").median()).isPositive();
        assertThat(replenishment.metric("select@300.ms").median()).isPositive();
    }
}
