package dev.aftersales.host.it.notify;

import static dev.aftersales.host.jooq.Tables.CUSTOMERS;
import static dev.aftersales.host.jooq.Tables.NOTIFY_CONSENTS;
import static dev.aftersales.host.jooq.Tables.NOTIFY_MESSAGES;
import static dev.aftersales.host.jooq.Tables.NOTIFY_SUPPRESSIONS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.host.jooq.tables.records.NotifyMessagesRecord;
import dev.aftersales.testkit.AftersalesHost;
import dev.aftersales.testkit.GraphQlResult;
import dev.aftersales.testkit.TestMails;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Double opt-in for guests, expiry of unconfirmed requests, and the RFC 8058 one-click unsubscribe. */
class ConsentTest {

    @RegisterExtension
    static final AftersalesHost host = NotifyHosts.PRIMARY;

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern CONFIRM = Pattern.compile("Confirm: (\\S+)");

    private TestShop shop;
    private String guest;

    @BeforeEach
    void shop() {
        shop = host.newShop().enable("pinger");
        guest = "guest-" + shop.id() + "@example.test";
    }

    @Test
    void aGuestReceivesAlertsOnlyAfterConfirmingTheDoubleOptIn() throws Exception {
        assertThat(subscribe(guest)).isEqualTo("PENDING");
        MimeMessage confirmation = TestMails.await(host.mail(), guest, 1).getFirst();
        assertThat(TestMails.subject(confirmation)).isEqualTo("Please confirm: Ping me about things");
        assertThat(TestMails.html(confirmation)).doesNotContain("Angebote").doesNotContain("offers");
        String confirmUrl = confirmLink(confirmation);

        Pings.toGuest(shop, "ALERT", guest, "en");
        assertThat(shop.notifications().awaitState("DROPPED", 1).getFirst().getReason()).startsWith("NO_CONSENT");

        // a mail filter following the link (GET) confirms nothing
        assertThat(http("GET", confirmUrl, null).statusCode()).isEqualTo(200);
        assertThat(consentState(guest)).isEqualTo("PENDING");
        HttpResponse<String> confirmed = http("POST", confirmUrl, "");
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.body()).contains("confirmed");
        assertThat(consentState(guest)).isEqualTo("GRANTED");
        assertThat(subscribe(guest)).isEqualTo("GRANTED"); // subscribing twice: no second confirmation mail

        GraphQlResult events = shop.storefront().execute("{ pingerEvents pingerSubscriptions }").assertNoErrors();
        assertThat(events.path("pingerEvents[0]").asString()).isEqualTo("CONFIRMED:ALERT:" + guest);
        assertThat(events.path("pingerSubscriptions[0]").asString()).isEqualTo(guest + ":ACTIVE");
        GraphQlResult record = shop.admin().execute("""
                query($shop: ID!, $email: String) { shop(id: $shop) { notifications { consents(email: $email) {
                  category state source consentText confirmedAt history { action source at } } } } }""",
                Map.of("shop", shop.id(), "email", guest)).assertNoErrors();
        assertThat(record.path("shop.notifications.consents[0].consentText").asString())
                .contains("Ping me about things").contains("unsubscribe");
        assertThat(record.path("shop.notifications.consents[0].source").asString()).isEqualTo("double-opt-in");
        assertThat(record.path("shop.notifications.consents[0].history[1].action").asString()).isEqualTo("CONFIRMED");

