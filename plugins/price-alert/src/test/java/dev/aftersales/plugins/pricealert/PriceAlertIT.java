package dev.aftersales.plugins.pricealert;

import dev.aftersales.testkit.TestMails;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.api.catalog.Money;
import dev.aftersales.api.events.PriceChanged;
import dev.aftersales.api.events.WishlistItemAdded;
import dev.aftersales.api.events.WishlistItemRemoved;
import dev.aftersales.host.jooq.tables.records.NotifyMessagesRecord;
import dev.aftersales.testkit.AftersalesHost;
import dev.aftersales.testkit.GraphQlResult;
import dev.aftersales.testkit.TestShop;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Price alerts through a real host: subscriptions, PriceChanged events, mails in GreenMail. */
class PriceAlertIT {

    @RegisterExtension
    static final AftersalesHost host = AftersalesHost.withPluginUnderTest()
            .withProperty("aftersales.notify.poll-interval", "200ms");

    private static final String SUBSCRIBE = """
            mutation($input: PriceAlertSubscribeInput!) { priceAlertSubscribe(input: $input) {
              priceAlert { id variantId status alertsSent targetPrice { amount currencyCode }
                           referencePrice { amount currencyCode } variant { name } }
              confirmationRequired userErrors { field code message } } }""";

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern CONFIRM = Pattern.compile("(https?://\\S+/confirm/\\S+)");

    @Test
    void anyDropAlertsOncePerDrop(TestShop shop) {
        String anna = customer(shop, "anna");
        jacket(shop, "100.00", "EUR");
        GraphQlResult subscribed = subscribe(shop.storefront("anna"), Map.of("variantId", "v-1"));
        assertThat(subscribed.path("priceAlertSubscribe.priceAlert.status").asString()).isEqualTo("ACTIVE");
        assertThat(subscribed.path("priceAlertSubscribe.confirmationRequired").asBoolean()).isFalse();

        changePrice(shop, "100.00", "90.00", "EUR");
        MimeMessage first = TestMails.await(shop, host.mail(), anna, 1).getFirst();
        assertThat(TestMails.subject(first)).isEqualTo("Jacket M is now cheaper: €90.00");
        assertThat(TestMails.text(first)).contains("now costs €90.00 instead of €100.00");

        // the same change delivered again, a rise, and a fall back to the alerted price: no second alert
        shop.publish(new PriceChanged("v-1", eur("100.00"), eur("90.00")));
        changePrice(shop, "90.00", "100.00", "EUR");
        changePrice(shop, "100.00", "90.00", "EUR");
        assertThat(priceDrops(shop)).hasSize(1);

        changePrice(shop, "90.00", "80.00", "EUR");
        List<MimeMessage> mails = TestMails.await(shop, host.mail(), anna, 2);
        assertThat(TestMails.text(mails.get(1))).contains("now costs €80.00 instead of €90.00");
        assertThat(priceDrops(shop)).hasSize(2);

        GraphQlResult alerts = shop.storefront("anna").execute(
                "{ viewer { priceAlerts(first: 5) { nodes { alertsSent referencePrice { amount } } } } }")
                .assertNoErrors();
        assertThat(alerts.path("viewer.priceAlerts.nodes[0].alertsSent").asInt()).isEqualTo(2);
        assertThat(alerts.path("viewer.priceAlerts.nodes[0].referencePrice.amount").asString()).isEqualTo("80.00");
        GraphQlResult report = shop.admin().execute("query($shop: ID!) { shop(id: $shop) { priceAlertReport {"
                + " activeSubscriptions pendingConfirmations alertsSent } } }", Map.of("shop", shop.id()))
                .assertNoErrors();
        assertThat(report.path("shop.priceAlertReport.activeSubscriptions").asInt()).isEqualTo(1);
        assertThat(report.path("shop.priceAlertReport.alertsSent").asInt()).isEqualTo(2);
    }

    @Test
    void priceJitterBelowTheMinimumDropIsIgnored(TestShop shop) {
        shop.settings("price-alert", Map.of("minDropPercent", 5));
        String anna = customer(shop, "anna");
        jacket(shop, "100.00", "EUR");
        subscribe(shop.storefront("anna"), Map.of("variantId", "v-1"));

        changePrice(shop, "100.00", "96.00", "EUR");
        changePrice(shop, "96.00", "99.00", "EUR");
        changePrice(shop, "99.00", "95.50", "EUR");
        assertThat(priceDrops(shop)).isEmpty();

        changePrice(shop, "95.50", "95.00", "EUR");
        assertThat(TestMails.subject(TestMails.await(shop, host.mail(), anna, 1).getFirst())).endsWith("€95.00");
        assertThat(priceDrops(shop)).hasSize(1);
    }

