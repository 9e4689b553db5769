package dev.aftersales.plugins.connectorvendure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.api.platform.Coupon;
import dev.aftersales.api.platform.CouponRequest;
import dev.aftersales.api.platform.ShopPlatform;
import dev.aftersales.host.plugins.FeatureContexts;
import dev.aftersales.host.plugins.LoadedPlugin;
import dev.aftersales.host.plugins.PluginRuntime;
import dev.aftersales.host.tenancy.Shop;
import dev.aftersales.host.tenancy.ShopDirectory;
import dev.aftersales.testkit.AftersalesHost;
import dev.aftersales.testkit.GraphQlClient;
import dev.aftersales.testkit.GraphQlResult;
import dev.aftersales.testkit.TestMails;
import dev.aftersales.testkit.TestShop;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * The journeys against a real Vendure 3 (installed from npm, SQLite, sample data, the Aftersales Vendure plugin)
 * through a real host with the connector and the stock-alert, price-alert and reorder features: Vendure's events
 * reach the host as signed webhooks, the host's customer tokens come from Vendure, and the host's carts and coupons
 * land in Vendure. Vendure starts once for the class; every test uses its own Vendure customer.
 */
class VendureJourneysIT {

    @RegisterExtension
    static final AftersalesHost host = AftersalesHost.withPlugins(jars())
            .withProperty("aftersales.notify.poll-interval", "200ms");

    /** Sample data (src/test/vendure/products.csv): Alpine Jacket M (in stock), L (sold out), Wool Scarf. */
    private static final String JACKET_L = "2";
    private static final String SCARF = "3";
    private static final Duration EVENTUALLY = Duration.ofSeconds(60);

