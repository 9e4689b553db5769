package dev.aftersales.plugins.wishlist;

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

/** The quick start's demo shop has the wishlist enabled and sample lists for anna. */
class DemoQuickStartIT {

    @RegisterExtension
    static final AftersalesHost host = AftersalesHost.withPluginUnderTest().withProperty("aftersales.demo", "true");

    @Test
    void annaHasSampleWishlistsWithVariants() throws Exception {
        HttpResponse<String> tokenResponse = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(host.baseUrl() + "/demo/token?customer=anna"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        String token = JsonMapper.builder().build().readTree(tokenResponse.body()).path("token").asString();

        JsonNode lists = host.client("/graphql", Map.of("X-Shop-Id", "demo", "Authorization", "Bearer " + token))
                .execute("{ viewer { wishlists(first: 10) { nodes { name itemCount "
                        + "items(first: 10) { nodes { note variant { name inStock } } } } } } }")
                .assertNoErrors().path("viewer.wishlists.nodes");

        assertThat(lists.valueStream().map(list -> list.path("name").asString()).toList())
                .containsExactly("Hiking trip", "Birthday");
        assertThat(lists.get(0).path("itemCount").asInt()).isEqualTo(2);
        assertThat(lists.get(1).path("items").path("nodes").get(0).path("variant").path("name").asString())
                .isEqualTo("One size");
    }
}
