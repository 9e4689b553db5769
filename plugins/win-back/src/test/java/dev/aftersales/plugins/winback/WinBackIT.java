package dev.aftersales.plugins.winback;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.aftersales.host.jooq.Tables.NOTIFY_CONSENTS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.api.catalog.Money;
import dev.aftersales.api.catalog.Order;
import dev.aftersales.api.catalog.OrderLine;
import dev.aftersales.api.catalog.Variant;
import dev.aftersales.api.events.ConsentRevoked;
import dev.aftersales.api.events.OrderPlaced;
import dev.aftersales.api.notify.Category;
import dev.aftersales.api.notify.Recipient;
import dev.aftersales.host.catalog.CatalogService;
import dev.aftersales.host.catalog.OrderService;
import dev.aftersales.host.recommend.BoughtTogether;
import dev.aftersales.testkit.AftersalesHost;
import dev.aftersales.testkit.GraphQlResult;
import dev.aftersales.testkit.TestMails;
import dev.aftersales.testkit.TestShop;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The win-back sequence through a real host: WireMock issues coupons, GreenMail receives the mails. */
class WinBackIT {

    @RegisterExtension
    static final AftersalesHost host = AftersalesHost.withPlugins(
            Path.of(System.getProperty(AftersalesHost.PLUGIN_JAR_PROPERTY)),
            Path.of(System.getProperty("aftersales.testkit.connector-jar")));

    private static final String SEQUENCES = """
            query($shop: ID!, $customer: ID!) { shop(id: $shop) { winBackSequences(customerId: $customer) {
              state lapseRule couponCode couponAttempts couponError orderId revenue } } }""";
    private static final String FUNNEL = """
            query($shop: ID!, $from: DateTime!, $to: DateTime!) { shop(id: $shop) {
              winBackFunnel(from: $from, to: $to) { lapsed reminded offered couponFailures reactivated revenue currency } } }""";

    private TestShop shop;
    private Instant now;

    @BeforeEach
    void lapsedCustomers(TestShop shop) {
        this.shop = shop;
        now = host.clock().instant();
        shop.enable("win-back").settings("win-back", Map.of("lapsedDays", 60, "intervalFactor", 3,
                "offerDelayDays", 7, "couponPercent", 15, "couponValidityDays", 14));
        shop.catalog().variant("v-1", "Trail Shoe", "42", "80.00", 5);
        shop.catalog().variant("v-wax", "Leather Care Wax", "100 ml", "12.50", 30);
        shop.catalog().variant("v-socks", "Merino Socks", "One size", "24.90", 0);
        shop.catalog().variant("v-gaiter", "Trail Gaiters", "M", "39.00", 8);
        // anna orders every 30 days: lapsed after max(60, 3 x 30) = 90 days; her last order was 170 days ago
        customer("anna", "de", true, 200, 170);
        // her first order had gaiters too
        order(orderId("anna", 200), "anna", 200, "v-1", "v-gaiter");
        // other customers bought shoes with wax, socks (sold out now) and gaiters (anna has those)
        for (String other : List.of("x1", "x2")) {
            order("o-" + other, other, 30, "v-1", "v-wax", "v-socks", "v-gaiter");
        }
        // bob is lapsed too, but never agreed to marketing mail
        customer("bob", "en", false, 100, 90, 80);
        // dora orders every 50 days: lapsed only after 150 days; her last order was 100 days ago
        customer("dora", "en", true, 150, 100);
    }