    @Test
    void aTargetPriceAlertsWhenReached(TestShop shop) {
        String anna = customer(shop, "anna");
        jacket(shop, "100.00", "EUR");

        GraphQlResult tooHigh = subscribe(shop.storefront("anna"), Map.of("variantId", "v-1", "targetPrice", "100"));
        assertThat(tooHigh.path("priceAlertSubscribe.userErrors[0].code").asString())
                .isEqualTo("TARGET_NOT_BELOW_PRICE");
        assertThat(tooHigh.path("priceAlertSubscribe.userErrors[0].message").asString()).contains("100.00 EUR");
        assertThat(subscribe(shop.storefront("anna"), Map.of("variantId", "nope"))
                .path("priceAlertSubscribe.userErrors[0].code").asString()).isEqualTo("NOT_FOUND");

        String id = subscribe(shop.storefront("anna"), Map.of("variantId", "v-1", "targetPrice", "80"))
                .path("priceAlertSubscribe.priceAlert.id").asString();
        GraphQlResult again = subscribe(shop.storefront("anna"), Map.of("variantId", "v-1", "targetPrice", "80.00"));
        assertThat(again.path("priceAlertSubscribe.priceAlert.id").asString()).isEqualTo(id);
        assertThat(again.path("priceAlertSubscribe.priceAlert.targetPrice.amount").asString()).isEqualTo("80.00");

        changePrice(shop, "100.00", "85.00", "EUR");
        assertThat(priceDrops(shop)).isEmpty();
        changePrice(shop, "85.00", "79.00", "EUR");
        MimeMessage mail = TestMails.await(shop, host.mail(), anna, 1).getFirst();
        assertThat(TestMails.text(mail)).contains("€79.00").contains("Your target price was €80.00");

        GraphQlResult cancelled = shop.storefront("anna").execute("""
                mutation($id: ID!) { priceAlertCancel(input: {priceAlertId: $id}) {
                  cancelledPriceAlertId userErrors { code } } }""", Map.of("id", id)).assertNoErrors();
        assertThat(cancelled.path("priceAlertCancel.cancelledPriceAlertId").asString()).isEqualTo(id);
        changePrice(shop, "79.00", "50.00", "EUR");
        assertThat(priceDrops(shop)).hasSize(1);
    }

    @Test
    void aCurrencyChangeIsNoDrop(TestShop shop) {
        String anna = customer(shop, "anna");
        jacket(shop, "100.00", "EUR");
        subscribe(shop.storefront("anna"), Map.of("variantId", "v-1"));

        changePrice(shop, "100.00", "50.00", "USD");
        assertThat(priceDrops(shop)).isEmpty();

        // the new currency's price is the reference from now on
        changePrice(shop, "50.00", "45.00", "USD");
        assertThat(TestMails.text(TestMails.await(shop, host.mail(), anna, 1).getFirst()))
                .contains("now costs $45.00 instead of $50.00");
    }

