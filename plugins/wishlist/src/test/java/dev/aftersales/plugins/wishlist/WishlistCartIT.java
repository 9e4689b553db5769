package dev.aftersales.plugins.wishlist;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.aftersales.plugins.wishlist.WishlistStorefront.userErrorCodes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.testkit.AftersalesHost;
import dev.aftersales.testkit.GraphQlResult;
import dev.aftersales.testkit.TestShop;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * {@code wishlistItemsToCart} through the real host: the reference connector (plugins/connector-rest) makes the cart
 * on WireMock, which plays the shop platform under a path of the test's own shop.
 */
class WishlistCartIT {

    @RegisterExtension
    static final AftersalesHost host = AftersalesHost.withPlugins(
            Path.of(System.getProperty(AftersalesHost.PLUGIN_JAR_PROPERTY)),
            Path.of(System.getProperty("aftersales.testkit.connector-jar")));

    private static final String API_KEY = "test-api-key";

    private TestShop shop;
    private String carts;
    private WishlistStorefront anna;

    @BeforeEach
    void shop(TestShop shop) {
        this.shop = shop.enable("wishlist").enable("connector-rest");
        String base = "/platform-" + shop.id();
        shop.settings("connector-rest", Map.of("baseUrl", host.wireMock().baseUrl() + base, "apiKey", API_KEY,
                "maxAttempts", 1, "readTimeoutMs", 10_000));
        carts = base + "/carts";
        shop.catalog().variant("v-1", "Jacket", "M", "49.90", 3);
        shop.catalog().variant("v-2", "Scarf", "Red", "19.99", 0);
        shop.catalog().variant("v-3").product("hat", "Hat").price("15.00", "EUR").stock(4).purchasable(false).save();
        shop.catalog().variant("v-4", "Gloves", "L", "9.50", 1);
        anna = new WishlistStorefront(shop.storefront("anna"));
    }

    @Test
    void availableItemsGoIntoACartAndEachOtherItemIsReported() {
        String list = anna.createList("Birthday");
        anna.addItem(list, "v-1", 5);
        String scarf = anna.addItem(list, "v-2", 1);
        String hat = anna.addItem(list, "v-3", 1);
        anna.addItem(list, "v-4", 1);
        answersCart("cart-1", "[{\"variantId\": \"v-1\", \"quantity\": 3}, {\"variantId\": \"v-4\", \"quantity\": 1}]");

        GraphQlResult result = anna.mutate(WishlistDocuments.ITEMS_TO_CART, Map.of("wishlistId", list));

        assertThat(userErrorCodes(result, "wishlistItemsToCart")).containsExactly("OUT_OF_STOCK", "DISCONTINUED");
        JsonNode errors = result.path("wishlistItemsToCart.userErrors");
        assertThat(errors.get(0).path("message").asString()).contains(scarf).contains("v-2");
        assertThat(errors.get(1).path("message").asString()).contains(hat);
        assertThat(errors.get(0).path("field").isEmpty()).isTrue();
        assertThat(result.path("wishlistItemsToCart.cart.id").asString()).isEqualTo("cart-1");
        assertThat(result.path("wishlistItemsToCart.cart.checkoutUrl").asString())
                .isEqualTo("https://shop.test/checkout/cart-1");
        assertThat(result.path("wishlistItemsToCart.cart.lines[0].variant.name").asString()).isEqualTo("M");
        host.wireMock().verify(1, postRequestedFor(urlEqualTo(carts))
                .withHeader("Authorization", equalTo("Bearer " + API_KEY))
                .withRequestBody(equalToJson("""
                        {"customerId": "anna", "lines": [{"variantId": "v-1", "quantity": 3},
                                                         {"variantId": "v-4", "quantity": 1}]}""")));
        // the list is exactly as it was
        assertThat(anna.quantities(list)).containsOnly(Map.entry("v-1", 5), Map.entry("v-2", 1), Map.entry("v-3", 1),
                Map.entry("v-4", 1));
    }

