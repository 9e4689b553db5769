package dev.aftersales.host.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.testkit.AftersalesHost;
import dev.aftersales.testkit.GraphQlResult;
import dev.aftersales.testkit.TestShop;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

class PerShopSchemaTest {

    @RegisterExtension
    static final AftersalesHost host = AftersalesHost.withPlugins(FixturePlugins.greeting());

    private static final String QUERY_FIELDS = "{ __type(name: \"Query\") { fields { name } } }";

    @Test
    void introspectionShowsOnlyTheFeaturesTheShopEnabled(TestShop withGreeting, TestShop without) {
        withGreeting.enable("greeting");

        assertThat(queryFields(withGreeting)).contains("greeting", "greetings", "viewer");
        assertThat(queryFields(without)).contains("viewer").doesNotContain("greeting", "greetings");
    }

    @Test
    void aQueryForADisabledFeatureFailsValidationNamingTheFeature(TestShop shop) {
        GraphQlResult result = shop.storefront().execute("{ greeting(name: \"Anna\") }");

        assertThat(result.errorCodes()).containsExactly("FEATURE_DISABLED");
        assertThat(result.errors().getFirst().path("message").asString())
                .contains("'greeting'").contains("not enabled").contains(shop.id());
        assertThat(result.json().path("data").isMissingNode() || result.json().path("data").isNull()).isTrue();
    }

    @Test
    void enablingAndDisablingTakeEffectOnTheNextRequestWithoutRestart(TestShop shop) {
        assertThat(shop.storefront().execute("{ greeting }").errorCodes()).containsExactly("FEATURE_DISABLED");

        shop.enable("greeting");
        assertThat(shop.storefront().execute("{ greeting(name: \"Anna\") }").assertNoErrors()
                .path("greeting").asString()).isEqualTo("Hello, Anna");

        shop.disable("greeting");
        assertThat(shop.storefront().execute("{ greeting }").errorCodes()).containsExactly("FEATURE_DISABLED");
    }

    @Test
    void settingsChangeWhatTheFeatureDoesAndInvalidValuesChangeNothing(TestShop shop) {
        shop.enable("greeting").settings("greeting", Map.of("salutation", "Moin"));
        assertThat(shop.storefront().execute("{ greeting }").path("greeting").asString()).isEqualTo("Moin");

        GraphQlResult refused = shop.admin().execute("""
                mutation($shop: ID!) {
                  pluginSettingsUpdate(input: {shopId: $shop, pluginId: "greeting",
                      settings: {salutation: "Servus", maxMessages: 11, colour: "red"}}) {
                    shopPlugin { settings }
                    userErrors { field code message }
                  }
                }""", Map.of("shop", shop.id())).assertNoErrors();

        JsonNode errors = refused.path("pluginSettingsUpdate.userErrors");
        assertThat(errors).hasSize(2);
        assertThat(codesAndFields(errors)).containsExactlyInAnyOrder(
                "INVALID_SETTING input.settings.maxMessages", "UNKNOWN_SETTING input.settings.colour");
        assertThat(refused.path("pluginSettingsUpdate.shopPlugin").isNull()).isTrue();
        assertThat(shop.storefront().execute("{ greeting }").path("greeting").asString()).isEqualTo("Moin");
    }

    @Test
    void mutationsReturnUserErrorsForExpectedFailures(TestShop shop) {
        shop.enable("greeting").settings("greeting", Map.of("maxMessages", 1));
        String set = "mutation($m: String!) { greetingSet(input: {message: $m}) { message userErrors { code field } } }";

        assertThat(shop.storefront().execute(set, Map.of("m", "Hi")).path("greetingSet.message").asString())
                .isEqualTo("Hi");
        GraphQlResult full = shop.storefront().execute(set, Map.of("m", "Again"));

        assertThat(full.path("greetingSet.userErrors[0].code").asString()).isEqualTo("LIMIT_EXCEEDED");
        assertThat(shop.storefront().execute("{ greeting }").path("greeting").asString()).isEqualTo("Hi");
    }

    private static List<String> queryFields(TestShop shop) {
        return shop.storefront().execute(QUERY_FIELDS).assertNoErrors().path("__type.fields").valueStream()
                .map(field -> field.path("name").asString()).toList();
    }

    private static List<String> codesAndFields(JsonNode errors) {
        return errors.valueStream().map(error -> error.path("code").asString() + " "
                + String.join(".", error.path("field").valueStream().map(JsonNode::asString).toList())).toList();
    }
}
