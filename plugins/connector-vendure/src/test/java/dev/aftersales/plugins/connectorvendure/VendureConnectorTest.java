package dev.aftersales.plugins.connectorvendure;

import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.aftersales.api.FeatureContext;
import dev.aftersales.api.platform.Cart;
import dev.aftersales.api.platform.CartLine;
import dev.aftersales.api.platform.CartRequest;
import dev.aftersales.api.platform.Coupon;
import dev.aftersales.api.platform.CouponRequest;
import dev.aftersales.api.platform.PlatformException;
import dev.aftersales.api.settings.Settings;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The connector's Admin API calls against WireMock standing in for Vendure: carts, coupons, fetches. */
class VendureConnectorTest {

    private static final WireMockServer vendure = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    private static final String PATH = "/admin-api";

    private final VendureConnector connector = new VendureConnector();

    @BeforeAll
    static void start() {
        vendure.start();
    }

    @AfterAll
    static void stop() {
        vendure.stop();
    }

    @BeforeEach
    void reset() {
        vendure.resetAll();
    }

    @Test
    void aCartIsTheCustomersActiveOrderWithTheAcceptedLines() throws PlatformException {
        vendure.stubFor(post(PATH).withRequestBody(containing("aftersalesFillActiveOrder")).willReturn(okJson("""
                {"data": {"aftersalesFillActiveOrder": {"orderCode": "K7Q2",
                  "lines": [{"productVariantId": "3", "quantity": 1}]}}}""")));

        Cart cart = connector.createCart(shop(Map.of()), new CartRequest("7",
                List.of(new CartLine("3", 2), new CartLine("9", 1))));

        assertThat(cart.cartId()).isEqualTo("K7Q2");
        assertThat(cart.checkoutUrl()).isEqualTo("https://shop.example.com/checkout");
        assertThat(cart.lines()).containsExactly(new CartLine("3", 1));
        vendure.verify(postRequestedFor(urlEqualTo(PATH))
                .withRequestBody(matchingJsonPath("$.variables.input.customerId", containing("7")))
                .withRequestBody(matchingJsonPath("$.variables.input.lines[1].productVariantId", containing("9"))));
    }

