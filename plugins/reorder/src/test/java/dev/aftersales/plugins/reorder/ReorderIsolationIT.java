package dev.aftersales.plugins.reorder;

import static dev.aftersales.plugins.reorder.ReorderStorefront.codes;
import static dev.aftersales.plugins.reorder.ReorderStorefront.variantIds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.testkit.AftersalesHost;
import dev.aftersales.testkit.TestShop;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * Shop A's orders are out of reach from shop B, even for a customer with the same id, and from another customer of
 * shop A: reorder answers exactly as for an unknown order, the preview is null, no cart is asked for, and
 * "buy again" shows nothing of them. A shop that has not enabled the feature does not have its fields.
 */
class ReorderIsolationIT {

    @RegisterExtension
    static final AftersalesHost host = AftersalesHost.withPlugins(FakePlatform.pluginJars());

    private FakePlatform platformA;
    private FakePlatform platformB;
    private TestShop shopA;
    private TestShop shopB;

    @BeforeEach
    void twoShops(TestShop shopA, TestShop shopB) {
        this.shopA = shopA.enable("reorder");
        this.shopB = shopB.enable("reorder");
        platformA = FakePlatform.connect(host, shopA);
        platformB = FakePlatform.connect(host, shopB);
        for (TestShop shop : List.of(shopA, shopB)) {
            shop.catalog().variant("v-1", "Jacket", "M", "49.90", 3);
        }
        platformA.answersCart("cart-a", "[{\"variantId\": \"v-1\", \"quantity\": 1}]");
        platformB.answersCart("cart-b", "[{\"variantId\": \"v-1\", \"quantity\": 1}]");
        OrderHistory.of(host, shopA).order("o-a", "anna", "2026-09-01T10:00:00Z").line("v-1", "p", 1, "49.90")
                .save();
    }

    @Test
    void theSameCustomerIdInAnotherShopCannotReorderTheOrder() {
        assertOrderIsOutOfReach(new ReorderStorefront(shopB.storefront("anna")));
    }

    @Test
    void anotherCustomerOfTheShopCannotReorderTheOrder() {
        assertOrderIsOutOfReach(new ReorderStorefront(shopA.storefront("ben")));
    }

    @Test
    void theOwnerCan() {
        JsonNode payload = new ReorderStorefront(shopA.storefront("anna")).reorder("o-a");

        assertThat(codes(payload)).isEmpty();
        assertThat(payload.path("cart").path("id").asString()).isEqualTo("cart-a");
        assertThat(platformB.cartRequests()).isZero();
    }

    @Test
    void aShopWithoutTheFeatureDoesNotHaveItsFields() {
        shopB.disable("reorder");

        assertThat(shopB.storefront("anna").execute(ReorderDocuments.REORDER, Map.of("input", Map.of("orderId", "o-a")))
                .errorCodes()).isNotEmpty().containsOnly("FEATURE_DISABLED");
    }

    private void assertOrderIsOutOfReach(ReorderStorefront intruder) {
        JsonNode foreign = intruder.reorder("o-a");
        JsonNode unknown = intruder.reorder("o-does-not-exist");

        assertThat(codes(foreign)).containsExactly("NOT_FOUND");
        assertThat(foreign).isEqualTo(unknown);
        assertThat(intruder.preview("o-a").isNull()).isTrue();
        assertThat(variantIds(intruder.buyAgain(10, null))).isEmpty();
        assertThat(platformA.cartRequests()).isZero();
        assertThat(platformB.cartRequests()).isZero();
    }
}
