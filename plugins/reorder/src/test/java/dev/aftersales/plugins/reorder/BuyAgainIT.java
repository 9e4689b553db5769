package dev.aftersales.plugins.reorder;

import static dev.aftersales.plugins.reorder.ReorderStorefront.codes;
import static dev.aftersales.plugins.reorder.ReorderStorefront.variantIds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.api.catalog.Order;
import dev.aftersales.testkit.AftersalesHost;
import dev.aftersales.testkit.TestShop;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** "Buy again" through the real host: the ranked history, its pages, and a cart from picked variants. */
class BuyAgainIT {

    @RegisterExtension
    static final AftersalesHost host = AftersalesHost.withPlugins(FakePlatform.pluginJars());

    private TestShop shop;
    private FakePlatform platform;
    private OrderHistory history;
    private ReorderStorefront anna;

    @BeforeEach
    void shop(TestShop shop) {
        this.shop = shop.enable("reorder");
        platform = FakePlatform.connect(host, shop);
        history = OrderHistory.of(host, shop);
        anna = new ReorderStorefront(shop.storefront("anna"));
        for (String id : List.of("v-often", "v-once-lately", "v-long-ago", "v-returned", "v-cancelled")) {
            shop.catalog().variant(id, "Product " + id, id, "10.00", 5);
        }
        shop.catalog().variant("v-sold-out", "Sold out", "v-sold-out", "8.00", 0);
        shop.catalog().variant("v-discontinued").price("10.00", "EUR").stock(5).purchasable(false).save();
    }

    @Test
    void oftenAndLatelyBoughtRanksFirstAndReturnedOrCancelledDoNotCount() {
        history.order("o-1", "anna", "2025-01-10T10:00:00Z").line("v-long-ago", "p", 1, "9.00").save();
        history.order("o-2", "anna", "2025-02-10T10:00:00Z").line("v-long-ago", "p", 1, "9.00").save();
        history.order("o-3", "anna", "2026-08-01T10:00:00Z").line("v-often", "p", 2, "9.50")
                .returned("v-returned", "p", 2, "10.00", 2).save();
        history.order("o-4", "anna", "2026-09-01T10:00:00Z").line("v-often", "p", 1, "9.80")
                .line("v-sold-out", "p", 1, "8.00").line("v-discontinued", "p", 1, "10.00").save();
        history.order("o-5", "anna", "2026-10-01T10:00:00Z").status(Order.OrderStatus.CANCELLED)
                .line("v-cancelled", "p", 1, "10.00").line("v-often", "p", 1, "10.00").save();
        history.order("o-6", "anna", "2026-10-20T10:00:00Z").line("v-once-lately", "p", 3, "10.00").save();
        history.order("o-7", "ben", "2026-10-21T10:00:00Z").line("v-long-ago", "p", 9, "10.00").save();

        JsonNode page = anna.buyAgain(10, null);

        assertThat(variantIds(page)).containsExactly("v-often", "v-once-lately", "v-sold-out", "v-long-ago");
        JsonNode often = page.path("edges").get(0).path("node");
        assertThat(often.path("timesBought").asInt()).isEqualTo(2);
        assertThat(often.path("quantityBought").asInt()).isEqualTo(3);
        assertThat(often.path("lastBoughtAt").asString()).isEqualTo("2026-09-01T10:00:00Z");
        assertThat(often.path("lastUnitPrice").path("amount").asString()).isEqualTo("9.80");
        assertThat(often.path("variant").path("price").path("amount").asString()).isEqualTo("10.00");
        assertThat(often.path("variant").path("inStock").asBoolean()).isTrue();
        assertThat(page.path("edges").get(2).path("node").path("variant").path("inStock").asBoolean()).isFalse();
        assertThat(page.path("pageInfo").path("hasNextPage").asBoolean()).isFalse();
    }

