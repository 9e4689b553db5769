package dev.aftersales.host.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.testkit.AftersalesHost;
import dev.aftersales.testkit.GraphQlResult;
import dev.aftersales.testkit.TestShop;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A host whose plugins directory holds a corrupt jar and a jar for a newer plugin API next to a good one. */
class StartupFailuresTest {

    @RegisterExtension
    static final AftersalesHost host = AftersalesHost
            .withPlugins(FixturePlugins.corrupt(), FixturePlugins.withoutManifest(), FixturePlugins.needsNewerApi(),
                    FixturePlugins.greeting())
            .allowingLoadFailures();

    @Test
    void theHostStartsWithTheGoodPluginsAndReportsTheBadOnes(TestShop shop) throws Exception {
        shop.enable("greeting");
        assertThat(shop.storefront().execute("{ greeting }").assertNoErrors().path("greeting").asString())
                .isEqualTo("Hello");

        GraphQlResult failures = host.platformAdmin().execute("{ pluginFailures { jar pluginId reason } }")
                .assertNoErrors();
        assertThat(failures.path("pluginFailures").valueStream().map(f -> f.path("jar").asString()).toList())
                .containsExactlyInAnyOrder("corrupt.jar", "no-manifest.jar", "future-1.0.0.jar");
        assertThat(failures.path("pluginFailures").toString()).contains(">=2.0.0");
        assertThat(reason(failures, "corrupt.jar")).startsWith("it is not a jar file: it cannot be opened as a zip");
        assertThat(reason(failures, "no-manifest.jar")).startsWith("the jar has no manifest (META-INF/MANIFEST.MF)")
                .doesNotContain("Cannot invoke");

        JsonNode health = JsonMapper.builder().build().readTree(HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(host.baseUrl() + "/actuator/health"))
                        .header("Authorization", "Bearer " + host.platformKey()).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertThat(health.path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("plugins").path("details").path("loaded").toString())
                .contains("greeting 1.0.0");
        assertThat(health.path("components").path("plugins").path("details").path("failed").toString())
                .contains("corrupt.jar").contains("future-1.0.0.jar");
        assertThat(health.path("components").path("db").path("status").asString()).isEqualTo("UP");
    }

    private static String reason(GraphQlResult failures, String jar) {
        return failures.path("pluginFailures").valueStream().filter(f -> f.path("jar").asString().equals(jar))
                .findFirst().orElseThrow().path("reason").asString();
    }
}
