package dev.aftersales.host.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.aftersales.testkit.AftersalesHost;
import dev.aftersales.testkit.GraphQlClient;
import dev.aftersales.testkit.GraphQlResult;
import dev.aftersales.testkit.TestShop;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * Two host instances on one database, each with its own (empty) plugins directory: a plugin installed, upgraded or
 * uninstalled through instance A's operator API reaches instance B within seconds, while a client hammering B gets
 * only answers of the old or the new plugin; a third instance started later loads the stored jar.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PluginsAcrossInstancesTest {

    /** A database of its own per run: stored plugins outlive the JVM in the embedded server's data directory. */
    private static final String DATABASE = "aftersales_cluster_" + Long.toHexString(System.currentTimeMillis());

    @RegisterExtension
    static final AftersalesHost a = instance("instance-a");

    private static final AftersalesHost b = instance("instance-b");

    private static final String INSTALL = """
            mutation($jar: String!) { pluginInstall(input: {jarBase64: $jar}) {
              plugin { id version } userErrors { code message } } }""";
    private static final String DEPLOYMENTS = """
            { pluginDeployments { pluginId version desiredState
                instances { instanceId state loadedVersion error stale } } }""";
    /** What an uninstalled plugin's field answers: the field is gone from the shop's schema. */
    private static final Set<String> GONE = Set.of("FEATURE_DISABLED", "GRAPHQL_VALIDATION_FAILED");

    private static AftersalesHost instance(String id) {
        return AftersalesHost.withPlugins()
                .withProperty("aftersales.testkit.database", DATABASE)
                .withProperty("aftersales.cluster.instance-id", id)
                .withProperty("aftersales.cluster.plugin-poll-interval", "250ms");
    }

    @Test
    @Order(1)
    void installUpgradeAndUninstallReachEveryInstanceWithoutAFailedRequest() {
        b.baseUrl(); // starts instance B
        TestShop shop = a.newShop();
        GraphQlClient onB = b.client("/graphql", Map.of("X-Shop-Id", shop.id()));

        try (Hammer hammer = new Hammer(onB, "query Greet { greeting }")) {
            install(FixturePlugins.greeting());
            awaitEveryInstance("greeting", "LOADED", "1.0.0", "instance-a", "instance-b");
            shop.enable("greeting");
            await().atMost(Duration.ofSeconds(10)).until(() -> onB.execute("{ greeting }").errors().isEmpty());
            // before the install and until the shop enabled it, the field is simply not in B's schema
            assertThat(hammer.stop()).allSatisfy(answer -> assertThat(answer.isValid(GONE)).as(answer.toString()).isTrue());
        }
        assertThat(onB.execute("{ greeting enabledFeatures }").assertNoErrors().path("enabledFeatures").toString())
                .contains("greeting");

        try (Hammer hammer = new Hammer(onB, "query Greet { greeting }")) {
            install(FixturePlugins.greetingV2());
            awaitEveryInstance("greeting", "LOADED", "2.0.0", "instance-a", "instance-b");
            assertThat(onB.execute("{ greetingCount }").assertNoErrors().path("greetingCount").asInt()).isZero();
            List<Answer> answers = hammer.stop();
            assertThat(answers).isNotEmpty()
                    .allSatisfy(answer -> assertThat(answer.isValid(Set.of())).as(answer.toString()).isTrue());
        }
        assertThat(b.pluginsDir().resolve("greeting.jar")).exists();

        // a new instance whose plugins directory is empty loads the stored jar at start
        AftersalesHost c = instance("instance-c");
        assertThat(c.platformAdmin().execute("{ plugins { id version } }").assertNoErrors().path("plugins").toString())
                .contains("\"greeting\"").contains("2.0.0");
        assertThat(c.client("/graphql", Map.of("X-Shop-Id", shop.id())).execute("{ greetingCount }")
                .assertNoErrors().path("greetingCount").asInt()).isZero();
        awaitEveryInstance("greeting", "LOADED", "2.0.0", "instance-a", "instance-b", "instance-c");

        try (Hammer hammer = new Hammer(onB, "query Greet { greeting }")) {
            GraphQlResult uninstalled = a.platformAdmin().execute(
                    "mutation { pluginUninstall(input: {pluginId: \"greeting\"}) { uninstalled userErrors { code } } }")
                    .assertNoErrors();
            assertThat(uninstalled.path("pluginUninstall.uninstalled").asBoolean()).isTrue();
            awaitEveryInstance("greeting", "UNINSTALLED", null, "instance-a", "instance-b", "instance-c");
            List<Answer> answers = hammer.stop();
            assertThat(answers).allSatisfy(answer -> assertThat(answer.isValid(GONE)).as(answer.toString()).isTrue());
        }
        assertThat(onB.execute("{ greeting }").errorCodes()).isNotEmpty().allMatch(GONE::contains);
        assertThat(onB.execute("{ enabledFeatures }").assertNoErrors().path("enabledFeatures")).isEmpty();
        assertThat(b.platformAdmin().execute("{ plugins { id } }").assertNoErrors().path("plugins")).isEmpty();
        assertThat(b.pluginsDir().resolve("greeting.jar")).doesNotExist();
    }

    @Test
    @Order(2)
    void aPluginThatCannotLoadOnOneInstanceShowsFailedThereWithTheReason() {
        b.baseUrl();
        // instance D's own plugins directory holds a plugin that claims the greeting plugin's field
        AftersalesHost d = AftersalesHost.withPlugins(FixturePlugins.conflicting())
                .withProperty("aftersales.testkit.database", DATABASE)
                .withProperty("aftersales.testkit.free-checks", "false")
                .withProperty("aftersales.cluster.instance-id", "instance-d")
                .withProperty("aftersales.cluster.plugin-poll-interval", "250ms");
        d.baseUrl();

        install(FixturePlugins.greeting());

        awaitEveryInstance("greeting", "LOADED", "1.0.0", "instance-a", "instance-b");
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            JsonNode onD = instanceOf(deployment("greeting"), "instance-d");
            assertThat(onD.path("state").asString()).as(onD.toString()).isEqualTo("FAILED");
            assertThat(onD.path("error").asString()).contains("'conflicting'").contains("Query.greeting");
        });
        assertThat(d.platformAdmin().execute("{ pluginFailures { pluginId reason } }").assertNoErrors()
                .path("pluginFailures").toString()).contains("greeting").contains("'conflicting'");
        assertThat(a.platformAdmin().execute("{ plugins { id instances { instanceId state } } }").assertNoErrors()
                .path("plugins").toString()).contains("instance-d").contains("FAILED");

        a.platformAdmin().execute("mutation { pluginUninstall(input: {pluginId: \"greeting\"}) { uninstalled } }")
                .assertNoErrors();
        awaitEveryInstance("greeting", "UNINSTALLED", null, "instance-a", "instance-b", "instance-d");
    }

    @Test
    @Order(3)
    void everyInstanceReportsItsHeartbeatAndARefusedJarIsNotStored() {
        b.baseUrl();
        GraphQlResult instances = a.platformAdmin().execute("{ hostInstances { instanceId stale heartbeatAt } }")
                .assertNoErrors();
        assertThat(instances.path("hostInstances").valueStream().map(i -> i.path("instanceId").asString()).toList())
                .contains("instance-a", "instance-b");
        assertThat(instances.path("hostInstances").valueStream()
                .filter(i -> i.path("instanceId").asString().equals("instance-a")).findFirst().orElseThrow()
                .path("stale").asBoolean()).isFalse();

        GraphQlResult refused = a.platformAdmin().execute(INSTALL, Map.of("jar", base64(FixturePlugins.needsNewerApi())));
        assertThat(refused.path("pluginInstall.userErrors[0].code").asString()).isEqualTo("PLUGIN_REFUSED");
        // refused on the receiving instance: nothing is stored, no other instance tries it
        assertThat(a.platformAdmin().execute(DEPLOYMENTS).assertNoErrors().path("pluginDeployments").toString())
                .doesNotContain("future");
    }

    private static void install(Path jar) {
        GraphQlResult result = a.platformAdmin().execute(INSTALL, Map.of("jar", base64(jar))).assertNoErrors();
        assertThat(result.path("pluginInstall.userErrors")).as(result.toString()).isEmpty();
    }

    /** Waits until the operator API shows the plugin in {@code state} on each named instance. */
    private static void awaitEveryInstance(String pluginId, String state, String version, String... instanceIds) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            JsonNode deployment = deployment(pluginId);
            for (String instanceId : instanceIds) {
                JsonNode instance = instanceOf(deployment, instanceId);
                assertThat(instance.path("state").asString()).as(instance.toString()).isEqualTo(state);
                assertThat(instance.path("loadedVersion").asString(null)).as(instance.toString()).isEqualTo(version);
            }
        });
    }

    private static JsonNode deployment(String pluginId) {
        return a.platformAdmin().execute(DEPLOYMENTS).assertNoErrors().path("pluginDeployments").valueStream()
                .filter(d -> d.path("pluginId").asString().equals(pluginId)).findFirst()
                .orElseThrow(() -> new AssertionError("no deployment of " + pluginId));
    }

    private static JsonNode instanceOf(JsonNode deployment, String instanceId) {
        return deployment.path("instances").valueStream()
                .filter(i -> i.path("instanceId").asString().equals(instanceId)).findFirst()
                .orElseThrow(() -> new AssertionError(instanceId + " not listed: " + deployment));
    }

    private static String base64(Path jar) {
        try {
            return Base64.getEncoder().encodeToString(Files.readAllBytes(jar));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One answer of the hammering client. */
    record Answer(int status, List<String> errorCodes) {

        /** A 200 without errors, or with errors whose codes are all {@code allowed}. */
        boolean isValid(Set<String> allowed) {
            return status == 200 && errorCodes.stream().allMatch(allowed::contains);
        }
    }

    /** A client sending one query to an instance, back to back, until stopped; keeps every answer. */
    private static final class Hammer implements AutoCloseable {

        private final AtomicBoolean running = new AtomicBoolean(true);
        private final CompletableFuture<List<Answer>> answers;

        Hammer(GraphQlClient client, String query) {
            answers = CompletableFuture.supplyAsync(() -> {
                List<Answer> seen = new ArrayList<>();
                while (running.get()) {
                    GraphQlResult result = client.execute(query);
                    seen.add(new Answer(result.status(), result.errorCodes()));
                }
                return seen;
            });
        }

        List<Answer> stop() {
            running.set(false);
            return answers.join();
        }

        @Override
        public void close() {
            running.set(false);
        }
    }
}