    @Test
    void aLapsedCustomerGetsAReminderThenAnOfferAndTheSequenceStopsOnAnOrder() {
        coupons(201, "COMEBACK-15");

        shop.runJob("win-back", "win-back");

        assertThat(sequence("anna").path("shop.winBackSequences[0].state").asString()).isEqualTo("REMINDED");
        assertThat(sequence("anna").path("shop.winBackSequences[0].lapseRule").asString())
                .isEqualTo("max(60 days, 3 x 30 days between orders) = 90 days without an order");
        assertThat(sequence("bob").path("shop.winBackSequences").size()).isZero();
        assertThat(sequence("dora").path("shop.winBackSequences").size()).isZero();
        MimeMessage reminder = TestMails.await(shop, host.mail(), email("anna"), 1).getFirst();
        assertThat(TestMails.subject(reminder)).startsWith("Wir vermissen Sie");
        assertThat(TestMails.text(reminder)).contains("Ihre letzte Bestellung bei uns war am");

        host.bean(BoughtTogether.class).compute(shop.id());
        host.clock().advance(Duration.ofDays(8));
        shop.runJob("win-back", "win-back");

        assertThat(sequence("anna").path("shop.winBackSequences[0].state").asString()).isEqualTo("OFFERED");
        List<MimeMessage> mails = TestMails.await(shop, host.mail(), email("anna"), 2);
        MimeMessage offer = mails.get(1);
        assertThat(TestMails.subject(offer)).startsWith("15 % Rabatt");
        assertThat(TestMails.text(offer)).contains("COMEBACK-15")
                .contains("Für Sie ausgewählt").contains("Leather Care Wax – 100 ml").contains("12,50")
                .doesNotContain("Merino Socks").doesNotContain("Trail Gaiters").doesNotContain("Trail Shoe");

        shop.catalog().order("o-back", "anna", host.clock().instant()).line("v-1", 1, "80.00").save();
        shop.publish(new OrderPlaced("o-back", "anna"));
        shop.publish(new OrderPlaced("o-back", "anna"));

        GraphQlResult sequence = sequence("anna");
        assertThat(sequence.path("shop.winBackSequences").size()).isEqualTo(1);
        assertThat(sequence.path("shop.winBackSequences[0].state").asString()).isEqualTo("REACTIVATED");
        assertThat(sequence.path("shop.winBackSequences[0].orderId").asString()).isEqualTo("o-back");
        GraphQlResult funnel = funnel();
        assertThat(funnel.path("shop.winBackFunnel.lapsed").asInt()).isEqualTo(1);
        assertThat(funnel.path("shop.winBackFunnel.offered").asInt()).isEqualTo(1);
        assertThat(funnel.path("shop.winBackFunnel.reactivated").asInt()).isEqualTo(1);
        assertThat(new java.math.BigDecimal(funnel.path("shop.winBackFunnel.revenue").asString())).isEqualByComparingTo("80");

        host.clock().advance(Duration.ofDays(1));
        shop.runJob("win-back", "win-back");
        assertThat(sequence("anna").path("shop.winBackSequences").size()).isEqualTo(1);
    }

    @Test
    void aRefusedCouponSendsNoOfferIsRetriedAndReported() {
        coupons(503, "never");
        shop.runJob("win-back", "win-back");
        assertThat(TestMails.await(shop, host.mail(), email("anna"), 1)).hasSize(1);
        host.clock().advance(Duration.ofDays(8));

        shop.runJob("win-back", "win-back");

        GraphQlResult refused = sequence("anna");
        assertThat(refused.path("shop.winBackSequences[0].state").asString()).isEqualTo("REMINDED");
        assertThat(refused.path("shop.winBackSequences[0].couponAttempts").asInt()).isEqualTo(1);
        assertThat(refused.path("shop.winBackSequences[0].couponError").asString()).isNotBlank();
        assertThat(funnel().path("shop.winBackFunnel.couponFailures").asInt()).isEqualTo(1);
        assertThat(TestMails.await(shop, host.mail(), email("anna"), 1)).hasSize(1);

        coupons(201, "LATER-15");
        host.clock().advance(Duration.ofHours(1));
        shop.runJob("win-back", "win-back");

        assertThat(sequence("anna").path("shop.winBackSequences[0].state").asString()).isEqualTo("OFFERED");
        assertThat(TestMails.text(TestMails.await(shop, host.mail(), email("anna"), 2).get(1))).contains("LATER-15");
    }

    @Test
    void theSequenceEndsWhenTheCouponExpiresAndNeverStartsAgainForTheSameLapse() {
        coupons(201, "EXPIRES-15");
        shop.runJob("win-back", "win-back");
        TestMails.await(shop, host.mail(), email("anna"), 1);
        host.clock().advance(Duration.ofDays(8));
        shop.runJob("win-back", "win-back");

        host.clock().advance(Duration.ofDays(15));
        shop.runJob("win-back", "win-back");

        assertThat(sequence("anna").path("shop.winBackSequences[0].state").asString()).isEqualTo("EXPIRED");
        host.clock().advance(Duration.ofDays(200));
        shop.runJob("win-back", "win-back");
        assertThat(sequence("anna").path("shop.winBackSequences").size()).isEqualTo(1);
    }

