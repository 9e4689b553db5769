package dev.aftersales.plugins.referral;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.aftersales.testkit.AftersalesHost;
import dev.aftersales.testkit.GraphQlClient;
import dev.aftersales.testkit.GraphQlResult;
import dev.aftersales.testkit.TestShop;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The programme through the real host, as the tests drive it: the storefront (referrer and friend on their own
 * devices), the shop platform (WireMock behind the reference connector: coupons, order webhooks) and the operator API.
 */
final class Programme {

    static final AftersalesHost HOST = AftersalesHost.withPlugins(
            Path.of(System.getProperty(AftersalesHost.PLUGIN_JAR_PROPERTY)),
            Path.of(System.getProperty("aftersales.testkit.connector-jar")));

    static final String STANDING = """
            { viewer { referral { code link referredCount pendingRewards earnedRewards
              friends(first: 10) { nodes { name state points } } } } }""";
    static final String CLAIM = """
            mutation($code: String!, $email: String) { referralClaim(input: {code: $code, email: $email}) {
              coupon { code percentOff } userErrors { code message } } }""";
    static final String VISIT = """
            query($code: String!) { referralVisit(code: $code) { status friendDiscountPercent minimumOrderValue } }""";

    /** Strictly increasing {@code updatedAt} for every order webhook of every test. */
    private static final AtomicLong UPDATES = new AtomicLong();

    private final TestShop shop;

    private Programme(TestShop shop) {
        this.shop = shop;
    }

    /** Enables the programme and the connector (coupons answer {@code coupon}) with the given settings. */
    static Programme start(TestShop shop, Map<String, Object> settings) {
        String base = "/platform-" + shop.id();
        shop.enable("connector-rest").settings("connector-rest", Map.of("baseUrl", HOST.wireMock().baseUrl() + base,
                "apiKey", "test-api-key", "maxAttempts", 1, "readTimeoutMs", 2_000));
        Map<String, Object> all = new HashMap<>(Map.of("referrerPoints", 500, "friendDiscountPercent", 15,
                "minimumOrderValue", 20, "returnWindowDays", 14));
        all.putAll(settings);
        shop.enable("referral").settings("referral", all);
        couponAnswer(shop, 201, "FRIEND-" + shop.id().hashCode());
        return new Programme(shop);
    }

    static void couponAnswer(TestShop shop, int status, String code) {
        HOST.wireMock().stubFor(WireMock.post(WireMock.urlEqualTo("/platform-" + shop.id() + "/coupons"))
                .willReturn(WireMock.aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                        .withBody("{\"code\": \"" + code + "\", \"expiresAt\": null}")));
    }

    TestShop shop() {
        return shop;
    }

    /** A customer's storefront on their own device (the host hashes IP address and user agent). */
    GraphQlClient as(String customerId) {
        return shop.storefront(customerId).withHeader("User-Agent", "device-of-" + customerId);
    }

    GraphQlClient guest(String device) {
        return shop.storefront().withHeader("User-Agent", "device-of-" + device);
    }

    GraphQlResult standing(String customerId) {
        return as(customerId).execute(STANDING).assertNoErrors();
    }

    String code(String referrerId) {
        return standing(referrerId).path("viewer.referral.code").asString();
    }

    /** The token of the referrer's link, as the landing page receives it in {@code ref}. */
    String token(String referrerId) {
        String link = standing(referrerId).path("viewer.referral.link").asString();
        return java.net.URLDecoder.decode(link.substring(link.indexOf("ref=") + 4),
                java.nio.charset.StandardCharsets.UTF_8);
    }

    GraphQlResult claim(GraphQlClient friend, String code, String email) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("code", code);
        variables.put("email", email);
        return friend.execute(CLAIM, variables).assertNoErrors();
    }

    String claimError(GraphQlClient friend, String code, String email) {
        GraphQlResult result = claim(friend, code, email);
        return result.path("referralClaim.userErrors").isEmpty() ? null
                : result.path("referralClaim.userErrors[0].code").asString();
    }

    /** The platform reports an order (the whole order as it is now) by a signed webhook; waits until applied. */
    void order(String type, String orderId, String customerId, String status, String amount, int returned,
               Map<String, Object> signals) {
        Map<String, Object> data = new HashMap<>(signals);
        data.putAll(Map.of("id", orderId, "customerId", customerId, "placedAt", "2026-11-20T08:00:00Z",
                "status", status, "total", Map.of("amount", amount, "currency", "EUR"),
                "lines", List.of(Map.of("variantId", "v-1", "productId", "p-1", "name", "Jacket", "quantity", 1,
                        "unitPrice", Map.of("amount", amount, "currency", "EUR"), "returnedQuantity", returned)),
                "updatedAt", Instant.parse("2026-11-20T08:00:00Z").plusMillis(UPDATES.incrementAndGet()).toString()));
        assertThat(shop.webhooks().send(type, data).status()).isEqualTo(202);
        shop.awaitInboxProcessed();
    }

    void placed(String orderId, String customerId, String amount, Map<String, Object> signals) {
        order("order.placed", orderId, customerId, "PLACED", amount, 0, signals);
    }

    void delivered(String orderId, String customerId, String amount, Map<String, Object> signals) {
        order("order.delivered", orderId, customerId, "DELIVERED", amount, 0, signals);
    }

    String state(String friendCustomerId) {
        return shop.sql().resultQuery("SELECT state FROM referral_friend WHERE shop_id = ? AND friend_customer_id = ?",
                shop.id(), friendCustomerId).fetchOne(0, String.class);
    }

    GraphQlResult ledger(String customerId) {
        return shop.admin().execute("""
                query($shop: ID!, $c: ID!) { shop(id: $shop) { rewards { balance(customerId: $c) { available pending }
                  entries(customerId: $c) { nodes { amount kind state shortfall feature } } } } }""",
                Map.of("shop", shop.id(), "c", customerId)).assertNoErrors();
    }

    GraphQlResult queue() {
        return shop.admin().execute("""
                query($shop: ID!) { shop(id: $shop) { referral { reviewQueue(first: 10) { nodes { id referrerId
                  friendCustomerId orderId points signals { reason action detail } } } } } }""",
                Map.of("shop", shop.id())).assertNoErrors();
    }

    GraphQlResult review(String referralId, String decision) {
        return shop.admin().execute("""
                mutation($shop: ID!, $id: ID!, $d: ReferralDecision!) { referralReview(input: {shopId: $shop,
                  referralId: $id, decision: $d}) { state userErrors { code } } }""",
                Map.of("shop", shop.id(), "id", referralId, "d", decision)).assertNoErrors();
    }
}