    @Test
    void namedItemsThatAreNotOnTheListAreNotFoundAtTheirIndex() {
        String birthday = anna.createList("Birthday");
        String christmas = anna.createList("Christmas");
        String gloves = anna.addItem(birthday, "v-4", 2);
        String onOtherList = anna.addItem(christmas, "v-1", 1);
        String bensItem = new WishlistStorefront(shop.storefront("ben")).addToDefault("v-1", 1);
        answersCart("cart-2", "[{\"variantId\": \"v-4\", \"quantity\": 1}]");

        GraphQlResult result = anna.mutate(WishlistDocuments.ITEMS_TO_CART, Map.of("wishlistId", birthday,
                "itemIds", List.of(gloves, bensItem, "not-an-id", onOtherList)));

        assertThat(userErrorCodes(result, "wishlistItemsToCart"))
                .containsExactly("NOT_FOUND", "NOT_FOUND", "NOT_FOUND");
        JsonNode errors = result.path("wishlistItemsToCart.userErrors");
        assertThat(errors.get(0).path("field").toString()).isEqualTo("[\"input\",\"itemIds\",\"1\"]");
        assertThat(errors.get(1).path("field").toString()).isEqualTo("[\"input\",\"itemIds\",\"2\"]");
        assertThat(errors.get(2).path("field").toString()).isEqualTo("[\"input\",\"itemIds\",\"3\"]");
        host.wireMock().verify(1, postRequestedFor(urlEqualTo(carts)).withRequestBody(equalToJson("""
                {"customerId": "anna", "lines": [{"variantId": "v-4", "quantity": 1}]}""")));
    }

    @Test
    void aGuestGetsAGuestCartWithTheGuestToken() {
        WishlistStorefront guest = new WishlistStorefront(shop.storefront());
        String token = guest.startGuest();
        guest.addItem(Map.of("guestToken", token, "variantId", "v-1", "quantity", 2));
        answersCart("cart-3", "[{\"variantId\": \"v-1\", \"quantity\": 2}]");

        GraphQlResult result = guest.mutate(WishlistDocuments.ITEMS_TO_CART, Map.of("guestToken", token));

        assertThat(userErrorCodes(result, "wishlistItemsToCart")).isEmpty();
        assertThat(result.path("wishlistItemsToCart.cart.id").asString()).isEqualTo("cart-3");
        host.wireMock().verify(1, postRequestedFor(urlEqualTo(carts)).withRequestBody(equalToJson("""
                {"customerId": null, "lines": [{"variantId": "v-1", "quantity": 2}]}""")));
    }

    @Test
    void theDefaultListIsTakenWhenNoListIsNamed() {
        anna.addToDefault("v-4", 1);
        answersCart("cart-4", "[{\"variantId\": \"v-4\", \"quantity\": 1}]");

        GraphQlResult result = anna.mutate(WishlistDocuments.ITEMS_TO_CART, Map.of());

        assertThat(userErrorCodes(result, "wishlistItemsToCart")).isEmpty();
        assertThat(result.path("wishlistItemsToCart.cart.id").asString()).isEqualTo("cart-4");
    }

    @Test
    void nothingAvailableMakesNoCart() {
        String list = anna.createList("Birthday");
        anna.addItem(list, "v-2", 1);
        answersCart("never", "[]");

        GraphQlResult result = anna.mutate(WishlistDocuments.ITEMS_TO_CART, Map.of("wishlistId", list));

        assertThat(userErrorCodes(result, "wishlistItemsToCart")).containsExactly("OUT_OF_STOCK");
        assertThat(result.path("wishlistItemsToCart.cart").isNull()).isTrue();
        host.wireMock().verify(0, postRequestedFor(urlEqualTo(carts)));
    }

    @Test
    void aFailingPlatformIsPlatformUnavailableAndTheListStaysAsItWas() {
        String list = anna.createList("Birthday");
        anna.addItem(list, "v-1", 1);
        host.wireMock().stubFor(post(urlEqualTo(carts)).willReturn(aResponse().withStatus(503)));

        GraphQlResult result = anna.mutate(WishlistDocuments.ITEMS_TO_CART, Map.of("wishlistId", list));

        assertThat(userErrorCodes(result, "wishlistItemsToCart")).containsExactly("PLATFORM_UNAVAILABLE");
        assertThat(result.path("wishlistItemsToCart.userErrors[0].message").asString()).contains("503");
        assertThat(result.path("wishlistItemsToCart.cart").isNull()).isTrue();
        assertThat(anna.quantities(list)).containsOnly(Map.entry("v-1", 1));
    }

    @Test
    void anotherCustomersListIsNotFound() {
        String list = anna.createList("Birthday");
        anna.addItem(list, "v-1", 1);

        GraphQlResult result = new WishlistStorefront(shop.storefront("ben"))
                .mutate(WishlistDocuments.ITEMS_TO_CART, Map.of("wishlistId", list));

        assertThat(userErrorCodes(result, "wishlistItemsToCart")).containsExactly("NOT_FOUND");
        host.wireMock().verify(0, postRequestedFor(urlEqualTo(carts)));
    }

    private void answersCart(String cartId, String linesJson) {
        host.wireMock().stubFor(post(urlEqualTo(carts)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\": \"%s\", \"checkoutUrl\": \"https://shop.test/checkout/%s\", \"lines\": %s}"
                        .formatted(cartId, cartId, linesJson))));
    }
}