        Pings.toGuest(shop, "ALERT", guest, "en");
        TestMails.await(host.mail(), guest, 2);
        assertThat(TestMails.to(host.mail(), guest)).hasSize(2);
    }

    @Test
    void anUnconfirmedRequestExpiresAndItsLinkNoLongerWorks() throws Exception {
        subscribe(guest);
        String confirmUrl = confirmLink(TestMails.await(host.mail(), guest, 1).getFirst());

        host.clock().advance(Duration.ofHours(73));
        shop.notifications().wakeUp();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> "EXPIRED".equals(consentState(guest)));

        assertThat(http("POST", confirmUrl, "").statusCode()).isEqualTo(404);
        assertThat(consentState(guest)).isEqualTo("EXPIRED");
    }

    @Test
    void aOneClickUnsubscribeBlocksTheCategoryAtOnce() throws Exception {
        String anna = "anna-" + shop.id() + "@example.test";
        shop.customer("anna", anna, "en");
        Pings.toCustomers(shop, "ALERT", "anna");
        MimeMessage alert = TestMails.await(host.mail(), anna, 1).getFirst();
        String listUnsubscribe = TestMails.header(alert, "List-Unsubscribe");
        String url = listUnsubscribe.substring(1, listUnsubscribe.indexOf('>'));

        HttpResponse<String> response = http("POST", url, "List-Unsubscribe=One-Click");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(shop.sql().select(NOTIFY_CONSENTS.STATE, NOTIFY_CONSENTS.SOURCE).from(NOTIFY_CONSENTS)
                .where(NOTIFY_CONSENTS.SHOP_ID.eq(shop.id()).and(NOTIFY_CONSENTS.RECIPIENT_KEY.eq("c:anna")))
                .fetchOne().intoList()).containsExactly("REVOKED", "one-click-unsubscribe");
        assertThat(shop.sql().fetchCount(NOTIFY_SUPPRESSIONS, NOTIFY_SUPPRESSIONS.SHOP_ID.eq(shop.id())
                .and(NOTIFY_SUPPRESSIONS.CATEGORY.eq("ALERT")))).isEqualTo(1);
        assertThat(shop.storefront().execute("{ pingerEvents }").path("pingerEvents[0]").asString())
                .isEqualTo("REVOKED:ALERT:anna");

        Pings.toCustomers(shop, "ALERT", "anna");
        Pings.toCustomers(shop, "REMINDER", "anna");
        NotifyMessagesRecord dropped = shop.notifications().awaitState("DROPPED", 1).getFirst();
        assertThat(dropped.getReason()).startsWith("UNSUBSCRIBED");
        shop.notifications().awaitState("SENT", 2);
        assertThat(TestMails.await(host.mail(), anna, 2).stream().map(TestMails::subject)).hasSize(2);
    }

    @Test
    void anErasedCustomerRemainsOnlyAsAHashOnTheSuppressionList() {
        String anna = "Anna-" + shop.id() + "@Example.test";
        shop.customer("anna", anna, "en");
        Pings.toCustomers(shop, "ALERT", "anna");
        shop.notifications().awaitState("SENT", 1);
        // the platform deleted the customer: the mirror no longer knows the address
        shop.sql().deleteFrom(CUSTOMERS).where(CUSTOMERS.SHOP_ID.eq(shop.id()).and(CUSTOMERS.CUSTOMER_ID.eq("anna")))
                .execute();

        GraphQlResult erased = shop.admin().execute("""
                mutation($shop: ID!) { notificationRecipientErase(input: {shopId: $shop, customerId: "anna"}) {
                  erased userErrors { code } } }""", Map.of("shop", shop.id())).assertNoErrors();

        assertThat(erased.path("notificationRecipientErase.erased").asBoolean()).isTrue();
        assertThat(shop.sql().fetchCount(NOTIFY_MESSAGES, NOTIFY_MESSAGES.SHOP_ID.eq(shop.id())
                .and(NOTIFY_MESSAGES.CUSTOMER_ID.isNotNull().or(NOTIFY_MESSAGES.RECIPIENT_KEY.eq("c:anna"))))).isZero();
        assertThat(shop.sql().fetchCount(NOTIFY_CONSENTS, NOTIFY_CONSENTS.SHOP_ID.eq(shop.id()))).isZero();
        String hash = sha256(anna.toLowerCase());
        assertThat(shop.sql().select(NOTIFY_SUPPRESSIONS.CATEGORY, NOTIFY_SUPPRESSIONS.EMAIL_HASH)
                .from(NOTIFY_SUPPRESSIONS).where(NOTIFY_SUPPRESSIONS.SHOP_ID.eq(shop.id()))
                .orderBy(NOTIFY_SUPPRESSIONS.CATEGORY).fetch(record -> record.value1() + ":" + record.value2()))
                .containsExactly("ALERT:" + hash, "MARKETING:" + hash, "REMINDER:" + hash);

        // the same address under a new account: not mailed without a new opt-in
        shop.customer("anna-new", anna, "en");
        Pings.toCustomers(shop, "ALERT", "anna-new");
        assertThat(shop.notifications().awaitState("DROPPED", 1).getFirst().getReason()).startsWith("UNSUBSCRIBED");
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String subscribe(String email) {
        return shop.storefront().execute("mutation($email: String!) { pingerSubscribe(input: {email: $email, "
                + "locale: \"en\"}) { consent userErrors { code } } }", Map.of("email", email)).assertNoErrors()
                .path("pingerSubscribe.consent").asString();
    }

    private String consentState(String email) {
        return shop.admin().execute("""
                query($shop: ID!, $email: String) { shop(id: $shop) { notifications { consents(email: $email) {
                  state } } } }""", Map.of("shop", shop.id(), "email", email)).assertNoErrors()
                .path("shop.notifications.consents[0].state").asString();
    }

    private static String confirmLink(MimeMessage confirmation) {
        Matcher matcher = CONFIRM.matcher(TestMails.text(confirmation));
        assertThat(matcher.find()).as("confirmation link in " + TestMails.text(confirmation)).isTrue();
        return matcher.group(1);
    }

    private static HttpResponse<String> http(String method, String url, String form) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (form == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