    @Test
    void pagesFollowTheRankingWithoutGapsOrRepeats() {
        List<String> expected = List.of("v-once-lately", "v-often", "v-long-ago", "v-returned", "v-cancelled");
        for (int i = 0; i < expected.size(); i++) {
            // one order each, newer for the better rank
            history.order("o-" + i, "anna", "2026-10-%02dT10:00:00Z".formatted(20 - i))
                    .line(expected.get(i), "p", 1, "10.00").save();
        }

        List<String> seen = new ArrayList<>();
        String after = null;
        List<Boolean> hasNext = new ArrayList<>();
        do {
            JsonNode page = anna.buyAgain(2, after);
            seen.addAll(variantIds(page));
            hasNext.add(page.path("pageInfo").path("hasNextPage").asBoolean());
            after = page.path("pageInfo").path("hasNextPage").asBoolean()
                    ? page.path("pageInfo").path("endCursor").asString() : null;
        } while (after != null);

        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(hasNext).containsExactly(true, true, false);
    }

    @Test
    void historyDepthComesFromTheSettings() {
        shop.settings("reorder", Map.of("buyAgainHistoryOrders", 2));
        history.order("o-1", "anna", "2026-10-01T10:00:00Z").line("v-long-ago", "p", 1, "10.00").save();
        history.order("o-2", "anna", "2026-10-02T10:00:00Z").line("v-often", "p", 1, "10.00").save();
        history.order("o-3", "anna", "2026-10-03T10:00:00Z").line("v-once-lately", "p", 1, "10.00").save();

        assertThat(variantIds(anna.buyAgain(10, null))).containsExactly("v-once-lately", "v-often");
    }

    @Test
    void aCursorOfAnotherConnectionIsABadRequest() {
        assertThat(anna.execute(ReorderDocuments.BUY_AGAIN, Map.of("first", 2, "after", "bm90LWEtY3Vyc29y"))
                .errorCodes()).containsExactly("BAD_REQUEST");
    }

    @Test
    void buyAgainAddReportsUnknownAndUnavailableVariantsAndCartsTheRest() {
        platform.answersCart("cart-ba", """
                [{"variantId": "v-often", "quantity": 5}, {"variantId": "v-long-ago", "quantity": 1}]""");

        JsonNode payload = anna.buyAgainAdd(List.of(
                Map.of("variantId", "v-unknown", "quantity", 1),
                Map.of("variantId", "v-often", "quantity", 7),
                Map.of("variantId", "v-sold-out", "quantity", 1),
                Map.of("variantId", "v-long-ago")));

        assertThat(codes(payload)).containsExactly("NOT_FOUND", "OUT_OF_STOCK");
        assertThat(payload.path("userErrors").get(0).path("field").toString())
                .isEqualTo("[\"input\",\"lines\",\"0\",\"variantId\"]");
        assertThat(payload.path("userErrors").get(1).path("field").toString())
                .isEqualTo("[\"input\",\"lines\",\"2\",\"variantId\"]");
        assertThat(payload.path("cart").path("id").asString()).isEqualTo("cart-ba");
        assertThat(payload.path("cart").path("checkoutUrl").asString()).isEqualTo(FakePlatform.checkoutUrl("cart-ba"));
        platform.verifyOneCartRequest("""
                {"customerId": "anna", "lines": [{"variantId": "v-often", "quantity": 5},
                                                 {"variantId": "v-long-ago", "quantity": 1}]}""");
    }

    @Test
    void buyAgainAddWithNothingAvailableMakesNoCart() {
        platform.answersCart("never", "[]");

        JsonNode payload = anna.buyAgainAdd(List.of(Map.of("variantId", "v-unknown"),
                Map.of("variantId", "v-discontinued")));

        assertThat(codes(payload)).containsExactly("NOT_FOUND", "DISCONTINUED");
        assertThat(payload.path("cart").isNull()).isTrue();
        assertThat(platform.cartRequests()).isZero();
    }

    @Test
    void buyAgainAddOnAFailingPlatformIsPlatformUnavailable() {
        platform.failsCarts(503);

        JsonNode payload = anna.buyAgainAdd(List.of(Map.of("variantId", "v-often", "quantity", 1)));

        assertThat(codes(payload)).containsExactly("PLATFORM_UNAVAILABLE");
        assertThat(payload.path("cart").isNull()).isTrue();
    }
}
