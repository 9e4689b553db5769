package dev.aftersales.plugins.loyalty;

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

/** The quick start's demo shop runs the loyalty programme with two tiers, and anna has points from her orders. */
class DemoLoyaltyIT {

    @RegisterExtension
    static final AftersalesHost host = AftersalesHost.withPluginUnderTest().withProperty("aftersales.demo", "true");

    @Test
    void annaHasPointsFromHerDeliveredDemoOrders() throws Exception {
        HttpResponse<String> tokenResponse = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(host.baseUrl() + "/demo/token?customer=anna"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        String token = JsonMapper.builder().build().readTree(tokenResponse.body()).path("token").asString();

        JsonNode loyalty = host.client("/graphql", Map.of("X-Shop-Id", "demo", "Authorization", "Bearer " + token))
                .execute(LoyaltyStorefront.STANDING).assertNoErrors().path("viewer.loyalty");

        // order 1001 (211.40 €) is available, 1002 (76.50 €) waits for its return window
        assertThat(loyalty.path("balance").asInt()).isEqualTo(211);
        assertThat(loyalty.path("pending").asInt()).isEqualTo(76);
        assertThat(loyalty.path("tier").path("name").asString()).isEqualTo("Bronze");
        assertThat(loyalty.path("nextTier").path("name").asString()).isEqualTo("Gold");
        assertThat(loyalty.path("rewards").size()).isEqualTo(2);
    }
}