    @Test
    void aGuestIsAlertedOnlyAfterConfirmingTheDoubleOptIn(TestShop shop) throws Exception {
        String guest = "guest-" + shop.id() + "@example.test";
        jacket(shop, "100.00", "EUR");
        assertThat(subscribe(shop.storefront(), Map.of("variantId", "v-1", "email", "not-an-address"))
                .path("priceAlertSubscribe.userErrors[0].code").asString()).isEqualTo("INVALID_EMAIL");

        GraphQlResult subscribed = subscribe(shop.storefront(),
                Map.of("variantId", "v-1", "email", guest.toUpperCase(), "locale", "de"));
        assertThat(subscribed.path("priceAlertSubscribe.confirmationRequired").asBoolean()).isTrue();
        assertThat(subscribed.path("priceAlertSubscribe.priceAlert.status").asString()).isEqualTo("PENDING");
        MimeMessage confirmation = TestMails.await(shop, host.mail(), guest, 1).getFirst();
        // subscribing twice: the same alert, no second confirmation mail
        assertThat(subscribe(shop.storefront(), Map.of("variantId", "v-1", "email", guest, "locale", "de"))
                .path("priceAlertSubscribe.priceAlert.id").asString())
                .isEqualTo(subscribed.path("priceAlertSubscribe.priceAlert.id").asString());
        assertThat(shop.notifications().messages()).hasSize(1);

        changePrice(shop, "100.00", "90.00", "EUR");
        assertThat(priceDrops(shop)).isEmpty();

        Matcher link = CONFIRM.matcher(TestMails.text(confirmation));
        assertThat(link.find()).as("confirmation link in " + TestMails.text(confirmation)).isTrue();
        HttpResponse<String> confirmed = post(link.group(1), "");
        assertThat(confirmed.statusCode()).isEqualTo(200);

        changePrice(shop, "90.00", "80.00", "EUR");
        MimeMessage alert = TestMails.await(shop, host.mail(), guest, 2).get(1);
        assertThat(TestMails.subject(alert)).isEqualTo("Jacket M ist jetzt günstiger: 80,00 €");
        assertThat(TestMails.text(alert)).contains("statt 100,00 €");

        // the one-click unsubscribe of the alert ends the guest's subscriptions and leaves no address behind
        String listUnsubscribe = alert.getHeader("List-Unsubscribe", ", ");
        HttpResponse<String> unsubscribed = post(listUnsubscribe.substring(1, listUnsubscribe.indexOf('>')),
                "List-Unsubscribe=One-Click");
        assertThat(unsubscribed.statusCode()).isEqualTo(200);
        assertThat(rows(shop, "price_alert_subscription")).isZero();
        assertThat(shop.sql().fetchCount(shop.sql().selectFrom("price_alert_sent")
                .where("shop_id = ? and email is not null", shop.id()))).isZero();
    }

    @Test
    void watchingTheWishlistAlertsOnDropsOfWishlistedVariants(TestShop shop) {
        String anna = customer(shop, "anna");
        jacket(shop, "100.00", "EUR");
        shop.catalog().variant("v-2").product("boots", "Boots").name("42").price("60.00", "EUR").save();
        shop.publish(new WishlistItemAdded("anna", "v-1"));
        shop.publish(new WishlistItemAdded("anna", "v-2"));

        // not watching yet: the copy is kept, nothing is sent
        changePrice(shop, "100.00", "95.00", "EUR");
        assertThat(priceDrops(shop)).isEmpty();

        GraphQlResult watched = shop.storefront("anna").execute("""
                mutation { priceAlertWatchWishlist(input: {enabled: true}) { watchesWishlistPrices userErrors { code } } }""")
                .assertNoErrors();
        assertThat(watched.path("priceAlertWatchWishlist.watchesWishlistPrices").asBoolean()).isTrue();
        assertThat(shop.storefront("anna").execute("{ viewer { watchesWishlistPrices priceAlerts { nodes { id } } } }")
                .assertNoErrors().path("viewer.watchesWishlistPrices").asBoolean()).isTrue();

        changePrice(shop, "95.00", "90.00", "EUR");
        MimeMessage mail = TestMails.await(shop, host.mail(), anna, 1).getFirst();
        assertThat(TestMails.text(mail)).contains("instead of €100.00").contains("on your wishlist");

        shop.publish(new WishlistItemRemoved("anna", "v-2"));
        shop.catalog().variant("v-2").product("boots", "Boots").name("42").price("30.00", "EUR").save();
        shop.publish(new PriceChanged("v-2", eur("60.00"), eur("30.00")));
        assertThat(priceDrops(shop)).hasSize(1);
    }

    @Test
    void shopsAreIsolated(TestShop shop) {
        TestShop other = host.newShop().enable("price-alert");
        String anna = customer(shop, "anna");
        customer(other, "anna");
        jacket(shop, "100.00", "EUR");
        jacket(other, "100.00", "EUR");
        String id = subscribe(shop.storefront("anna"), Map.of("variantId", "v-1"))
                .path("priceAlertSubscribe.priceAlert.id").asString();

        changePrice(other, "100.00", "50.00", "EUR");
        assertThat(priceDrops(other)).isEmpty();
        assertThat(priceDrops(shop)).isEmpty();
        assertThat(other.storefront("anna").execute("{ viewer { priceAlerts { nodes { id } } } }").assertNoErrors()
                .path("viewer.priceAlerts.nodes")).isEmpty();
        assertThat(other.storefront("anna").execute("""
                mutation($id: ID!) { priceAlertCancel(input: {priceAlertId: $id}) { userErrors { code } } }""",
                Map.of("id", id)).assertNoErrors().path("priceAlertCancel.userErrors[0].code").asString())
                .isEqualTo("NOT_FOUND");

        changePrice(shop, "100.00", "90.00", "EUR");
        TestMails.await(shop, host.mail(), anna, 1);
        assertThat(priceDrops(shop)).hasSize(1);
        assertThat(priceDrops(other)).isEmpty();
    }