    @Test
    void guestsAndAMissingCheckoutLinkGetNoCart() {
        assertThatThrownBy(() -> connector.createCart(shop(Map.of()), new CartRequest(null,
                List.of(new CartLine("3", 1)))))
                .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining("signed-in customers only");
        assertThatThrownBy(() -> connector.createCart(shop(Map.of("checkoutUrl", "")), new CartRequest("7",
                List.of(new CartLine("3", 1)))))
                .hasMessage("The connection to Vendure is not set up: its address (setting checkoutUrl) is empty");
        vendure.verify(0, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void aCartVendureCouldFillWithNothingIsRefused() {
        vendure.stubFor(post(PATH).willReturn(okJson("""
                {"data": {"aftersalesFillActiveOrder": {"orderCode": "K7Q2", "lines": []}}}""")));

        assertThatThrownBy(() -> connector.createCart(shop(Map.of()), new CartRequest("7",
                List.of(new CartLine("3", 1)))))
                .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining("could not put any");
    }

    @Test
    void aCouponIsAPromotionForTheCustomerOnlyUsedOnce() throws PlatformException {
        vendure.stubFor(post(PATH).withRequestBody(containing("promotions(")).willReturn(okJson("""
                {"data": {"promotions": {"items": []}}}""")));
        vendure.stubFor(post(PATH).withRequestBody(containing("createPromotion")).willReturn(okJson("""
                {"data": {"createPromotion": {"__typename": "Promotion", "couponCode": "AS-1",
                  "endsAt": "2026-12-31T23:59:59.000Z"}}}""")));

        Coupon coupon = connector.issueCoupon(shop(Map.of()), new CouponRequest("7",
                CouponRequest.Kind.FIXED_AMOUNT, new BigDecimal("10.00"), "EUR",
                Instant.parse("2026-12-31T23:59:59Z"), "referral:r-9"));

        assertThat(coupon).isEqualTo(new Coupon("AS-1", Instant.parse("2026-12-31T23:59:59Z")));
        vendure.verify(postRequestedFor(urlEqualTo(PATH)).withRequestBody(containing("createPromotion"))
                .withRequestBody(matchingJsonPath("$.variables.input.usageLimit", containing("1")))
                .withRequestBody(matchingJsonPath("$.variables.input.endsAt", containing("2026-12-31T23:59:59Z")))
                .withRequestBody(matchingJsonPath("$.variables.input.conditions[0].code",
                        containing("aftersales_customer")))
                .withRequestBody(matchingJsonPath("$.variables.input.actions[0].arguments[0].value",
                        containing("1000"))));
    }

    @Test
    void issuingForTheSameReasonAgainFindsTheFirstCoupon() throws PlatformException {
        vendure.stubFor(post(PATH).withRequestBody(containing("promotions(")).willReturn(okJson("""
                {"data": {"promotions": {"items": [{"couponCode": "AS-FIRST", "endsAt": null}]}}}""")));

        Coupon coupon = connector.issueCoupon(shop(Map.of()), new CouponRequest(null,
                CouponRequest.Kind.PERCENTAGE, new BigDecimal("15"), null, null, "winback:7"));

        assertThat(coupon).isEqualTo(new Coupon("AS-FIRST", null));
        vendure.verify(0, postRequestedFor(urlEqualTo(PATH)).withRequestBody(containing("createPromotion")));
        assertThat(Coupons.code("s1", "winback:7")).isEqualTo(Coupons.code("s1", "winback:7"))
                .isNotEqualTo(Coupons.code("s2", "winback:7")).matches("AS-[0-9A-F]{12}");
    }

    @Test
    void aCouponVendureRefusesIsNotRetryable() {
        vendure.stubFor(post(PATH).withRequestBody(containing("promotions(")).willReturn(okJson("""
                {"data": {"promotions": {"items": []}}}""")));
        vendure.stubFor(post(PATH).withRequestBody(containing("createPromotion")).willReturn(okJson("""
                {"data": {"createPromotion": {"__typename": "MissingConditionsError", "errorCode": "X",
                  "message": "A Promotion must have either at least one condition or a coupon code set"}}}""")));

        assertThatThrownBy(() -> connector.issueCoupon(shop(Map.of()), new CouponRequest(null,
                CouponRequest.Kind.FREE_SHIPPING, BigDecimal.ZERO, null, null, "sorry:1")))
                .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining("Vendure refused the coupon: A Promotion must have");
    }

    @Test
    void fetchesMapVendureAndAnswerEmptyForWhatIsNotThere() throws PlatformException {
        vendure.stubFor(post(PATH).withRequestBody(containing("productVariant(id")).willReturn(okJson("""
                {"data": {"productVariant": {"id": "3", "sku": "SCF-1", "name": "Wool Scarf", "enabled": true,
                  "priceWithTax": 1990, "currencyCode": "EUR", "stockOnHand": 5, "stockAllocated": 0,
                  "outOfStockThreshold": 0, "useGlobalOutOfStockThreshold": true, "trackInventory": "INHERIT",
                  "updatedAt": "2026-12-01T08:00:00.000Z",
                  "product": {"id": "2", "name": "Wool Scarf", "slug": "wool-scarf", "enabled": true,
                              "featuredAsset": null}, "featuredAsset": null}}}""")));
        vendure.stubFor(post(PATH).withRequestBody(containing("order(id")).willReturn(okJson("""
                {"data": {"order": {"id": "4", "code": "C", "state": "AddingItems", "orderPlacedAt": null,
                  "updatedAt": "2026-12-01T08:00:00.000Z", "totalWithTax": 0, "currencyCode": "EUR",
                  "customer": null, "lines": []}}}""")));

        var variant = connector.fetchVariant(shop(Map.of()), "3").orElseThrow();
        assertThat(variant.url()).isEqualTo("https://shop.example.com/product/wool-scarf?variant=3");
        assertThat(variant.name()).isEqualTo("Wool Scarf");
        assertThat(variant.stock()).isEqualTo(5);
        assertThat(connector.fetchOrder(shop(Map.of()), "4")).as("a cart is no order").isEmpty();

        vendure.stubFor(post(PATH).withRequestBody(containing("productVariant(id")).willReturn(okJson("""
                {"data": {"productVariant": null}}""")));
        assertThat(connector.fetchVariant(shop(Map.of()), "99")).isEmpty();
    }

    @Test
    void anAnswerOfTheWrongShapeIsNamedAndNotRetryable() {
        vendure.stubFor(post(PATH).willReturn(okJson("""
                {"data": {"productVariant": {"id": "3", "name": "Scarf", "currencyCode": "EUR"}}}""")));

        assertThatThrownBy(() -> connector.fetchVariant(shop(Map.of()), "3"))
                .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessage("Vendure sent an answer that cannot be read: answer: priceWithTax is missing");
    }

    /** The connector's context for a fresh shop: its settings (defaults under the given ones), id and clock. */
    private static FeatureContext shop(Map<String, Object> overrides) {
        Map<String, Object> values = new HashMap<>(VendureSettings.SPEC.defaults());
        values.putAll(Map.of("adminApiUrl", vendure.baseUrl() + PATH, "apiKey", "key-1",
                "checkoutUrl", "https://shop.example.com/checkout",
                "productUrl", "https://shop.example.com/product/{slug}?variant={variantId}", "retryBackoffMs", 10));
        values.putAll(overrides);
        Settings settings = (Settings) Proxy.newProxyInstance(Settings.class.getClassLoader(),
                new Class<?>[] {Settings.class}, (proxy, method, args) -> values.get((String) args[0]));
        String shopId = "shop-" + UUID.randomUUID();
        return (FeatureContext) Proxy.newProxyInstance(FeatureContext.class.getClassLoader(),
                new Class<?>[] {FeatureContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "shopId" -> shopId;
                    case "featureId" -> ConnectorVendureFeature.ID;
                    case "settings" -> settings;
                    case "clock" -> Clock.systemUTC();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
