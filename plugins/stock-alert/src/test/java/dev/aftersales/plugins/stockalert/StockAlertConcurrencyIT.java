package dev.aftersales.plugins.stockalert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.testkit.AftersalesHost;
import dev.aftersales.testkit.ConcurrentCalls;
import dev.aftersales.testkit.GraphQlResult;
import dev.aftersales.testkit.TestShop;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Many clients on one sold-out variant at once: no call fails, every subscriber ends up with exactly one row. */
class StockAlertConcurrencyIT {

    @RegisterExtension
    static final AftersalesHost host = AftersalesHost.withPluginUnderTest();

    private static final int THREADS = 8;
    private static final int CALLS = 40;

    @Test
    void manyCustomersAndGuestsSubscribeToOneSoldOutVariantAtOnce(TestShop shop) {
        StockAlertStorefront alerts = enabled(shop);
        alerts.stock("v-hot", 1, 0);

        ConcurrentCalls.run(THREADS, CALLS, (thread, call) -> call % 2 == 0
                ? shop.storefront("c-" + thread + "-" + call).execute(StockAlertStorefront.SUBSCRIBE,
                        Map.of("input", Map.of("variantId", "v-hot")))
                : shop.storefront().execute(StockAlertStorefront.SUBSCRIBE, Map.of("input", Map.of(
                        "variantId", "v-hot", "email", "g-" + thread + "-" + call + "-" + shop.id() + "@example.test"))))
                .assertNoFailures();

        assertThat(alerts.count(StockAlert.ACTIVE)).isEqualTo(THREADS * CALLS / 2);
        assertThat(alerts.count(StockAlert.AWAITING_CONFIRMATION)).isEqualTo(THREADS * CALLS / 2);
    }

    @Test
    void aCustomersAndAGuestsDoubleClicksMakeOneSubscriptionEach(TestShop shop) {
        StockAlertStorefront alerts = enabled(shop);
        alerts.stock("v-hot", 1, 0);
        String guest = "double-" + shop.id() + "@example.test";

        ConcurrentCalls.Report report = ConcurrentCalls.run(THREADS, 6, (thread, call) -> thread % 2 == 0
                ? shop.storefront("anna").execute(StockAlertStorefront.SUBSCRIBE,
                        Map.of("input", Map.of("variantId", "v-hot")))
                : shop.storefront().execute(StockAlertStorefront.SUBSCRIBE,
                        Map.of("input", Map.of("variantId", "v-hot", "email", guest))))
                .assertNoFailures();

        assertThat(alerts.states()).containsOnly(Map.entry("c:anna", StockAlert.ACTIVE),
                Map.entry("e:" + guest, StockAlert.AWAITING_CONFIRMATION));
        Set<String> ids = report.results().stream()
                .map(result -> result.path("stockAlertSubscribe.stockAlert.id").asString())
                .collect(Collectors.toSet());
        assertThat(ids).as("every click answers one of the two subscriptions").hasSize(2);
    }

    @Test
    void subscribingAndCancellingAtOnceLeavesEachCustomerConsistent(TestShop shop) {
        StockAlertStorefront alerts = enabled(shop);
        alerts.stock("v-hot", 1, 0);
        for (int customer = 0; customer < THREADS; customer++) {
            alerts.subscribeAsCustomer("k-" + customer, "v-hot");
        }

        ConcurrentCalls.run(THREADS, 10, (thread, call) -> {
            if (call % 2 == 0) {
                return shop.storefront("k-" + thread).execute(StockAlertStorefront.SUBSCRIBE,
                        Map.of("input", Map.of("variantId", "v-hot")));
            }
            GraphQlResult mine = shop.storefront("k-" + thread).execute(StockAlertStorefront.LIST);
            var nodes = mine.path("viewer.stockAlerts.nodes");
            return nodes.isEmpty() ? mine : alerts.cancel("k-" + thread,
                    Map.of("stockAlertId", nodes.get(0).path("id").asString()));
        }).assertNoFailures();

        assertThat(alerts.states()).hasSizeLessThanOrEqualTo(THREADS)
                .allSatisfy((key, state) -> assertThat(state).isEqualTo(StockAlert.ACTIVE));
    }

    private static StockAlertStorefront enabled(TestShop shop) {
        shop.enable(StockAlertFeature.ID);
        return new StockAlertStorefront(shop);
    }
}
