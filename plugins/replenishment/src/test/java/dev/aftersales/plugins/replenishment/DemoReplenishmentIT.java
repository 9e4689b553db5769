package dev.aftersales.plugins.replenishment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.testkit.AftersalesHost;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The quick start's demo shop has consumables with usage days, and anna's socks are due. */
class DemoReplenishmentIT {

    @RegisterExtension
    static final AftersalesHost host = AftersalesHost.withPluginUnderTest().withProperty("aftersales.demo", "true");

    @Test
    void annasSocksAreDueFromHerOwnPace() throws Exception {
        HttpResponse<String> tokenResponse = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(host.baseUrl() + "/demo/token?customer=anna"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        String token = JsonMapper.builder().build().readTree(tokenResponse.body()).path("token").asString();

        JsonNode items = host.client("/graphql", Map.of("X-Shop-Id", "demo", "Authorization", "Bearer " + token))
                .execute(Consumables.ITEMS).assertNoErrors().path("viewer.replenishment.items");

        assertThat(items).hasSize(2);
        JsonNode socks = items.get(0);
        assertThat(socks.path("variantId").asString()).isEqualTo("socks-3pack");
        assertThat(socks.path("rule").asString()).isEqualTo("CUSTOMER_MEDIAN");
        assertThat(Instant.parse(socks.path("remindAt").asString())).isBeforeOrEqualTo(host.clock().instant());
        assertThat(items.get(1).path("variantId").asString()).isEqualTo("wax-100ml");
    }
}
