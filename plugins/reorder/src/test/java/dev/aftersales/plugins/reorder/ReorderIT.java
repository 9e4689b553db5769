package dev.aftersales.plugins.reorder;

import static dev.aftersales.plugins.reorder.ReorderStorefront.codes;
import static dev.aftersales.plugins.reorder.ReorderStorefront.linesByVariant;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.testkit.AftersalesHost;
import dev.aftersales.testkit.TestShop;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * A signed-in customer orders a past order again, or previews it, through the real host over HTTP; the reference
 * connector makes the cart on WireMock standing in for the shop platform.
 */
class ReorderIT {

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
    }

    @Test
    void availableLinesGoIntoACartAndTheOthersAreReportedWithTheirPriceChange() {
        variant("v-avail", "p-tee", "15.00", 8, true);
        variant("v-sold-out", "p-scarf", "19.99", 0, true);
        variant("v-discontinued", "p-hat", "25.00", 4, false);
        variant("v-repriced", "p-gloves", "12.50", 6, true);
        history.order("o-1", "anna", "2026-09-01T10:00:00Z")
                .line("v-avail", "p-tee", 2, "15.00")
                .line("v-sold-out", "p-scarf", 1, "19.99")
                .line("v-discontinued", "p-hat", 1, "25.00")
                .line("v-repriced", "p-gloves", 3, "9.90")
                .line("v-gone", "p-socks", 1, "4.00")
                .save();
        platform.answersCart("cart-1", """
                [{"variantId": "v-avail", "quantity": 2}, {"variantId": "v-repriced", "quantity": 3}]""");

        JsonNode payload = anna.reorder("o-1");

        assertThat(codes(payload)).isEmpty();
        assertThat(payload.path("cart").path("id").asString()).isEqualTo("cart-1");
        assertThat(payload.path("cart").path("checkoutUrl").asString()).isEqualTo(FakePlatform.checkoutUrl("cart-1"));
        assertThat(payload.path("cart").path("lines").get(1).path("variant").path("name").asString())
                .isEqualTo("v-repriced");
        platform.verifyOneCartRequest("""
                {"customerId": "anna", "lines": [{"variantId": "v-avail", "quantity": 2},
                                                 {"variantId": "v-repriced", "quantity": 3}]}""");

        Map<String, JsonNode> lines = linesByVariant(payload);
        assertLine(lines.get("v-avail"), "AVAILABLE", 2, false);
        assertLine(lines.get("v-sold-out"), "OUT_OF_STOCK", 0, false);
        assertLine(lines.get("v-discontinued"), "DISCONTINUED", 0, false);
        assertLine(lines.get("v-repriced"), "AVAILABLE", 3, true);
        assertLine(lines.get("v-gone"), "DISCONTINUED", 0, false);
        assertThat(lines.get("v-repriced").path("orderedUnitPrice").path("amount").asString()).isEqualTo("9.90");
        assertThat(lines.get("v-repriced").path("currentUnitPrice").path("amount").asString()).isEqualTo("12.50");
        assertThat(lines.get("v-gone").path("variant").isNull()).isTrue();
        assertThat(lines.get("v-gone").path("currentUnitPrice").isNull()).isTrue();
        assertThat(lines.get("v-gone").path("name").asString()).isEqualTo("Line v-gone");
    }

    @Test
    void stockCapsTheQuantityAndReturnedPiecesStayOut() {
        variant("v-scarce", "p-tee", "15.00", 2, true);
        variant("v-partly-returned", "p-scarf", "19.99", 10, true);
        variant("v-returned", "p-hat", "25.00", 10, true);
        history.order("o-1", "anna", "2026-09-01T10:00:00Z")
                .line("v-scarce", "p-tee", 5, "15.00")
                .returned("v-partly-returned", "p-scarf", 3, "19.99", 1)
                .returned("v-returned", "p-hat", 2, "25.00", 2)
                .save();
        platform.answersCart("cart-2", """
                [{"variantId": "v-scarce", "quantity": 2}, {"variantId": "v-partly-returned", "quantity": 2}]""");

        JsonNode payload = anna.reorder("o-1");

        assertThat(codes(payload)).isEmpty();
        platform.verifyOneCartRequest("""
                {"customerId": "anna", "lines": [{"variantId": "v-scarce", "quantity": 2},
                                                 {"variantId": "v-partly-returned", "quantity": 2}]}""");
        Map<String, JsonNode> lines = linesByVariant(payload);
        assertLine(lines.get("v-scarce"), "LIMITED_BY_STOCK", 2, false);
        assertLine(lines.get("v-partly-returned"), "AVAILABLE", 2, false);
        assertLine(lines.get("v-returned"), "RETURNED", 0, false);
        assertThat(lines.get("v-partly-returned").path("returnedQuantity").asInt()).isEqualTo(1);
        assertThat(lines.get("v-scarce").path("orderedQuantity").asInt()).isEqualTo(5);
    }

    @Test
    void previewSuggestsASubstituteAndMakesNoCart() {
        variant("jacket-m", "p-jacket", "49.90", 0, true);
        variant("jacket-l", "p-jacket", "49.90", 5, true);
        variant("jacket-xl", "p-jacket", "59.90", 9, true);
        variant("jacket-s", "p-jacket", "49.90", 3, false);
        // the scarf the customer bought is gone from the catalog; the order still names its product
        variant("scarf-blue", "p-scarf", "21.00", 4, true);
        variant("scarf-green", "p-scarf", "35.00", 4, true);
        variant("tee", "p-tee", "15.00", 1, true);
        history.order("o-1", "anna", "2026-09-01T10:00:00Z")
                .line("jacket-m", "p-jacket", 1, "49.90")
                .line("scarf-red", "p-scarf", 1, "19.99")
                .line("tee", "p-tee", 1, "15.00")
                .save();

        JsonNode preview = anna.preview("o-1");

        assertThat(preview.path("orderId").asString()).isEqualTo("o-1");
        assertThat(preview.path("placedAt").asString()).isEqualTo("2026-09-01T10:00:00Z");
        assertThat(preview.path("reorderable").asBoolean()).isTrue();
        Map<String, JsonNode> lines = linesByVariant(preview);
        assertLine(lines.get("jacket-m"), "OUT_OF_STOCK", 0, false);
        assertThat(lines.get("jacket-m").path("substitute").path("id").asString()).isEqualTo("jacket-l");
        assertLine(lines.get("scarf-red"), "DISCONTINUED", 0, false);
        assertThat(lines.get("scarf-red").path("substitute").path("id").asString()).isEqualTo("scarf-blue");
        assertThat(lines.get("scarf-red").path("substitute").path("price").path("amount").asString())
                .isEqualTo("21.00");
        assertLine(lines.get("tee"), "AVAILABLE", 1, false);
        assertThat(lines.get("tee").path("substitute").isNull()).isTrue();
        assertThat(platform.cartRequests()).isZero();
    }

    @Test
    void anOrderWithNothingAvailableIsAUserErrorAndNoPlatformCall() {
        variant("v-sold-out", "p-tee", "15.00", 0, true);
        history.order("o-1", "anna", "2026-09-01T10:00:00Z")
                .line("v-sold-out", "p-tee", 1, "15.00")
                .returned("v-returned", "p-hat", 1, "25.00", 1)
                .save();
        platform.answersCart("never", "[]");

        JsonNode payload = anna.reorder("o-1");

        assertThat(codes(payload)).containsExactly("NOTHING_AVAILABLE");
        assertThat(payload.path("cart").isNull()).isTrue();
        assertThat(payload.path("lines").size()).as("the report still says why").isEqualTo(2);
        assertThat(anna.preview("o-1").path("reorderable").asBoolean()).isFalse();
        assertThat(platform.cartRequests()).isZero();
    }

    @Test
    void aFailingPlatformIsPlatformUnavailableWithItsMessage() {
        variant("v-1", "p-tee", "15.00", 5, true);
        history.order("o-1", "anna", "2026-09-01T10:00:00Z").line("v-1", "p-tee", 1, "15.00").save();
        platform.failsCarts(503);

        JsonNode payload = anna.reorder("o-1");

        assertThat(codes(payload)).containsExactly("PLATFORM_UNAVAILABLE");
        assertThat(payload.path("userErrors").get(0).path("message").asString()).contains("503");
        assertThat(payload.path("cart").isNull()).isTrue();
        assertThat(platform.cartRequests()).isEqualTo(1);
    }

    @Test
    void aSlowPlatformIsPlatformUnavailable() {
        variant("v-1", "p-tee", "15.00", 5, true);
        history.order("o-1", "anna", "2026-09-01T10:00:00Z").line("v-1", "p-tee", 1, "15.00").save();
        platform.answersCartsTooLate();

        JsonNode payload = anna.reorder("o-1");

        assertThat(codes(payload)).containsExactly("PLATFORM_UNAVAILABLE");
        assertThat(payload.path("userErrors").get(0).path("message").asString()).isNotBlank();
        assertThat(payload.path("cart").isNull()).isTrue();
    }

    @Test
    void anUnknownOrderIsNotFound() {
        JsonNode payload = anna.reorder("o-unknown");

        assertThat(codes(payload)).containsExactly("NOT_FOUND");
        assertThat(payload.path("userErrors").get(0).path("field").toString()).isEqualTo("[\"input\",\"orderId\"]");
        assertThat(payload.path("lines").isNull()).isTrue();
        assertThat(anna.preview("o-unknown").isNull()).isTrue();
    }

    @Test
    void aGuestCannotReorder() {
        history.order("o-1", "anna", "2026-09-01T10:00:00Z").line("v-1", "p-tee", 1, "15.00").save();

        assertThat(shop.storefront().execute(ReorderDocuments.REORDER, Map.of("input", Map.of("orderId", "o-1")))
                .errorCodes()).containsExactly("UNAUTHENTICATED");
        assertThat(platform.cartRequests()).isZero();
    }

    private void variant(String id, String productId, String price, int stock, boolean purchasable) {
        shop.catalog().variant(id).product(productId, productId).name(id).price(price, "EUR").stock(stock)
                .purchasable(purchasable).save();
    }

    private static void assertLine(JsonNode line, String status, int cartQuantity, boolean priceChanged) {
        assertThat(line.path("status").asString()).as(line.toString()).isEqualTo(status);
        assertThat(line.path("cartQuantity").asInt()).as(line.toString()).isEqualTo(cartQuantity);
        assertThat(line.path("priceChanged").asBoolean()).as(line.toString()).isEqualTo(priceChanged);
    }
}
