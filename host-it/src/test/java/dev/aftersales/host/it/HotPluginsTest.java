package dev.aftersales.host.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.aftersales.api.PluginApi;
import dev.aftersales.host.plugins.LoadedPlugin;
import dev.aftersales.host.plugins.PluginConformance;
import dev.aftersales.host.plugins.PluginRuntime;
import dev.aftersales.testkit.AftersalesHost;
import dev.aftersales.testkit.GraphQlResult;
import dev.aftersales.testkit.TestShop;
import java.io.IOException;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Install, upgrade and uninstall through the operator API of a running host that starts with no plugins. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HotPluginsTest {

    /** A database of its own per run: installed plugins are stored in it and outlive the JVM. */
    @RegisterExtension
    static final AftersalesHost host = AftersalesHost.withPlugins()
            .withProperty("aftersales.testkit.database", "aftersales_hot_" + Long.toHexString(System.currentTimeMillis()));

    private static final String INSTALL = """
            mutation($jar: String!) { pluginInstall(input: {jarBase64: $jar}) {
              plugin { id version } userErrors { code message } } }""";

    @Test
    @Order(1)
    void installUpgradeAndUninstallWithoutRestartKeepingData() throws Exception {
        TestShop shop = host.newShop();
        GraphQlResult installed = install(FixturePlugins.greeting());
        assertThat(installed.path("pluginInstall.plugin.version").asString()).isEqualTo("1.0.0");
        assertThat(Files.exists(host.pluginsDir().resolve("greeting.jar"))).isTrue();

        shop.enable("greeting");
        shop.storefront().execute("mutation { greetingSet(input: {message: \"Kept\"}) { userErrors { code } } }")
                .assertNoErrors();
        assertThat(shop.storefront().execute("{ greetingCount }").errorCodes())
                .containsExactly("GRAPHQL_VALIDATION_FAILED");

        GraphQlResult upgraded = install(FixturePlugins.greetingV2());
        assertThat(upgraded.path("pluginInstall.plugin.version").asString()).isEqualTo("2.0.0");
        assertThat(shop.storefront().execute("{ greetingCount greeting }").assertNoErrors()
                .path("greetingCount").asInt()).isEqualTo(1);
        assertThat(shop.sql().fetchExists(shop.sql().selectOne().from("information_schema.columns")
                .where("table_schema = database() and table_name = 'greeting_messages' and column_name = 'language'")))
                .isTrue();

        uninstall("greeting");
        assertThat(shop.storefront().execute("{ greeting }").errorCodes()).containsExactly("GRAPHQL_VALIDATION_FAILED");
        assertThat(Files.exists(host.pluginsDir().resolve("greeting.jar"))).isFalse();

        install(FixturePlugins.greeting());
        assertThat(shop.storefront().execute("{ greeting }").assertNoErrors().path("greeting").asString())
                .isEqualTo("Kept");
        uninstall("greeting");
    }

    @Test
    @Order(2)
    void anUpgradeRefusedWhileLoadingLeavesThePreviousVersionRunning() {
        TestShop shop = host.newShop();
        install(FixturePlugins.greeting());
        shop.enable("greeting");

        GraphQlResult refused = host.platformAdmin().execute(INSTALL, Map.of("jar", base64(FixturePlugins.greetingBroken())));

        assertThat(refused.path("pluginInstall.userErrors[0].code").asString()).isEqualTo("PLUGIN_REFUSED");
        assertThat(refused.path("pluginInstall.userErrors[0].message").asString()).contains("'greeting'");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(host.platformAdmin()
                .execute("{ plugins { id version } }").assertNoErrors().path("plugins").toString())
                .isEqualTo("[{\"id\":\"greeting\",\"version\":\"1.0.0\"}]"));
        assertThat(shop.storefront().execute("{ greeting }").assertNoErrors().path("greeting").asString())
                .isEqualTo("Hello");
        uninstall("greeting");
    }

    @Test
    @Order(3)
    void uninstallLetsRequestsInFlightFinishAndFreesTheClassLoader() {
        TestShop shop = host.newShop();
        install(FixturePlugins.greeting());
        shop.enable("greeting");
        WeakReference<ClassLoader> loader = new WeakReference<>(
                host.bean(PluginRuntime.class).plugin("greeting").map(LoadedPlugin::classLoader).orElseThrow());

        CompletableFuture<GraphQlResult> inFlight = CompletableFuture.supplyAsync(
                () -> shop.storefront().execute("{ greetingSlow(millis: 1500) }"));
        await().atMost(Duration.ofSeconds(5)).until(() -> shop.storefront()
                .execute("{ greeting }").errors().isEmpty());
        uninstall("greeting");

        assertThat(inFlight.join().assertNoErrors().path("greetingSlow").asString()).isEqualTo("slow Hello");
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> {
            System.gc();
            return loader.get() == null;
        });
    }

    @Test
    @Order(4)
    void aPluginClaimingAnotherPluginsFieldIsRefusedNamingBoth() {
        TestShop shop = host.newShop();
        install(FixturePlugins.greeting());
        shop.enable("greeting");

        GraphQlResult refused = host.platformAdmin().execute(INSTALL, Map.of("jar", base64(FixturePlugins.conflicting())));

        String message = refused.path("pluginInstall.userErrors[0].message").asString();
        assertThat(refused.path("pluginInstall.userErrors[0].code").asString()).isEqualTo("PLUGIN_REFUSED");
        assertThat(message).contains("'conflicting'").contains("'greeting'").contains("Query.greeting");
        assertThat(shop.storefront().execute("{ greeting }").assertNoErrors().path("greeting").asString())
                .isEqualTo("Hello");
        uninstall("greeting");
    }

    @Test
    @Order(5)
    void corruptJarsAndJarsForANewerApiAreRefusedWithTheReason() {
        GraphQlResult corrupt = host.platformAdmin().execute(INSTALL, Map.of("jar", base64(FixturePlugins.corrupt())));
        assertThat(corrupt.path("pluginInstall.userErrors[0].code").asString()).isEqualTo("INVALID_JAR");
        assertThat(corrupt.path("pluginInstall.userErrors[0].message").asString())
                .startsWith("The uploaded file was not installed: it is not a jar file");

        GraphQlResult noManifest = host.platformAdmin().execute(INSTALL,
                Map.of("jar", base64(FixturePlugins.withoutManifest())));
        assertThat(noManifest.path("pluginInstall.userErrors[0].code").asString()).isEqualTo("INVALID_JAR");
        assertThat(noManifest.path("pluginInstall.userErrors[0].message").asString())
                .contains("has no manifest (META-INF/MANIFEST.MF)").contains("Plugin-Id")
                .doesNotContain("Cannot invoke").doesNotContain("null");

        GraphQlResult newer = host.platformAdmin().execute(INSTALL, Map.of("jar", base64(FixturePlugins.needsNewerApi())));
        assertThat(newer.path("pluginInstall.userErrors[0].message").asString())
                .contains("'future'").contains(">=2.0.0")
                .contains("this host provides " + PluginApi.VERSION);

        assertThat(host.platformAdmin().execute("{ plugins { id } }").path("plugins")).isEmpty();
        assertThat(host.pluginsDir()).isEmptyDirectory();
    }

    @Test
    @Order(6)
    void anUninstalledPluginIsNeitherAnEnabledFeatureNorListed() {
        TestShop shop = host.newShop();
        install(FixturePlugins.greeting());
        shop.enable("greeting");
        assertThat(shop.storefront().execute("{ enabledFeatures }").assertNoErrors().path("enabledFeatures").toString())
                .isEqualTo("[\"greeting\"]");

        uninstall("greeting");

        assertThat(shop.storefront().execute("{ enabledFeatures }").assertNoErrors().path("enabledFeatures")).isEmpty();
        assertThat(host.platformAdmin().execute("{ plugins { id } }").assertNoErrors().path("plugins")).isEmpty();
        assertThat(shop.admin().execute("query($id: ID!) { shop(id: $id) { plugins { pluginId } } }",
                Map.of("id", shop.id())).assertNoErrors().path("shop.plugins")).isEmpty();
    }

    @Test
    @Order(7)
    void onlyThePlatformInstallsPlugins(TestShop shop) {
        GraphQlResult refused = shop.admin().execute(INSTALL, Map.of("jar", base64(FixturePlugins.greeting())));

        assertThat(refused.errorCodes()).containsExactly("FORBIDDEN");
        assertThat(host.bean(PluginRuntime.class).plugins()).isEmpty();
    }

    @Test
    @Order(8)
    void theFreeChecksNameEveryBrokenConvention() {
        install(FixturePlugins.sloppy());

        List<String> problems = host.bean(PluginConformance.class).problems(true);

        assertThat(problems).contains(
                "sloppy: mutation sloppySet returns a payload without 'userErrors: [UserError!]!'",
                "sloppy: mutation sloppySet must take exactly one argument, named 'input'",
                "sloppy: Query.sloppyThings has no resolver",
                "sloppy: table sloppy_things has no shop_id column");
        assertThat(problems).anyMatch(problem -> problem.startsWith("sloppy: Query.sloppyThings has no description"));
        assertThat(problems).anyMatch(problem -> problem.startsWith("sloppy: type SloppyThing has no description"));
        assertThat(problems).anyMatch(problem -> problem.startsWith("sloppy: Mutation.sloppySet(a) has no description"));
        uninstall("sloppy");
    }

    private static GraphQlResult install(Path jar) {
        GraphQlResult result = host.platformAdmin().execute(INSTALL, Map.of("jar", base64(jar))).assertNoErrors();
        assertThat(result.path("pluginInstall.userErrors")).as(result.toString()).isEmpty();
        return result;
    }

    private static void uninstall(String pluginId) {
        GraphQlResult result = host.platformAdmin().execute(
                "mutation($id: ID!) { pluginUninstall(input: {pluginId: $id}) { uninstalled userErrors { code } } }",
                Map.of("id", pluginId)).assertNoErrors();
        assertThat(result.path("pluginUninstall.uninstalled").asBoolean()).isTrue();
    }

    private static String base64(Path jar) {
        try {
            return Base64.getEncoder().encodeToString(Files.readAllBytes(jar));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
