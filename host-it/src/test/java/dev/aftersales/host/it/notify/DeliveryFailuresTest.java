package dev.aftersales.host.it.notify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.aftersales.host.jooq.tables.records.NotifyMessagesRecord;
import dev.aftersales.host.webhooks.WebhookSignature;
import dev.aftersales.testkit.AftersalesHost;
import dev.aftersales.testkit.GraphQlResult;
import dev.aftersales.testkit.TestMails;
import dev.aftersales.testkit.TestShop;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** SMTP servers that are down or refuse, webhooks that time out: retries, dead letters, replay, nothing twice. */
class DeliveryFailuresTest {

    @RegisterExtension
    static final AftersalesHost host = NotifyHosts.PRIMARY;

    private TestShop shop;
    private String anna;

    @BeforeEach
    void shop() {
        shop = host.newShop().enable("pinger");
        anna = "anna-" + shop.id() + "@example.test";
        shop.customer("anna", anna, "en");
    }

    @Test
    void anSmtpServerThatIsDownIsRetriedWithBackoffThenParkedAndCanBeReplayed() throws Exception {
        shop.notifications().settings(Map.of("smtpHost", "127.0.0.1", "smtpPort", closedPort()));
        Pings.toCustomers(shop, "ALERT", "anna");

        NotifyMessagesRecord retry = shop.notifications().awaitState("RETRY", 1).getFirst();
        assertThat(retry.getAttempts()).isEqualTo(1);
        assertThat(retry.getReason()).startsWith("Attempt 1 failed: SMTP delivery failed");
        assertThat(retry.getNextAttemptAt().toInstant(java.time.ZoneOffset.UTC))
                .isAfter(host.clock().instant().plusSeconds(20));
        for (int attempt = 2; attempt <= 3; attempt++) {
            int expected = attempt;
            host.clock().advance(Duration.ofHours(2));
            shop.notifications().wakeUp();
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                    shop.notifications().messages().getFirst().getAttempts() == expected
                            && !"SENDING".equals(shop.notifications().messages().getFirst().getState()));
        }
        NotifyMessagesRecord dead = shop.notifications().awaitState("DEAD", 1).getFirst();
        assertThat(dead.getReason()).startsWith("Gave up after 3 attempts: SMTP delivery failed");
        GraphQlResult deadLetters = shop.admin().execute("""
                query($shop: ID!) { shop(id: $shop) { notifications { messages(state: "DEAD") { edges { node {
                  id state reason attempts } } } } } }""", Map.of("shop", shop.id())).assertNoErrors();
        assertThat(deadLetters.path("shop.notifications.messages.edges[0].node.reason").asString())
                .contains("Gave up after 3 attempts");
        assertThat(TestMails.to(host.mail(), anna)).isEmpty();

        shop.notifications().settings(Map.of("smtpHost", "")); // back to the host's SMTP server
        GraphQlResult replay = shop.admin().execute("""
                mutation($shop: ID!, $id: ID!) { notificationReplay(input: {shopId: $shop, messageId: $id}) {
                  replayed userErrors { code } } }""", Map.of("shop", shop.id(), "id",
                deadLetters.path("shop.notifications.messages.edges[0].node.id").asString())).assertNoErrors();
        assertThat(replay.path("notificationReplay.replayed").asBoolean()).isTrue();
        shop.notifications().awaitState("SENT", 1);
        assertThat(TestMails.await(host.mail(), anna, 1)).hasSize(1);
    }

    @Test
    void anSmtpServerThatRefusesTheRecipientParksTheMessageAtOnce() throws Exception {
        try (RefusingSmtpServer refusing = new RefusingSmtpServer()) {
            shop.notifications().settings(Map.of("smtpHost", "127.0.0.1", "smtpPort", refusing.port()));
            Pings.toCustomers(shop, "ALERT", "anna");

            NotifyMessagesRecord dead = shop.notifications().awaitState("DEAD", 1).getFirst();

            assertThat(dead.getAttempts()).isEqualTo(1);
            assertThat(dead.getReason()).startsWith("SMTP server refused the mail (550)");
            assertThat(dead.getCountedAt()).isNull(); // not sent: it does not count against the cap
        }
    }

    @Test
    void aWebhookThatTimesOutIsRetriedWithTheSameWebhookIdAndASignature() {
        String path = "/esp/" + shop.id();
        host.wireMock().stubFor(post(urlEqualTo(path)).inScenario(path).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(200).withFixedDelay(2_500)).willSetStateTo("fast"));
        host.wireMock().stubFor(post(urlEqualTo(path)).inScenario(path).whenScenarioStateIs("fast")
                .willReturn(aResponse().withStatus(202)));
        GraphQlResult settings = shop.admin().execute("""
                mutation($shop: ID!, $settings: JSON!) { notificationSettingsUpdate(input: {shopId: $shop,
                  settings: $settings}) { webhookSecret settings { channel } userErrors { code message } } }""",
                Map.of("shop", shop.id(), "settings", Map.of("channel", "WEBHOOK",
                        "webhookUrl", host.wireMock().baseUrl() + path))).assertNoErrors();
        String secret = settings.path("notificationSettingsUpdate.webhookSecret").asString();
        assertThat(secret).startsWith("whsec_");

        List<String> ids = Pings.toCustomers(shop, "ALERT", "anna");
        NotifyMessagesRecord retry = shop.notifications().awaitState("RETRY", 1).getFirst();
        assertThat(retry.getReason()).contains("Webhook timed out after 1000 ms");
        host.clock().advance(Duration.ofMinutes(5));
        shop.notifications().awaitState("SENT", 1);

        List<LoggedRequest> requests = host.wireMock().findAll(postRequestedFor(urlEqualTo(path)));
        assertThat(requests).hasSize(2);
        assertThat(requests).allSatisfy(request -> {
            assertThat(request.getHeader("webhook-id")).isEqualTo(ids.getFirst());
            assertThat(WebhookSignature.header(secret, request.getHeader("webhook-id"),
                    request.getHeader("webhook-timestamp"), request.getBody()))
                    .isEqualTo(request.getHeader("webhook-signature"));
        });
        assertThat(requests.getLast().getBodyAsString()).contains("\"subject\":\"Ping 1\"")
                .contains("\"customerId\":\"anna\"").contains("\"email\":\"" + anna + "\"");
        host.wireMock().verify(2, postRequestedFor(urlEqualTo(path)).withHeader("Content-Type",
                equalTo("application/json")));
        assertThat(TestMails.to(host.mail(), anna)).isEmpty();
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort(); // closed again when this returns: nothing listens there
        }
    }
}