    private static final ScheduledExecutorService REAL_TIME = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "host-clock-follows-real-time");
        thread.setDaemon(true);
        return thread;
    });

    private static VendureShop vendure;
    private static TestShop shop;
    private static VendureApi admin;

    @BeforeAll
    static void startVendure() throws Exception {
        // Vendure signs every delivery with the real time, and the host refuses one too far from its own clock
        REAL_TIME.scheduleAtFixedRate(() -> host.clock().set(Instant.now()), 0, 200, TimeUnit.MILLISECONDS);
        shop = host.newShop();
        String secret = shop.webhooks().secret();
        shop.enable(ConnectorVendureFeature.ID);
        vendure = VendureShop.start(Map.of(
                "AFTERSALES_HOST_URL", host.baseUrl().toString(),
                "AFTERSALES_SHOP_ID", shop.id(),
                "AFTERSALES_WEBHOOK_SECRET", secret));
        host.platformAdmin().execute("""
                mutation($id: ID!, $issuer: String, $jwks: String) {
                  shopUpdate(input: {id: $id, jwtIssuer: $issuer, jwksUrl: $jwks}) { userErrors { message } } }""",
                Map.of("id", shop.id(), "issuer", vendure.baseUrl(),
                        "jwks", vendure.baseUrl() + "/aftersales/jwks.json")).assertNoErrors();
        admin = new VendureApi(vendure.baseUrl() + "/admin-api").login("superadmin", "superadmin");
        shop.settings(ConnectorVendureFeature.ID, Map.of(
                "adminApiUrl", vendure.baseUrl() + "/admin-api",
                "apiKey", apiKey(),
                "productUrl", vendure.baseUrl() + "/product/{slug}?variant={variantId}",
                "checkoutUrl", vendure.baseUrl() + "/checkout"));
        shop.enable("stock-alert").settings("stock-alert", Map.of("triggerDelayMinutes", 0));
        shop.enable("price-alert");
        shop.enable("reorder");
        shop.notifications().settings(Map.of("capMax", 0));
        // the shop connects today: the operator imports Vendure's catalog
        assertThat(shop.admin().execute("""
                mutation($shop: ID!) { vendureInitialSyncStart(input: {shopId: $shop, orderDays: 30}) {
                  started userErrors { code message } } }""", Map.of("shop", shop.id()))
                .assertNoErrors().path("vendureInitialSyncStart.started").asBoolean()).isTrue();
        Awaitility.await().atMost(EVENTUALLY).until(() -> known(SCARF) && known(JACKET_L) && known("1"));
    }

    @Test
    void theInitialImportReportsItsProgressInTheOperatorApi() {
        AtomicReference<JsonNode> progress = new AtomicReference<>();
        Awaitility.await().atMost(EVENTUALLY).until(() -> {
            progress.set(shop.admin().execute("query($shop: ID!) { shop(id: $shop) { vendureInitialSync {"
                    + " step variantsSent ordersSent error } } }", Map.of("shop", shop.id())).assertNoErrors()
                    .path("shop.vendureInitialSync"));
            return "DONE".equals(progress.get().path("step").asString());
        });
        assertThat(progress.get().path("variantsSent").asInt()).isEqualTo(3);
        GraphQlResult refused = shop.admin().execute("""
                mutation($shop: ID!) { vendureInitialSyncStart(input: {shopId: $shop, orderDays: 0}) {
                  started userErrors { code field } } }""", Map.of("shop", shop.id())).assertNoErrors();
        assertThat(refused.path("vendureInitialSyncStart.started").asBoolean()).isFalse();
        assertThat(refused.path("vendureInitialSyncStart.userErrors[0].code").asString()).isEqualTo("INVALID");
        assertThat(shop.storefront().execute("{ variant(id: \"1\") { name product { name } inStock } }")
                .assertNoErrors().path("variant.product.name").asString()).isEqualTo("Alpine Jacket");
    }

    @AfterAll
    static void stopVendure() {
        REAL_TIME.shutdownNow();
        if (vendure != null) {
            vendure.close();
        }
    }

    @Test
    void aCustomerTokenFromVendureIsAcceptedByTheHost() {
        Customer anna = Customer.register("anna");

        GraphQlResult viewer = anna.storefront().execute("{ viewer { id } }").assertNoErrors();

        assertThat(viewer.path("viewer.id").asString()).isEqualTo(anna.id);
        GraphQlResult forged = shop.storefront().withHeader("Authorization", "Bearer "
                + shop.customerToken(anna.id, vendure.baseUrl(), Instant.now().plusSeconds(60)))
                .execute("{ viewer { id } }");
        assertThat(forged.errorCodes()).as("a token not signed by Vendure's key").containsExactly("UNAUTHENTICATED");
    }

    @Test
    void aStockChangeInVendureSendsTheBackInStockMail() {
        Customer ben = Customer.register("ben");
        awaitCustomerKnown(ben);
        GraphQlResult subscribed = ben.storefront().execute("""
                mutation($input: StockAlertSubscribeInput!) { stockAlertSubscribe(input: $input) {
                  stockAlert { status } userErrors { code message } } }""",
                Map.of("input", Map.of("variantId", JACKET_L))).assertNoErrors();
        assertThat(subscribed.path("stockAlertSubscribe.userErrors")).isEmpty();

        admin.execute("mutation { updateProductVariants(input: [{id: \"" + JACKET_L + "\", stockOnHand: 4}]) { id } }");

        Awaitility.await().atMost(EVENTUALLY).until(() -> inStock(JACKET_L));
        // the restock reaches stock-alert as an event after the mirror changed: run its batch until it has it
        Awaitility.await().atMost(EVENTUALLY).until(() -> {
            shop.runJob("stock-alert", "send-alerts");
            return shop.notifications().messages().stream()
                    .anyMatch(message -> "back-in-stock".equals(message.getTemplate()));
        });
        MimeMessage mail = TestMails.await(shop, host.mail(), ben.email, 1).getFirst();
        assertThat(TestMails.subject(mail)).contains("Alpine Jacket").contains("L");
    }

    @Test
    void aPriceDropInVendureSendsThePriceDropMail() {
        Customer clara = Customer.register("clara");
        awaitCustomerKnown(clara);
        clara.storefront().execute("""
                mutation($input: PriceAlertSubscribeInput!) { priceAlertSubscribe(input: $input) {
                  priceAlert { status } userErrors { code message } } }""",
                Map.of("input", Map.of("variantId", SCARF))).assertNoErrors();

        // 16.72 net → 12.61 net: 19.90 → 15.01 with 19 % tax
        admin.execute("mutation { updateProductVariants(input: [{id: \"" + SCARF + "\", price: 1261}]) { id } }");

        MimeMessage mail = TestMails.await(shop, host.mail(), clara.email, 1).getFirst();
        assertThat(TestMails.subject(mail)).contains("Wool Scarf").contains("15.01");
    }

    @Test
    void anOrderDeliveredInVendureIsBoughtAgainAndItsReorderFillsAVendureCart() {
        Customer dora = Customer.register("dora");
        String orderId = dora.placeOrder(SCARF, 2);
        deliver(orderId);

        AtomicReference<JsonNode> shelf = new AtomicReference<>();
        Awaitility.await().atMost(EVENTUALLY).until(() -> {
            shelf.set(dora.storefront().execute("{ viewer { buyAgain(first: 5) { nodes { variant { id } "
                    + "quantityBought } } } }").assertNoErrors().path("viewer.buyAgain.nodes"));
            return !shelf.get().isEmpty();
        });
        assertThat(shelf.get().get(0).path("variant").path("id").asString()).isEqualTo(SCARF);
        assertThat(shelf.get().get(0).path("quantityBought").asInt()).isEqualTo(2);

        GraphQlResult reorder = dora.storefront().execute("""
                mutation($input: OrderReorderInput!) { orderReorder(input: $input) {
                  cart { id checkoutUrl lines { variantId quantity } } userErrors { code message } } }""",
                Map.of("input", Map.of("orderId", orderId))).assertNoErrors();

        assertThat(reorder.path("orderReorder.userErrors")).isEmpty();
        assertThat(reorder.path("orderReorder.cart.checkoutUrl").asString()).isEqualTo(vendure.baseUrl() + "/checkout");
        JsonNode cart = dora.shop.execute("{ activeOrder { code lines { quantity productVariant { id } } } }")
                .path("activeOrder");
        assertThat(cart.path("code").asString()).isEqualTo(reorder.path("orderReorder.cart.id").asString());
        assertThat(cart.path("lines").get(0).path("productVariant").path("id").asString()).isEqualTo(SCARF);
        assertThat(cart.path("lines").get(0).path("quantity").asInt()).isEqualTo(2);
    }

    @Test
    void aCouponIssuedByTheHostIsAcceptedByVendureAtCheckout() throws Exception {
        Customer emil = Customer.register("emil");
        Coupon coupon = platform().issueCoupon(new CouponRequest(emil.id, CouponRequest.Kind.FIXED_AMOUNT,
                new BigDecimal("5.00"), "USD", Instant.now().plus(7, ChronoUnit.DAYS), "e2e:" + emil.id));
        Coupon again = platform().issueCoupon(new CouponRequest(emil.id, CouponRequest.Kind.FIXED_AMOUNT,
                new BigDecimal("5.00"), "USD", Instant.now().plus(7, ChronoUnit.DAYS), "e2e:" + emil.id));
        assertThat(again.code()).as("the same reason gives the same coupon").isEqualTo(coupon.code());

        emil.shop.execute("mutation { addItemToOrder(productVariantId: \"" + SCARF + "\", quantity: 1) {"
                + " __typename } }");
        JsonNode applied = emil.shop.execute("""
                mutation($code: String!) { applyCouponCode(couponCode: $code) {
                  __typename ... on Order { couponCodes discounts { amount } }
                  ... on ErrorResult { message } } }""", Map.of("code", coupon.code())).path("applyCouponCode");

        assertThat(applied.path("__typename").asString()).as(applied.toString()).isEqualTo("Order");
        assertThat(applied.path("couponCodes").get(0).asString()).isEqualTo(coupon.code());
        // the shop's prices exclude tax, so Vendure takes the 5.00 off before tax
        assertThat(applied.path("discounts").get(0).path("amount").asInt()).isEqualTo(-500);

        Customer other = Customer.register("fritz");
        other.shop.execute("mutation { addItemToOrder(productVariantId: \"" + SCARF + "\", quantity: 1) {"
                + " __typename } }");
        JsonNode refused = other.shop.execute("mutation($code: String!) { applyCouponCode(couponCode: $code) {"
                + " __typename ... on Order { discounts { amount } } } }", Map.of("code", coupon.code()))
                .path("applyCouponCode");
        assertThat(refused.path("discounts")).as("only the customer it was issued to gets the discount").isEmpty();
    }

    // ---------------------------------------------------------------- helpers

    /** A Vendure customer with an account, signed in to the Shop API, and the host's view of them. */
    private record Customer(String id, String email, VendureApi shop) {

        static Customer register(String name) {
            String email = name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
            VendureApi api = new VendureApi(vendure.baseUrl() + "/shop-api");
            JsonNode registered = api.execute("""
                    mutation($input: RegisterCustomerInput!) { registerCustomerAccount(input: $input) {
                      __typename ... on ErrorResult { message } } }""", Map.of("input", Map.of(
                    "emailAddress", email, "password", "secret-" + name, "firstName", name, "lastName", "Test")));
            assertThat(registered.path("registerCustomerAccount").path("__typename").asString()).isEqualTo("Success");
            api.login(email, "secret-" + name);
            String id = api.execute("{ activeCustomer { id } }").path("activeCustomer").path("id").asString();
            return new Customer(id, email, api);
        }

        /** The host's storefront API with a token that Vendure issued for this customer. */
        GraphQlClient storefront() {
            String token = shop.execute("mutation { aftersalesCustomerToken { token } }")
                    .path("aftersalesCustomerToken").path("token").asString();
            return VendureJourneysIT.shop.storefront().withHeader("Authorization", "Bearer " + token);
        }

        /** Checks out through the Shop API as a storefront does; answers the order's id. */
        String placeOrder(String variantId, int quantity) {
            shop.execute("mutation { addItemToOrder(productVariantId: \"" + variantId + "\", quantity: " + quantity
                    + ") { __typename } }");
            shop.execute("""
                    mutation { setOrderShippingAddress(input: {fullName: "Test", streetLine1: "Weg 1", city: "Berlin",
                      postalCode: "10115", countryCode: "DE"}) { __typename } }""");
            String shipping = shop.execute("{ eligibleShippingMethods { id } }").path("eligibleShippingMethods")
                    .get(0).path("id").asString();
            shop.execute("mutation($id: [ID!]!) { setOrderShippingMethod(shippingMethodId: $id) { __typename } }",
                    Map.of("id", List.of(shipping)));
            shop.execute("mutation { transitionOrderToState(state: \"ArrangingPayment\") { __typename } }");
            String method = shop.execute("{ eligiblePaymentMethods { code } }").path("eligiblePaymentMethods")
                    .get(0).path("code").asString();
            JsonNode order = shop.execute("""
                    mutation($method: String!) { addPaymentToOrder(input: {method: $method, metadata: {}}) {
                      __typename ... on Order { id state } ... on ErrorResult { message } } }""",
                    Map.of("method", method)).path("addPaymentToOrder");
            assertThat(order.path("state").asString()).as(order.toString()).isEqualTo("PaymentSettled");
            return order.path("id").asString();
        }
    }

    /** Ships and delivers every line of the order, as the shop's staff would in Vendure's admin. */
    private static void deliver(String orderId) {
        JsonNode lines = admin.execute("query($id: ID!) { order(id: $id) { lines { id quantity } } }",
                Map.of("id", orderId)).path("order").path("lines");
        List<Map<String, Object>> fulfil = new ArrayList<>();
        lines.forEach(line -> fulfil.add(Map.of("orderLineId", line.path("id").asString(),
                "quantity", line.path("quantity").asInt())));
        JsonNode fulfillment = admin.execute("""
                mutation($lines: [OrderLineInput!]!) { addFulfillmentToOrder(input: {lines: $lines, handler: {
                  code: "manual-fulfillment", arguments: [{name: "method", value: "Post"},
                  {name: "trackingCode", value: "T-1"}]}}) { __typename ... on Fulfillment { id }
                  ... on ErrorResult { message } } }""", Map.of("lines", fulfil)).path("addFulfillmentToOrder");
        String id = fulfillment.path("id").asString();
        assertThat(id).as(fulfillment.toString()).isNotBlank();
        for (String state : List.of("Shipped", "Delivered")) {
            JsonNode moved = admin.execute("""
                    mutation($id: ID!, $state: String!) { transitionFulfillmentToState(id: $id, state: $state) {
                      __typename ... on ErrorResult { message } } }""", Map.of("id", id, "state", state))
                    .path("transitionFulfillmentToState");
            assertThat(moved.path("__typename").asString()).as(moved.toString()).isEqualTo("Fulfillment");
        }
    }

    /** An Admin API key of Vendure's superadmin for the connector, made as an operator would in Vendure. */
    private static String apiKey() {
        String role = null;
        for (JsonNode item : admin.execute("{ roles { items { id code } } }").path("roles").path("items")) {
            if ("__super_admin_role__".equals(item.path("code").asString())) {
                role = item.path("id").asString();
            }
        }
        JsonNode created = admin.execute("""
                mutation($role: ID!) { createApiKey(input: {roleIds: [$role],
                  translations: [{languageCode: en, name: "Aftersales"}]}) { apiKey } }""", Map.of("role", role));
        return created.path("createApiKey").path("apiKey").asString();
    }

    private static boolean known(String variantId) {
        return !shop.storefront().execute("query($id: ID!) { variant(id: $id) { id } }", Map.of("id", variantId))
                .assertNoErrors().path("variant").isNull();
    }

    private static boolean inStock(String variantId) {
        return shop.storefront().execute("query($id: ID!) { variant(id: $id) { inStock } }", Map.of("id", variantId))
                .assertNoErrors().path("variant.inStock").asBoolean();
    }

    /** Vendure's customer event has reached the host: it knows where to send the customer's mail. */
    private static void awaitCustomerKnown(Customer customer) {
        Awaitility.await().atMost(EVENTUALLY).until(() -> customer.email.equals(shop.sql().fetchValue(
                "select email from customers where shop_id = ? and customer_id = ?", shop.id(), customer.id)));
    }

    private static ShopPlatform platform() {
        Shop current = host.bean(ShopDirectory.class).find(shop.id()).orElseThrow();
        LoadedPlugin plugin = host.bean(PluginRuntime.class).plugin(ConnectorVendureFeature.ID).orElseThrow();
        return host.bean(FeatureContexts.class).forShop(current, plugin).platform();
    }

    private static Path[] jars() {
        List<Path> jars = new ArrayList<>();
        jars.add(Path.of(System.getProperty(AftersalesHost.PLUGIN_JAR_PROPERTY)));
        Arrays.stream(System.getProperty("aftersales.e2e.feature-jars").split(",")).map(Path::of).forEach(jars::add);
        return jars.toArray(Path[]::new);
    }
}
