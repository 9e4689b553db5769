package dev.aftersales.plugins.connectorrest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.aftersales.api.catalog.Money;
import dev.aftersales.api.catalog.Order;
import dev.aftersales.api.catalog.Variant;
import dev.aftersales.api.platform.Cart;
import dev.aftersales.api.platform.CartLine;
import dev.aftersales.api.platform.CartRequest;
import dev.aftersales.api.platform.Coupon;
import dev.aftersales.api.platform.CouponRequest;
import dev.aftersales.api.platform.PlatformException;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The HTTP side of the connector against WireMock standing in for a platform that speaks the contract. */
class RestConnectorHttpTest {

    @RegisterExtension
    static final WireMockExtension platform = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort()).build();

    private static final String CART_ANSWER = """
            {"id": "cart-7", "checkoutUrl": "https://shop.example.com/checkout/cart-7",
             "lines": [{"variantId": "v-1", "quantity": 2}]}""";
    private static final CartRequest CART = new CartRequest("c-42", List.of(new CartLine("v-1", 2), new CartLine("v-2", 1)));

    private final MutableClock clock = new MutableClock();
    private final RestConnector connector = new RestConnector();

    @Test
    void createsACartWithTheApiKeyAnIdempotencyKeyAndTheContractBody() throws PlatformException {
        platform.stubFor(post("/platform/carts").willReturn(aResponse().withStatus(201).withBody(CART_ANSWER)));

        Cart cart = connector.createCart(shop(Map.of()), CART);

        assertThat(cart).isEqualTo(new Cart("cart-7", "https://shop.example.com/checkout/cart-7",
                List.of(new CartLine("v-1", 2))));
        platform.verify(postRequestedFor(urlEqualTo("/platform/carts"))
                .withHeader("Authorization", equalTo("Bearer k-123"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Idempotency-Key", matching("cart-[0-9a-f-]{36}"))
                .withRequestBody(equalToJson("""
                        {"customerId": "c-42", "lines": [{"variantId": "v-1", "quantity": 2},
                                                         {"variantId": "v-2", "quantity": 1}]}""")));
    }

    @Test
    void retriesA5xxWithTheSameIdempotencyKeySoTheRetryCreatesNoSecondCart() throws PlatformException {
        platform.stubFor(post("/platform/carts").inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("recovered"));
        platform.stubFor(post("/platform/carts").inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(201).withBody(CART_ANSWER)));

        Cart cart = connector.createCart(shop(Map.of()), CART);

        assertThat(cart.cartId()).isEqualTo("cart-7");
        List<String> keys = idempotencyKeys();
        assertThat(keys).hasSize(2);
        assertThat(keys.get(0)).isEqualTo(keys.get(1));
    }

    @Test
    void twoCartRequestsAreTwoCarts() throws PlatformException {
        platform.stubFor(post("/platform/carts").willReturn(aResponse().withStatus(201).withBody(CART_ANSWER)));
        StubFeatureContext shop = shop(Map.of());

        connector.createCart(shop, CART);
        connector.createCart(shop, CART);

        assertThat(idempotencyKeys()).doesNotHaveDuplicates().hasSize(2);
    }

    @Test
    void gives5xxUpAfterMaxAttemptsAsRetryable() {
        platform.stubFor(post("/platform/carts").willReturn(aResponse().withStatus(502)));

        PlatformException e = failure(() -> connector.createCart(shop(Map.of("maxAttempts", 3)), CART));

        assertThat(e).hasMessage("The shop platform failed with an error (HTTP 502)");
        assertThat(e.retryable()).isTrue();
        assertThat(platform.getAllServeEvents()).hasSize(3);
    }

    @Test
    void neverRetriesA4xxAndShowsThePlatformsMessage() {
        platform.stubFor(post("/platform/carts").willReturn(aResponse().withStatus(422)
                .withBody("{\"error\": \"Variant v-2 is not for sale\"}")));

        PlatformException e = failure(() -> connector.createCart(shop(Map.of()), CART));

        assertThat(e).hasMessage("The shop platform refused the request: Variant v-2 is not for sale");
        assertThat(e.retryable()).isFalse();
        assertThat(platform.getAllServeEvents()).hasSize(1);
    }

    @Test
    void aRefusedApiKeyIsSaidSo() {
        platform.stubFor(post("/platform/carts").willReturn(aResponse().withStatus(401).withBody("Unauthorized")));

        PlatformException e = failure(() -> connector.createCart(shop(Map.of()), CART));

        assertThat(e).hasMessage("The shop platform refused the connector's API key (HTTP 401)");
        assertThat(e.retryable()).isFalse();
    }

    @Test
    void tooManyRequestsIsNotRetriedNowButMaySucceedLater() {
        platform.stubFor(post("/platform/carts").willReturn(aResponse().withStatus(429)));

        PlatformException e = failure(() -> connector.createCart(shop(Map.of()), CART));

        assertThat(e.retryable()).isTrue();
        assertThat(platform.getAllServeEvents()).hasSize(1);
    }

    @Test
    void aSlowPlatformTimesOutAfterTheReadTimeoutOnEveryAttempt() {
        platform.stubFor(post("/platform/carts").willReturn(aResponse().withStatus(201).withBody(CART_ANSWER)
                .withFixedDelay(3000)));
        long start = System.nanoTime();

        PlatformException e = failure(() -> connector.createCart(
                shop(Map.of("readTimeoutMs", 300, "maxAttempts", 2)), CART));

        assertThat(e).hasMessage("The shop platform did not answer in 0.3 s");
        assertThat(e.retryable()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
        List<String> keys = idempotencyKeys();
        assertThat(keys).hasSize(2).containsOnly(keys.getFirst());
    }

    @Test
    void aBodyThatDribblesInIsCutOffToo() {
        platform.stubFor(get("/platform/variants/v-1").willReturn(aResponse().withStatus(200)
                .withBody(WebhookReaderTest.VARIANT).withChunkedDribbleDelay(20, 4000)));
        long start = System.nanoTime();

        PlatformException e = failure(() -> connector.fetchVariant(
                shop(Map.of("connectTimeoutMs", 200, "readTimeoutMs", 300, "maxAttempts", 1)), "v-1"));

        assertThat(e).hasMessage("The shop platform did not answer in 0.3 s");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
    }

    @Test
    void aRefusedConnectionIsRetriedAndSaidSo() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        PlatformException e = failure(() -> connector.createCart(
                shop(Map.of("baseUrl", "http://127.0.0.1:" + closedPort, "maxAttempts", 2)), CART));

        assertThat(e).hasMessage("The shop platform could not be reached");
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void anAnswerThatIsNotJsonIsUnreadableAndNotRetried() {
        platform.stubFor(post("/platform/carts").willReturn(aResponse().withStatus(201)
                .withBody("<html>Welcome</html>")));

        PlatformException e = failure(() -> connector.createCart(shop(Map.of()), CART));

        assertThat(e).hasMessage("The shop platform sent an answer that is not JSON (HTTP 201)");
        assertThat(e.retryable()).isFalse();
        assertThat(platform.getAllServeEvents()).hasSize(1);
    }

    @Test
    void anAnswerMissingAFieldNamesIt() {
        platform.stubFor(post("/platform/carts").willReturn(aResponse().withStatus(201)
                .withBody("{\"id\": \"cart-7\", \"lines\": []}")));

        PlatformException e = failure(() -> connector.createCart(shop(Map.of()), CART));

        assertThat(e).hasMessage("The shop platform sent an answer that cannot be read: checkoutUrl is missing");
    }

    @Test
    void issuesACouponKeyedByItsReasonSoIssuingItAgainGivesTheSameKey() throws PlatformException {
        platform.stubFor(post("/platform/coupons").willReturn(aResponse().withStatus(201)
                .withBody("{\"code\": \"THANKS-7Q2X\", \"expiresAt\": \"2026-12-31T23:59:59Z\"}")));
        StubFeatureContext shop = shop(Map.of());
        CouponRequest request = new CouponRequest("c-42", CouponRequest.Kind.FIXED_AMOUNT, new BigDecimal("10.00"),
                "EUR", Instant.parse("2026-12-31T23:59:59Z"), "referral:r-9");

        Coupon coupon = connector.issueCoupon(shop, request);
        connector.issueCoupon(shop, request);

        assertThat(coupon).isEqualTo(new Coupon("THANKS-7Q2X", Instant.parse("2026-12-31T23:59:59Z")));
        platform.verify(2, postRequestedFor(urlEqualTo("/platform/coupons"))
                .withHeader("Idempotency-Key", equalTo(RequestBodies.couponKey(shop.shopId(), request)))
                .withRequestBody(equalToJson("""
                        {"customerId": "c-42", "kind": "FIXED_AMOUNT", "value": "10.00", "currency": "EUR",
                         "expiresAt": "2026-12-31T23:59:59Z", "reason": "referral:r-9"}""")));
    }

    @Test
    void fetchesAVariantAndAnOrder() throws PlatformException {
        platform.stubFor(get("/platform/variants/v%201").willReturn(aResponse().withBody(WebhookReaderTest.VARIANT)));
        platform.stubFor(get("/platform/orders/o-1001").willReturn(aResponse().withBody(WebhookReaderTest.ORDER)));
        StubFeatureContext shop = shop(Map.of());

        Optional<Variant> variant = connector.fetchVariant(shop, "v 1");
        Optional<Order> order = connector.fetchOrder(shop, "o-1001");

        assertThat(variant).get().extracting(Variant::price).isEqualTo(new Money(new BigDecimal("49.90"), "EUR"));
        assertThat(order).get().satisfies(o -> assertThat(o.lines()).hasSize(2));
        platform.verify(getRequestedFor(urlEqualTo("/platform/orders/o-1001"))
                .withHeader("Authorization", equalTo("Bearer k-123")));
    }

    @Test
    void aVariantThePlatformDoesNotHaveIsEmpty() throws PlatformException {
        platform.stubFor(get("/platform/variants/v-9").willReturn(aResponse().withStatus(404)
                .withBody("{\"error\": \"No such variant\"}")));

        assertThat(connector.fetchVariant(shop(Map.of()), "v-9")).isEmpty();
    }

    @Test
    void theCircuitOpensAfterRepeatedFailuresFailsFastAndClosesAfterASuccessfulTrial() throws PlatformException {
        platform.stubFor(post("/platform/carts").willReturn(aResponse().withStatus(503)));
        StubFeatureContext shop = shop(Map.of("maxAttempts", 1, "circuitMinimumCalls", 4,
                "circuitFailureRatePercent", 50, "circuitOpenSeconds", 30));
        for (int i = 0; i < 4; i++) {
            assertThat(failure(() -> connector.createCart(shop, CART))).hasMessageContaining("HTTP 503");
        }

        PlatformException fast = failure(() -> connector.createCart(shop, CART));

        assertThat(fast).hasMessage("The shop platform failed repeatedly; Aftersales waits up to 30 s before "
                + "asking it again");
        assertThat(fast.retryable()).isTrue();
        assertThat(platform.getAllServeEvents()).as("the open circuit sends nothing").hasSize(4);
        clock.advance(Duration.ofSeconds(29));

        platform.resetAll();
        platform.stubFor(post("/platform/carts").willReturn(aResponse().withStatus(201).withBody(CART_ANSWER)));
        assertThat(failure(() -> connector.createCart(shop, CART))).as("still open at 29 s")
                .hasMessageContaining("failed repeatedly");
        clock.advance(Duration.ofSeconds(2));

        assertThat(connector.createCart(shop, CART).cartId()).as("the trial call after 31 s").isEqualTo("cart-7");
        assertThat(connector.createCart(shop, CART).cartId()).isEqualTo("cart-7");
    }

    @Test
    void oneShopsOpenCircuitLeavesOtherShopsOnTheSamePlatformAlone() throws PlatformException {
        platform.stubFor(post("/platform/carts").willReturn(aResponse().withStatus(500)));
        Map<String, Object> settings = Map.of("maxAttempts", 1, "circuitMinimumCalls", 2);
        StubFeatureContext failing = shop(settings);
        for (int i = 0; i < 2; i++) {
            failure(() -> connector.createCart(failing, CART));
        }
        assertThat(failure(() -> connector.createCart(failing, CART))).hasMessageContaining("failed repeatedly");

        PlatformException other = failure(() -> connector.createCart(shop(settings), CART));

        assertThat(other).hasMessage("The shop platform failed with an error (HTTP 500)");
    }

    @Test
    void refusedRequestsDoNotOpenTheCircuit() {
        platform.stubFor(post("/platform/carts").willReturn(aResponse().withStatus(400)));
        StubFeatureContext shop = shop(Map.of("circuitMinimumCalls", 2));

        for (int i = 0; i < 5; i++) {
            assertThat(failure(() -> connector.createCart(shop, CART))).hasMessageContaining("HTTP 400");
        }

        assertThat(platform.getAllServeEvents()).hasSize(5);
    }

    @Test
    void aShopWithoutAddressOrKeyIsNotSetUpAndNothingIsSent() {
        PlatformException noAddress = failure(() -> connector.createCart(shop(Map.of("baseUrl", "")), CART));
        PlatformException noKey = failure(() -> connector.createCart(shop(Map.of("apiKey", " ")), CART));
        PlatformException notHttp = failure(() -> connector.createCart(shop(Map.of("baseUrl", "ftp://x")), CART));

        assertThat(noAddress).hasMessage("The connection to the shop platform is not set up: its address "
                + "(setting baseUrl) is empty");
        assertThat(noKey).hasMessageContaining("its API key (setting apiKey) is empty");
        assertThat(notHttp).hasMessageContaining("is not an http(s) URL");
        assertThat(List.of(noAddress, noKey, notHttp)).noneMatch(PlatformException::retryable);
        assertThat(platform.getAllServeEvents()).isEmpty();
    }

    @Test
    void aTrailingSlashInTheAddressIsIgnored() throws PlatformException {
        platform.stubFor(post("/platform/carts").willReturn(aResponse().withStatus(201).withBody(CART_ANSWER)));

        connector.createCart(shop(Map.of("baseUrl", platform.baseUrl() + "/platform/")), CART);

        platform.verify(postRequestedFor(urlEqualTo("/platform/carts")));
    }

    private StubFeatureContext shop(Map<String, Object> overrides) {
        Map<String, Object> settings = new HashMap<>(Map.of("baseUrl", platform.baseUrl() + "/platform",
                "apiKey", "k-123", "retryBackoffMs", 10));
        settings.putAll(overrides);
        return new StubFeatureContext(settings, clock);
    }

    private static List<String> idempotencyKeys() {
        return platform.getAllServeEvents().stream()
                .map(ServeEvent::getRequest)
                .map(request -> request.getHeader("Idempotency-Key"))
                .toList();
    }

    @FunctionalInterface
    private interface PlatformCallInTest {
        void run() throws PlatformException;
    }

    private static PlatformException failure(PlatformCallInTest call) {
        PlatformException e = catchThrowableOfType(PlatformException.class, call::run);
        assertThat(e).as("a PlatformException").isNotNull();
        return e;
    }
}