    @Test
    void anUnsubscribeStopsTheSequenceAndAnErasedCustomerGetsNoOffer() {
        coupons(201, "STOP-15");
        customer("erik", "en", true, 300, 250);
        shop.runJob("win-back", "win-back");
        TestMails.await(shop, host.mail(), email("erik"), 1);

        shop.publish(new ConsentRevoked(Recipient.customer("anna"), Category.MARKETING));
        host.platformAdmin().execute("""
                mutation($shop: ID!) { customerErase(input: {shopId: $shop, customerId: "erik"}) {
                  userErrors { code } } }""", Map.of("shop", shop.id())).assertNoErrors();
        host.clock().advance(Duration.ofDays(8));
        shop.runJob("win-back", "win-back");

        assertThat(sequence("anna").path("shop.winBackSequences[0].state").asString()).isEqualTo("UNSUBSCRIBED");
        assertThat(sequence("erik").path("shop.winBackSequences").size()).isZero();
        assertThat(shop.export("win-back", "erik")).isEmpty();
        assertThat(shop.personalData("erik", email("erik"))).isEmpty();
        host.wireMock().verify(0, postRequestedFor(urlEqualTo("/platform-" + shop.id() + "/coupons")));
    }

    /** A customer with orders the given numbers of days ago, with or without confirmed marketing consent. */
    private void customer(String id, String locale, boolean marketing, int... daysAgo) {
        shop.customer(id, email(id), locale);
        for (int days : daysAgo) {
            order(orderId(id, days), id, days, "v-1");
        }
        if (marketing) {
            LocalDateTime at = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
            shop.sql().insertInto(NOTIFY_CONSENTS).set(NOTIFY_CONSENTS.SHOP_ID, shop.id())
                    .set(NOTIFY_CONSENTS.RECIPIENT_KEY, "c:" + id).set(NOTIFY_CONSENTS.CATEGORY, "MARKETING")
                    .set(NOTIFY_CONSENTS.STATE, "GRANTED").set(NOTIFY_CONSENTS.CUSTOMER_ID, id)
                    .set(NOTIFY_CONSENTS.SOURCE, "double-opt-in").set(NOTIFY_CONSENTS.CONFIRMED_AT, at)
                    .set(NOTIFY_CONSENTS.UPDATED_AT, at).execute();
        }
    }

    /** A delivered order with one of each variant, with their products (the testkit's orders have none). */
    private void order(String orderId, String customerId, int daysAgo, String... variantIds) {
        List<OrderLine> lines = java.util.Arrays.stream(variantIds).map(variantId -> {
            Variant variant = host.bean(CatalogService.class).variants(shop.id(), List.of(variantId)).get(variantId);
            return new OrderLine(variantId, variant.productId(), variant.productName(), 1, variant.price(), 0);
        }).toList();
        BigDecimal total = lines.stream().map(line -> line.unitPrice().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
        host.bean(OrderService.class).save(shop.id(), new Order(orderId, customerId,
                now.minus(Duration.ofDays(daysAgo)), Order.OrderStatus.DELIVERED, new Money(total, "EUR"), lines));
    }

    /** An order id that does not contain the customer id (the personal data scan would find it there). */
    private static String orderId(String customerId, int daysAgo) {
        return "o-" + Integer.toHexString(customerId.hashCode()) + "-" + daysAgo;
    }

    private String email(String id) {
        return id + "@" + shop.id() + ".winback.test";
    }

    private void coupons(int status, String code) {
        String base = "/platform-" + shop.id();
        shop.enable("connector-rest").settings("connector-rest", Map.of("baseUrl", host.wireMock().baseUrl() + base,
                "apiKey", "test-api-key", "maxAttempts", 1, "readTimeoutMs", 1_000));
        host.wireMock().stubFor(post(urlEqualTo(base + "/coupons")).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\": \"" + code + "\", \"expiresAt\": null}")));
    }

    private GraphQlResult sequence(String customerId) {
        return shop.admin().execute(SEQUENCES, Map.of("shop", shop.id(), "customer", customerId)).assertNoErrors();
    }

    private GraphQlResult funnel() {
        return shop.admin().execute(FUNNEL, Map.of("shop", shop.id(), "from", now.minus(Duration.ofDays(1)).toString(),
                "to", host.clock().instant().plus(Duration.ofDays(1)).toString())).assertNoErrors();
    }
}
