package dev.aftersales.plugins.stockalert;

import dev.aftersales.testkit.TestMails;
import static dev.aftersales.plugins.stockalert.jooq.Tables.STOCK_ALERT_SUBSCRIPTION;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.api.events.StockChanged;
import dev.aftersales.testkit.AftersalesHost;
import dev.aftersales.testkit.GraphQlResult;
import dev.aftersales.testkit.TestShop;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Subscribing as customer and guest, the double opt-in, bad input, flapping stock, expiry, demand, isolation, GDPR. */
class StockAlertIT {

    @RegisterExtension
    static final AftersalesHost host = AftersalesHost.withPluginUnderTest();

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern CONFIRM = Pattern.compile("(?:Confirm|Bestätigen): (\\S+)");

    @Test
    void aGuestIsAlertedOnlyAfterConfirmingTheDoubleOptIn(TestShop shop) throws Exception {
        StockAlertStorefront alerts = enabled(shop);
        alerts.stock("v-1", 1, 0);
        String guest = "guest-" + shop.id() + "@example.test";

        GraphQlResult subscribed = alerts.subscribeAsGuest("v-1", guest, "de");

        assertThat(subscribed.path("stockAlertSubscribe.stockAlert.status").asString())
                .isEqualTo("AWAITING_CONFIRMATION");
        assertThat(subscribed.path("stockAlertSubscribe.cancelToken").asString()).isNotBlank();
        MimeMessage confirmation = TestMails.await(host.mail(), guest, 1).getFirst();
        assertThat(TestMails.text(confirmation)).contains("Benachrichtigen Sie mich, wenn 'Alpine Jacket M' wieder da ist");
        // the page behind the link speaks the guest's language, whatever the browser says
        assertThat(get(confirmLink(confirmation)).body()).contains("lang=\"de\"").contains("Ja, bestätigen");

        // back in stock before the guest confirmed: no alert
        alerts.stock("v-1", 0, 3);
        host.clock().advance(Duration.ofMinutes(6));
        alerts.runBatches();
        assertThat(alerts.alerted()).isEmpty();

        HttpResponse<String> confirmed = post(confirmLink(confirmation), "");
        assertThat(confirmed.statusCode()).isEqualTo(200);
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> alerts.states().values().stream().allMatch("ACTIVE"::equals));

