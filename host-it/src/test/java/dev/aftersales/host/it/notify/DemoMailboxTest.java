package dev.aftersales.host.it.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.host.it.FixturePlugins;
import dev.aftersales.testkit.AftersalesHost;
import dev.aftersales.host.it.FixturePlugins;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The quick start has no SMTP server: in demo mode mail is kept and shown at GET /demo/mails. */
class DemoMailboxTest {

    @RegisterExtension
    static final AftersalesHost host = AftersalesHost.withPlugins(FixturePlugins.pinger())
            .withProperty("aftersales.demo", "true")
            .withProperty("spring.mail.host", "")
            .withProperty("aftersales.notify.poll-interval", "500ms")
            .withProperty("aftersales.testkit.free-checks", "false");

    @Test
    void demoModeKeepsMailForTheDemoMailsPage() throws Exception {
        // the demo shop outlives a test run in the embedded database: a new dedupe key makes a new message each run
        String messageKey = host.client("/graphql", Map.of("X-Shop-Id", "demo")).execute("""
                mutation($key: String!) { pingerSend(input: {emails: ["visitor@demo.example"], category: "TRANSACTIONAL",
                  dedupeKey: $key}) { messageIds } }""", Map.of("key", "demo-mail-" + UUID.randomUUID()))
                .assertNoErrors().path("pingerSend.messageIds[0]").asString();

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> mails().contains("Ping 1"));
        assertThat(mails()).contains("visitor@demo.example").contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
        // the Message-ID SMTP delivery uses (<message key@sender domain>), in the list and in the raw source
        JsonNode mail = JSON.readTree(mails()).get(0);
        String messageId = "<" + messageKey + "@localhost>";
        assertThat(mail.get("messageId").asString()).isEqualTo(messageId);
        assertThat(mail.get("raw").asString()).contains("Message-ID: " + messageId + "\r\n");
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static String mails() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(host.baseUrl() + "/demo/mails")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