    @Test
    void eraseRemovesEverythingAboutTheCustomer(TestShop shop) {
        String anna = customer(shop, "anna");
        jacket(shop, "100.00", "EUR");
        subscribe(shop.storefront("anna"), Map.of("variantId", "v-1"));
        shop.storefront("anna").execute("mutation { priceAlertWatchWishlist(input: {enabled: true}) {"
                + " userErrors { code } } }").assertNoErrors();
        shop.publish(new WishlistItemAdded("anna", "v-1"));
        changePrice(shop, "100.00", "90.00", "EUR");
        TestMails.await(shop, host.mail(), anna, 1);

        Map<String, Object> export = shop.export("price-alert", "anna");
        assertThat((List<?>) export.get("priceAlerts")).hasSize(2);
        assertThat((List<?>) export.get("alertsSent")).hasSize(1);
        assertThat(export.get("watchesWishlistPrices")).isEqualTo(true);

        shop.erase("price-alert", "anna");

        Map<String, Object> after = shop.export("price-alert", "anna");
        assertThat((List<?>) after.get("priceAlerts")).isEmpty();
        assertThat((List<?>) after.get("alertsSent")).isEmpty();
        assertThat(after.get("watchesWishlistPrices")).isEqualTo(false);
        for (String table : List.of("price_alert_subscription", "price_alert_watcher", "price_alert_sent")) {
            assertThat(shop.sql().fetchCount(shop.sql().selectFrom(table)
                    .where("shop_id = ? and customer_id = ?", shop.id(), "anna"))).as(table).isZero();
        }
        changePrice(shop, "90.00", "50.00", "EUR");
        assertThat(priceDrops(shop)).hasSize(1);
    }

    // ---------------------------------------------------------------- helpers

    private static HttpResponse<String> post(String url, String form) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int rows(TestShop shop, String table) {
        return shop.sql().fetchCount(shop.sql().selectFrom(table).where("shop_id = ?", shop.id()));
    }

    /** A fresh shop with the feature enabled, caps off, and a customer with an address; returns the address. */
    private static String customer(TestShop shop, String customerId) {
        shop.enable("price-alert");
        shop.notifications().settings(Map.of("capMax", 0));
        String email = customerId + "-" + shop.id() + "@example.test";
        shop.customer(customerId, email, "en");
        return email;
    }

    private static void jacket(TestShop shop, String price, String currency) {
        shop.enable("price-alert");
        shop.catalog().variant("v-1").product("jacket", "Jacket").name("M").price(price, currency).save();
    }

    /** Updates the mirror and delivers the change, as the platform's webhook would. */
    private static void changePrice(TestShop shop, String from, String to, String currency) {
        String fromCurrency = priceCurrency(shop);
        shop.catalog().variant("v-1").product("jacket", "Jacket").name("M").price(to, currency).save();
        assertThat(shop.publish(new PriceChanged("v-1", new Money(new BigDecimal(from), fromCurrency),
                new Money(new BigDecimal(to), currency)))).as("failed listeners").isZero();
    }

    private static String priceCurrency(TestShop shop) {
        return shop.sql().resultQuery("select currency from catalog_variants where shop_id = ? and variant_id = 'v-1'",
                shop.id()).fetchOne(0, String.class);
    }

    /** The price-drop alerts the shop queued (whatever their delivery state). */
    private static List<NotifyMessagesRecord> priceDrops(TestShop shop) {
        return shop.notifications().messages().stream()
                .filter(message -> "price-drop".equals(message.getTemplate()))
                .toList();
    }

    private static GraphQlResult subscribe(dev.aftersales.testkit.GraphQlClient client, Map<String, Object> input) {
        return client.execute(SUBSCRIBE, Map.of("input", new HashMap<>(input))).assertNoErrors();
    }

    private static Money eur(String amount) {
        return new Money(new BigDecimal(amount), "EUR");
    }
}