        // still in stock: the alert goes out after the trigger delay
        host.clock().advance(Duration.ofMinutes(6));
        alerts.runBatches();
        assertThat(alerts.alerted()).containsExactly(guest);
        MimeMessage alert = TestMails.await(host.mail(), guest, 2).get(1);
        assertThat(TestMails.subject(alert)).isEqualTo("Alpine Jacket (M) ist wieder da");
        assertThat(TestMails.text(alert)).contains("189,00 €");
    }

    @Test
    void aGermanCustomersAlertAndUnsubscribePageAreGermanWithGermanMoney(TestShop shop) throws Exception {
        StockAlertStorefront alerts = enabled(shop);
        String anna = "anna-" + shop.id() + "@example.test";
        shop.customer("anna", anna, "de-DE"); // as the platform's CustomerChanged put it into the mirror
        shop.catalog().variant("v-1", "Alpine Jacket", "M", "89.00", 0);
        alerts.subscribeAsCustomer("anna", "v-1");

        shop.catalog().variant("v-1", "Alpine Jacket", "M", "89.00", 3);
        shop.publish(new StockChanged("v-1", 0, 3));
        host.clock().advance(Duration.ofMinutes(6));
        alerts.runBatches();

        MimeMessage alert = TestMails.await(host.mail(), anna, 1).getFirst();
        assertThat(TestMails.subject(alert)).isEqualTo("Alpine Jacket (M) ist wieder da");
        assertThat(TestMails.text(alert)).contains("Preis: 89,00 €").doesNotContain("€89");
        assertThat(TestMails.html(alert)).contains("Preis: 89,00 €");
        String unsubscribe = TestMails.header(alert, "List-Unsubscribe").replaceAll("(?s)^\\s*<([^>]+)>.*$", "$1");
        HttpResponse<String> page = get(unsubscribe);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("lang=\"de\"").contains("Abmelden").doesNotContain("Unsubscribe");
    }

    @Test
    void aVariantWithoutAProductPageIsAlertedWithoutTheLink(TestShop shop) {
        StockAlertStorefront alerts = enabled(shop);
        String ben = "ben-" + shop.id() + "@example.test";
        shop.customer("ben", ben, "en");
        shop.catalog().variant("v-1", "Alpine Jacket", "M", "89.00", 0);
        alerts.subscribeAsCustomer("ben", "v-1");
        // some platforms know no storefront page of a variant
        shop.sql().query("update catalog_variants set url = null, stock = 3 where shop_id = ? and variant_id = 'v-1'",
                shop.id()).execute();
        shop.publish(new StockChanged("v-1", 0, 3));
        host.clock().advance(Duration.ofMinutes(6));
        alerts.runBatches();

        MimeMessage alert = TestMails.await(host.mail(), ben, 1).getFirst();
        assertThat(TestMails.text(alert)).contains("is available again").doesNotContain("Have a look");
    }

    @Test
    void subscribingTwiceIsIdempotent(TestShop shop) {
        StockAlertStorefront alerts = enabled(shop);
        alerts.stock("v-1", 1, 0);
        String guest = "twice-" + shop.id() + "@example.test";

        String first = alerts.subscribeAsCustomer("anna", "v-1").path("stockAlertSubscribe.stockAlert.id").asString();
        String second = alerts.subscribeAsCustomer("anna", "v-1").path("stockAlertSubscribe.stockAlert.id").asString();
        String guestFirst = alerts.subscribeAsGuest("v-1", guest, "en")
                .path("stockAlertSubscribe.stockAlert.id").asString();
        String guestSecond = alerts.subscribeAsGuest("v-1", guest.toUpperCase(), "en")
                .path("stockAlertSubscribe.stockAlert.id").asString();

        assertThat(second).isEqualTo(first);
        assertThat(guestSecond).isEqualTo(guestFirst);
        assertThat(alerts.states()).hasSize(2);
        shop.notifications().awaitState("SENT", 1);
        assertThat(shop.notifications().messages()).as("one confirmation mail").hasSize(1);
        assertThat(alerts.list("anna").path("viewer.stockAlerts.nodes")).hasSize(1);
    }

    @Test
    void refusesInStockUnknownVariantsAndBadAddresses(TestShop shop) {
        StockAlertStorefront alerts = enabled(shop);
        alerts.stock("v-in", 0, 4);
        alerts.stock("v-out", 1, 0);

        assertThat(error(shop.storefront("anna"), Map.of("variantId", "v-in")))
                .isEqualTo("IN_STOCK:[\"input\",\"variantId\"]");
        assertThat(error(shop.storefront("anna"), Map.of("variantId", "v-nope")))
                .isEqualTo("NOT_FOUND:[\"input\",\"variantId\"]");
        assertThat(error(shop.storefront(), Map.of("variantId", "v-out", "email", "not-an-address")))
                .isEqualTo("INVALID_EMAIL:[\"input\",\"email\"]");
        assertThat(error(shop.storefront(), Map.of("variantId", "v-out")))
                .isEqualTo("INVALID_EMAIL:[\"input\",\"email\"]");
        assertThat(alerts.states()).isEmpty();
    }

    @Test
    void aVariantThatIsNotPurchasableIsIgnoredEvenWithStock(TestShop shop) {
        StockAlertStorefront alerts = enabled(shop);
        shop.catalog().variant("v-1").product("alpine-jacket", "Alpine Jacket").stock(0).purchasable(false).save();
        alerts.subscribeAsCustomer("anna", "v-1");

        shop.catalog().variant("v-1").product("alpine-jacket", "Alpine Jacket").stock(5).purchasable(false).save();
        shop.publish(new StockChanged("v-1", 0, 5));
        host.clock().advance(Duration.ofMinutes(6));
        alerts.runBatches();

        assertThat(alerts.alerted()).isEmpty();
        assertThat(alerts.states()).containsEntry("c:anna", "ACTIVE");
    }

    @Test
    void theTriggerDelayAbsorbsFlappingStock(TestShop shop) {
        StockAlertStorefront alerts = enabled(shop);
        shop.settings(StockAlertFeature.ID, Map.of("triggerDelayMinutes", 5));
        alerts.stock("v-1", 1, 0);
        alerts.subscribeAsCustomer("anna", "v-1");

        alerts.stock("v-1", 0, 2);
        host.clock().advance(Duration.ofMinutes(1));
        alerts.stock("v-1", 2, 0);
        host.clock().advance(Duration.ofMinutes(2));
        alerts.stock("v-1", 0, 2);
        host.clock().advance(Duration.ofMinutes(3));
        alerts.runBatches();
        assertThat(alerts.alerted()).as("up for 3 of 5 minutes").isEmpty();

        host.clock().advance(Duration.ofMinutes(3));
        alerts.runBatches();
        assertThat(alerts.alerted()).containsExactly("anna");
        assertThat(alerts.list("anna").path("viewer.stockAlerts.nodes[0].status").asString()).isEqualTo("NOTIFIED");
    }

    @Test
    void subscriptionsExpireAfterTheConfiguredDays(TestShop shop) {
        StockAlertStorefront alerts = enabled(shop);
        shop.settings(StockAlertFeature.ID, Map.of("expiryDays", 30));
        alerts.stock("v-1", 1, 0);
        alerts.subscribeAsCustomer("anna", "v-1");
        host.clock().advance(Duration.ofDays(20));
        alerts.subscribeAsCustomer("ben", "v-1");

        host.clock().advance(Duration.ofDays(11));
        shop.runJob(StockAlertFeature.ID, AlertBatches.EXPIRY_JOB);
        alerts.stock("v-1", 0, 5);
        host.clock().advance(Duration.ofMinutes(6));
        alerts.runBatches();

        assertThat(alerts.alerted()).containsExactly("ben");
        assertThat(alerts.list("anna").path("viewer.stockAlerts.nodes[0].status").asString()).isEqualTo("EXPIRED");
    }

    @Test
    void operatorsSeeDemandPerVariant(TestShop shop) {
        StockAlertStorefront alerts = enabled(shop);
        alerts.stock("v-1", 1, 0);
        alerts.stock("v-2", 1, 0);
        alerts.subscribeAsCustomer("anna", "v-1");
        alerts.subscribeAsCustomer("ben", "v-1");
        alerts.subscribeAsGuest("v-1", "demand-" + shop.id() + "@example.test", null);
        alerts.subscribeAsCustomer("anna", "v-2");

        GraphQlResult demand = shop.admin().execute("""
                query($id: ID!) { shop(id: $id) { stockAlertDemand(first: 10) {
                  variantId productName variantName stock pendingSubscribers awaitingConfirmation oldestSubscribedAt } } }""",
                Map.of("id", shop.id())).assertNoErrors();

        assertThat(demand.path("shop.stockAlertDemand[0].variantId").asString()).isEqualTo("v-1");
        assertThat(demand.path("shop.stockAlertDemand[0].pendingSubscribers").asInt()).isEqualTo(2);
        assertThat(demand.path("shop.stockAlertDemand[0].awaitingConfirmation").asInt()).isEqualTo(1);
        assertThat(demand.path("shop.stockAlertDemand[0].productName").asString()).isEqualTo("Alpine Jacket");
        assertThat(demand.path("shop.stockAlertDemand[1].variantId").asString()).isEqualTo("v-2");
        assertThat(demand.path("shop.stockAlertDemand[1].pendingSubscribers").asInt()).isEqualTo(1);
    }

    @Test
    void shopsAreIsolated(TestShop shop, TestShop other) {
        StockAlertStorefront alerts = enabled(shop);
        StockAlertStorefront otherAlerts = enabled(other);
        alerts.stock("v-1", 1, 0);
        otherAlerts.stock("v-1", 1, 0);
        String alertId = alerts.subscribeAsCustomer("anna", "v-1").path("stockAlertSubscribe.stockAlert.id").asString();

        otherAlerts.stock("v-1", 0, 5);
        host.clock().advance(Duration.ofMinutes(6));
        otherAlerts.runBatches();
        assertThat(otherAlerts.alerted()).isEmpty();
        assertThat(otherAlerts.list("anna").path("viewer.stockAlerts.nodes")).isEmpty();
        assertThat(otherAlerts.cancel("anna", Map.of("stockAlertId", alertId))
                .path("stockAlertCancel.userErrors[0].code").asString()).isEqualTo("NOT_FOUND");
        assertThat(other.admin().execute("query($id: ID!) { shop(id: $id) { stockAlertDemand { variantId } } }",
                Map.of("id", shop.id())).assertNoErrors().path("shop").isNull()).isTrue();
        assertThat(alerts.states()).containsEntry("c:anna", "ACTIVE");
    }

    @Test
    void customersAndGuestsCancelTheirOwnAlerts(TestShop shop) {
        StockAlertStorefront alerts = enabled(shop);
        alerts.stock("v-1", 1, 0);
        String annas = alerts.subscribeAsCustomer("anna", "v-1").path("stockAlertSubscribe.stockAlert.id").asString();
        String token = alerts.subscribeAsGuest("v-1", "cancel-" + shop.id() + "@example.test", "en")
                .path("stockAlertSubscribe.cancelToken").asString();

        assertThat(alerts.cancel("ben", Map.of("stockAlertId", annas))
                .path("stockAlertCancel.userErrors[0].code").asString()).isEqualTo("NOT_FOUND");
        assertThat(alerts.cancel("anna", Map.of("stockAlertId", annas))
                .path("stockAlertCancel.cancelledStockAlertId").asString()).isEqualTo(annas);
        assertThat(alerts.cancel(null, Map.of("cancelToken", token))
                .path("stockAlertCancel.userErrors")).isEmpty();
        assertThat(alerts.cancel(null, Map.of("cancelToken", token))
                .path("stockAlertCancel.userErrors[0].code").asString()).isEqualTo("NOT_FOUND");
        assertThat(alerts.states()).isEmpty();
    }

    @Test
    void theUnsubscribeLinkOfAnAlertEndsThePersonsOtherAlerts(TestShop shop) throws Exception {
        StockAlertStorefront alerts = enabled(shop);
        String anna = "anna-" + shop.id() + "@example.test";
        shop.customer("anna", anna, "en");
        alerts.stock("v-1", 1, 0);
        alerts.stock("v-2", 1, 0);
        alerts.subscribeAsCustomer("anna", "v-1");
        alerts.subscribeAsCustomer("anna", "v-2");
        alerts.stock("v-1", 0, 5);
        host.clock().advance(Duration.ofMinutes(6));
        alerts.runBatches();
        MimeMessage alert = TestMails.await(host.mail(), anna, 1).getFirst();
        String listUnsubscribe = TestMails.header(alert, "List-Unsubscribe");

        HttpResponse<String> response = post(listUnsubscribe.substring(1, listUnsubscribe.indexOf('>')),
                "List-Unsubscribe=One-Click");

        assertThat(response.statusCode()).isEqualTo(200);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> alerts.count("ACTIVE") == 0);
        assertThat(alerts.count("NOTIFIED")).isEqualTo(1);
        assertThat(alerts.list("anna").path("viewer.stockAlerts.nodes")).hasSize(1);
    }

    @Test
    void gdprExportAndEraseCoverACustomersAlerts(TestShop shop) {
        StockAlertStorefront alerts = enabled(shop);
        alerts.stock("v-1", 1, 0);
        alerts.stock("v-2", 1, 0);
        alerts.subscribeAsCustomer("anna", "v-1");
        alerts.subscribeAsCustomer("anna", "v-2");
        alerts.subscribeAsCustomer("ben", "v-1");

        assertThat((List<?>) shop.export(StockAlertFeature.ID, "anna").get("stockAlerts")).hasSize(2);
        shop.erase(StockAlertFeature.ID, "anna");

        assertThat((List<?>) shop.export(StockAlertFeature.ID, "anna").get("stockAlerts")).isEmpty();
        assertThat(shop.sql().fetchCount(STOCK_ALERT_SUBSCRIPTION, STOCK_ALERT_SUBSCRIPTION.SHOP_ID.eq(shop.id())
                .and(STOCK_ALERT_SUBSCRIPTION.CUSTOMER_ID.eq("anna")))).isZero();
        assertThat(alerts.states()).containsOnlyKeys("c:ben");
    }

    private static StockAlertStorefront enabled(TestShop shop) {
        shop.enable(StockAlertFeature.ID);
        return new StockAlertStorefront(shop);
    }

    private static String error(dev.aftersales.testkit.GraphQlClient client, Map<String, Object> input) {
        GraphQlResult result = client.execute(StockAlertStorefront.SUBSCRIBE, Map.of("input", input)).assertNoErrors();
        assertThat(result.path("stockAlertSubscribe.stockAlert").isNull()).isTrue();
        return result.path("stockAlertSubscribe.userErrors[0].code").asString() + ":"
                + result.path("stockAlertSubscribe.userErrors[0].field").toString();
    }

    private static String confirmLink(MimeMessage confirmation) {
        Matcher matcher = CONFIRM.matcher(TestMails.text(confirmation));
        assertThat(matcher.find()).as("confirmation link in " + TestMails.text(confirmation)).isTrue();
        return matcher.group(1);
    }

    /** A GET from a browser set to English. */
    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Accept-Language", "en-US,en;q=0.9").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String url, String form) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
