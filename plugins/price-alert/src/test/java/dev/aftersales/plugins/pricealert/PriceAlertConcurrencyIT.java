package dev.aftersales.plugins.pricealert;

import static dev.aftersales.plugins.pricealert.jooq.Tables.PRICE_ALERT_SUBSCRIPTION;
import static dev.aftersales.plugins.pricealert.jooq.Tables.PRICE_ALERT_WATCHER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.testkit.AftersalesHost;
import dev.aftersales.testkit.ConcurrentCalls;
import dev.aftersales.testkit.TestShop;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Many clients on one variant (and one customer's double clicks) at once: no call fails, no row is doubled. */
class PriceAlertConcurrencyIT {

    @RegisterExtension
    static final AftersalesHost host = AftersalesHost.withPluginUnderTest();

    private static final int THREADS = 8;
    private static final int CALLS = 40;
    private static final String SUBSCRIBE = """
            mutation($input: PriceAlertSubscribeInput!) { priceAlertSubscribe(input: $input) {
              priceAlert { id status } userErrors { field code message } } }""";
    private static final String WATCH = """
            mutation($input: PriceAlertWatchWishlistInput!) { priceAlertWatchWishlist(input: $input) {
              watchesWishlistPrices userErrors { code } } }""";

    @Test
    void manyCustomersAndGuestsSubscribeToOneVariantAtOnce(TestShop shop) {
        jacket(shop);

        ConcurrentCalls.run(THREADS, CALLS, (thread, call) -> call % 2 == 0
                ? shop.storefront("c-" + thread + "-" + call).execute(SUBSCRIBE,
                        Map.of("input", Map.of("variantId", "v-1", "targetPrice", "80")))
                : shop.storefront().execute(SUBSCRIBE, Map.of("input", Map.of("variantId", "v-1",
                        "email", "g-" + thread + "-" + call + "-" + shop.id() + "@example.test"))))
                .assertNoFailures();

        assertThat(count(shop, PriceAlert.ACTIVE)).isEqualTo(THREADS * CALLS / 2);
        assertThat(count(shop, PriceAlert.PENDING)).isEqualTo(THREADS * CALLS / 2);
    }

    @Test
    void aCustomersAndAGuestsDoubleClicksMakeOneSubscriptionEach(TestShop shop) {
        jacket(shop);
        String guest = "double-" + shop.id() + "@example.test";

        ConcurrentCalls.Report report = ConcurrentCalls.run(THREADS, 6, (thread, call) -> thread % 2 == 0
                ? shop.storefront("anna").execute(SUBSCRIBE, Map.of("input", Map.of("variantId", "v-1")))
                : shop.storefront().execute(SUBSCRIBE, Map.of("input", Map.of("variantId", "v-1", "email", guest))))
                .assertNoFailures();

        assertThat(count(shop, PriceAlert.ACTIVE)).isEqualTo(1);
        assertThat(count(shop, PriceAlert.PENDING)).isEqualTo(1);
        Set<String> ids = report.results().stream()
                .map(result -> result.path("priceAlertSubscribe.priceAlert.id").asString())
                .collect(Collectors.toSet());
        assertThat(ids).hasSize(2);
    }

    @Test
    void manyCustomersWatchTheirWishlistsAtOnceEachWithDoubleClicks(TestShop shop) {
        jacket(shop);

        ConcurrentCalls.run(THREADS, CALLS, (thread, call) -> shop.storefront("w-" + (call / 2))
                        .execute(WATCH, Map.of("input", Map.of("enabled", true))))
                .assertNoFailures();

        assertThat(shop.sql().fetchCount(PRICE_ALERT_WATCHER, PRICE_ALERT_WATCHER.SHOP_ID.eq(shop.id())))
                .isEqualTo(CALLS / 2);
    }

    private static void jacket(TestShop shop) {
        shop.enable("price-alert");
        shop.catalog().variant("v-1").product("jacket", "Jacket").name("M").price("100.00", "EUR").save();
    }

    private static int count(TestShop shop, String status) {
        return shop.sql().fetchCount(PRICE_ALERT_SUBSCRIPTION, PRICE_ALERT_SUBSCRIPTION.SHOP_ID.eq(shop.id())
                .and(PRICE_ALERT_SUBSCRIPTION.STATUS.eq(status)));
    }
}
