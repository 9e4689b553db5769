package dev.aftersales.host.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.testkit.AftersalesHost;
import dev.aftersales.testkit.GraphQlResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.json.JsonMapper;

/** Demo mode as the README's quick start uses it: seeded shop, token endpoint, GraphiQL, metrics. */
class QuickStartTest {

    @RegisterExtension
    static final AftersalesHost host = AftersalesHost.withPlugins(FixturePlugins.greeting())
            .withProperty("aftersales.demo", "true");

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void theDemoShopAnswersWithACustomerTokenFromTheTokenEndpoint() throws Exception {
        String token = JsonMapper.builder().build().readTree(send(HttpRequest.newBuilder(
                URI.create(host.baseUrl() + "/demo/token?customer=anna")).POST(HttpRequest.BodyPublishers.noBody())
                .build()).body()).path("token").asString();

        GraphQlResult result = host.client("/graphql", Map.of("X-Shop-Id", "demo", "Authorization", "Bearer " + token))
                .execute("{ viewer { id } enabledFeatures variant(id: \"jacket-m-blue\") { name inStock "
                        + "product { name variants { id inStock } } } greeting }")
                .assertNoErrors();

        assertThat(result.path("viewer.id").asString()).isEqualTo("anna");
        assertThat(result.path("enabledFeatures[0]").asString()).isEqualTo("greeting");
        assertThat(result.path("variant.inStock").asBoolean()).isFalse();
        assertThat(result.path("variant.product.variants")).hasSize(3);
    }

    @Test
    void graphiqlIsServedFromTheHostItself() throws Exception {
        HttpResponse<String> redirect = send(HttpRequest.newBuilder(URI.create(host.baseUrl() + "/graphiql")).build());
        assertThat(redirect.statusCode()).isEqualTo(302);

        HttpResponse<String> page = send(HttpRequest.newBuilder(
                URI.create(host.baseUrl() + "/graphiql/index.html")).build());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("graphiql.min.js").doesNotContain("https://");
        assertThat(send(HttpRequest.newBuilder(URI.create(host.baseUrl() + "/webjars/graphiql/graphiql.min.js"))
                .build()).statusCode()).isEqualTo(200);
    }

    @Test
    void prometheusMetricsAreTaggedByPlugin() throws Exception {
        host.client("/graphql", Map.of("X-Shop-Id", "demo")).execute("{ greeting }").assertNoErrors();

        String metrics = send(HttpRequest.newBuilder(URI.create(host.baseUrl() + "/actuator/prometheus")).build()).body();

        assertThat(metrics).contains("aftersales_graphql_field_seconds_count{field=\"Query.greeting\","
                + "outcome=\"success\",plugin=\"greeting\"");
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
