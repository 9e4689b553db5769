package dev.aftersales.host.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.testkit.AftersalesHost;
import dev.aftersales.testkit.GraphQlResult;
import dev.aftersales.testkit.TestShop;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AdminApiTest {

    @RegisterExtension
    static final AftersalesHost host = AftersalesHost.withPlugins(FixturePlugins.greeting());

    @Test
    void withoutAKeyTheOperatorApiAnswers401() {
        GraphQlResult result = host.client("/admin/graphql", Map.of()).execute("{ plugins { id } }");

        assertThat(result.status()).isEqualTo(401);
        assertThat(result.errorCodes()).containsExactly("UNAUTHENTICATED");
        assertThat(host.client("/admin/graphql", Map.of("Authorization", "Bearer ak_wrong"))
                .execute("{ plugins { id } }").status()).isEqualTo(401);
    }

    @Test
    void listsInstalledPluginsWithVersionAndSettings(TestShop shop) {
        GraphQlResult plugins = shop.admin().execute("{ plugins { id version title requires } }").assertNoErrors();
        assertThat(plugins.path("plugins[0].id").asString()).isEqualTo("greeting");
        assertThat(plugins.path("plugins[0].version").asString()).isEqualTo("1.0.0");

        GraphQlResult view = shop.admin().execute("""
                query($id: ID!) { shop(id: $id) { plugins { pluginId enabled settings
                  settingDefinitions { key type defaultValue min max } } } }""", Map.of("id", shop.id()))
                .assertNoErrors();
        assertThat(view.path("shop.plugins[0].enabled").asBoolean()).isFalse();
        assertThat(view.path("shop.plugins[0].settings.salutation").asString()).isEqualTo("Hello");
        assertThat(view.path("shop.plugins[0].settingDefinitions[1].max").asString()).isEqualTo("10");
    }

    @Test
    void enablingAnUnknownPluginIsAUserError(TestShop shop) {
        GraphQlResult result = shop.admin().execute("""
                mutation($id: ID!) { pluginEnable(input: {shopId: $id, pluginId: "nope"}) {
                  shopPlugin { enabled } userErrors { field code message } } }""", Map.of("id", shop.id()));

        assertThat(result.path("pluginEnable.userErrors[0].code").asString()).isEqualTo("NOT_FOUND");
        assertThat(result.path("pluginEnable.userErrors[0].message").asString()).contains("nope");
    }

    @Test
    void onlyThePlatformKeyCreatesShops(TestShop shop) {
        GraphQlResult refused = shop.admin().execute(
                "mutation { shopCreate(input: {id: \"sneaky\", name: \"x\"}) { shop { id } userErrors { code } } }");
        assertThat(refused.errorCodes()).containsExactly("FORBIDDEN");

        GraphQlResult invalid = host.platformAdmin().execute(
                "mutation { shopCreate(input: {id: \"Not Valid!\", name: \"x\"}) { shop { id } userErrors { code field } } }");
        assertThat(invalid.path("shopCreate.userErrors[0].code").asString()).isEqualTo("INVALID");

        GraphQlResult taken = host.platformAdmin().execute("mutation($id: ID!) { shopCreate(input: {id: $id, name: \"x\"}) "
                + "{ shop { id } userErrors { code } } }", Map.of("id", shop.id()));
        assertThat(taken.path("shopCreate.userErrors[0].code").asString()).isEqualTo("TAKEN");
    }

    @Test
    void theShopConfigurationChangesOnTheNextRequest(TestShop shop) {
        shop.enable("greeting");
        assertThat(shop.storefront().execute("{ enabledFeatures }").path("enabledFeatures[0]").asString())
                .isEqualTo("greeting");
        shop.disable("greeting");
        assertThat(shop.storefront().execute("{ enabledFeatures }").path("enabledFeatures")).isEmpty();
    }
}
