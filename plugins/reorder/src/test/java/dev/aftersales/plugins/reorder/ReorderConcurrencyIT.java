package dev.aftersales.plugins.reorder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.testkit.AftersalesHost;
import dev.aftersales.testkit.ConcurrentCalls;
import dev.aftersales.testkit.TestShop;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Many customers reordering (and buying again) one hot variant at once, and one customer's double clicks: the
 * feature keeps no rows of its own, but the mirror reads and the connector's shared state must hold up. Every call
 * answers a cart.
 */
class ReorderConcurrencyIT {

    @RegisterExtension
    static final AftersalesHost host = AftersalesHost.withPlugins(FakePlatform.pluginJars());

    private static final int THREADS = 8;
    private static final int CALLS = 20;

    private TestShop shop;
    private FakePlatform platform;
    private OrderHistory history;

    @BeforeEach
    void shop(TestShop shop) {
        this.shop = shop.enable("reorder");
        platform = FakePlatform.connect(host, shop);
        history = OrderHistory.of(host, shop);
        shop.catalog().variant("v-hot", "Alpine Jacket", "M", "189.00", 1000);
        platform.answersCart("cart-hot", "[{\"variantId\": \"v-hot\", \"quantity\": 1}]");
    }

    @Test
    void manyCustomersReorderAndBuyAgainTheSameVariantAtOnce() {
        for (int customer = 0; customer < THREADS; customer++) {
            history.order("o-" + customer, "c-" + customer, "2026-10-01T10:00:00Z").line("v-hot", "p", 1, "189.00")
                    .save();
        }

        ConcurrentCalls.Report report = ConcurrentCalls.run(THREADS, CALLS, (thread, call) -> {
            var customer = shop.storefront("c-" + thread);
            return call % 2 == 0
                    ? customer.execute(ReorderDocuments.REORDER, Map.of("input", Map.of("orderId", "o-" + thread)))
                    : customer.execute(ReorderDocuments.BUY_AGAIN_ADD, Map.of("input",
                            Map.of("lines", List.of(Map.of("variantId", "v-hot", "quantity", 1)))));
        }).assertNoFailures();

        assertThat(report.results()).allSatisfy(result -> {
            var payload = result.json().path("data").properties().iterator().next().getValue();
            assertThat(payload.path("userErrors").isEmpty()).as(result.toString()).isTrue();
            assertThat(payload.path("cart").path("id").asString()).isEqualTo("cart-hot");
        });
        assertThat(platform.cartRequests()).isEqualTo(THREADS * CALLS);
    }
}
