package dev.aftersales.plugins.referral;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.testkit.AftersalesHost;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The quick start's demo shop runs the referral programme, and anna has a link to share. */
class DemoReferralIT {

    @RegisterExtension
    static final AftersalesHost host = AftersalesHost.withPluginUnderTest().withProperty("aftersales.demo", "true");

    @Test
    void annaHasAReferralLinkInTheDemoShop() throws Exception {
        HttpResponse<String> tokenResponse = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(host.baseUrl() + "/demo/token?customer=anna"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        String token = JsonMapper.builder().build().readTree(tokenResponse.body()).path("token").asString();

        JsonNode referral = host.client("/graphql", Map.of("X-Shop-Id", "demo", "Authorization", "Bearer " + token))
                .execute("{ viewer { referral { code link referredCount } } }").assertNoErrors()
                .path("viewer.referral");

        assertThat(referral.path("code").asString()).hasSize(10);
        assertThat(referral.path("link").asString()).startsWith("https://demo-outdoor.example/referral?ref=");
        assertThat(host.client("/graphql", Map.of("X-Shop-Id", "demo"))
                .execute("query($c: String!) { referralVisit(code: $c) { status friendDiscountPercent } }",
                        Map.of("c", referral.path("code").asString())).assertNoErrors()
                .path("referralVisit.friendDiscountPercent").asInt()).isEqualTo(15);
    }
}
