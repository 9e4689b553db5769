package dev.aftersales.plugins.connectorrest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.aftersales.api.platform.Cart;
import dev.aftersales.api.platform.CartLine;
import dev.aftersales.api.platform.PlatformException;
import dev.aftersales.api.platform.ShopPlatform;
import dev.aftersales.host.plugins.FeatureContexts;
import dev.aftersales.host.plugins.LoadedPlugin;
import dev.aftersales.host.plugins.PluginRuntime;
import dev.aftersales.host.tenancy.Shop;
import dev.aftersales.host.tenancy.ShopDirectory;
import dev.aftersales.testkit.AftersalesHost;
import dev.aftersales.testkit.GraphQlResult;
import dev.aftersales.testkit.TestShop;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * The packaged (shaded) plugin in a real host: the host finds its connector, and a feature's {@code shop.platform()}
 * reaches the platform with the shop's connector settings. The full path from a GraphQL mutation is the reorder
 * plugin's to test.
 */
class RestConnectorIT {

    @RegisterExtension
    static final AftersalesHost host = AftersalesHost.withPluginUnderTest();

    @Test
    void theHostLoadsTheConnectorOfThePlugin() {
        LoadedPlugin plugin = host.bean(PluginRuntime.class).plugin(ConnectorRestFeature.ID).orElseThrow();

        assertThat(plugin.connector()).isPresent();
        assertThat(plugin.descriptor().settings().definition("baseUrl")).isPresent();
    }

    @Test
    void aFeaturesCartRequestReachesThePlatformAndA503IsRetriedWithTheSameKey(TestShop shop) throws PlatformException {
        String path = "/platform/" + shop.id();
        shop.enable(ConnectorRestFeature.ID).settings(ConnectorRestFeature.ID,
                Map.of("baseUrl", host.wireMock().baseUrl() + path, "apiKey", "k", "retryBackoffMs", 10));
        host.wireMock().stubFor(post(path + "/carts").inScenario(shop.id()).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        host.wireMock().stubFor(post(path + "/carts").inScenario(shop.id()).whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(201).withBody("""
                        {"id": "cart-1", "checkoutUrl": "https://shop.example.com/checkout/cart-1",
                         "lines": [{"variantId": "v-1", "quantity": 2}]}""")));

        Cart cart = platformOf(shop).createCart("c-42", List.of(new CartLine("v-1", 2)));

        assertThat(cart.checkoutUrl()).isEqualTo("https://shop.example.com/checkout/cart-1");
        host.wireMock().verify(2, postRequestedFor(urlEqualTo(path + "/carts"))
                .withHeader("Authorization", equalTo("Bearer k"))
                .withRequestBody(equalToJson("{\"customerId\": \"c-42\", \"lines\": [{\"variantId\": \"v-1\", \"quantity\": 2}]}")));
        List<String> keys = host.wireMock().findAll(postRequestedFor(urlEqualTo(path + "/carts"))).stream()
                .map(request -> request.getHeader("Idempotency-Key")).distinct().toList();
        assertThat(keys).hasSize(1);
    }

    @Test
    void theApiKeyIsWriteOnlyForOperators(TestShop shop) throws PlatformException {
        String path = "/platform/" + shop.id();
        shop.enable(ConnectorRestFeature.ID).settings(ConnectorRestFeature.ID,
                Map.of("baseUrl", host.wireMock().baseUrl() + path, "apiKey", "sk_live_4242"));

        GraphQlResult plugins = shop.admin().execute("""
                query($shop: ID!) { shop(id: $shop) { plugins { pluginId settings secretsSet
                  settingDefinitions { key type } } } }""", Map.of("shop", shop.id())).assertNoErrors();

        assertThat(plugins.toString()).doesNotContain("sk_live_4242");
        JsonNode connector = plugins.path("shop.plugins").valueStream()
                .filter(plugin -> plugin.path("pluginId").asString().equals(ConnectorRestFeature.ID))
                .findFirst().orElseThrow();
        assertThat(connector.path("settings").has("apiKey")).isFalse();
        assertThat(connector.path("secretsSet").get(0).asString()).isEqualTo("apiKey");
        // the connector itself still reads it
        host.wireMock().stubFor(post(path + "/carts").willReturn(aResponse().withStatus(201).withBody("""
                {"id": "cart-2", "checkoutUrl": "https://shop.example.com/checkout/cart-2", "lines": []}""")));
        platformOf(shop).createCart("c-42", List.of(new CartLine("v-1", 1)));
        host.wireMock().verify(postRequestedFor(urlEqualTo(path + "/carts"))
                .withHeader("Authorization", equalTo("Bearer sk_live_4242")));
    }

    @Test
    void aFailingPlatformOpensTheShopsCircuitInThePackagedJar(TestShop shop) {
        String path = "/platform/" + shop.id();
        shop.enable(ConnectorRestFeature.ID).settings(ConnectorRestFeature.ID, Map.of("baseUrl",
                host.wireMock().baseUrl() + path, "apiKey", "k", "maxAttempts", 1, "circuitMinimumCalls", 1));
        host.wireMock().stubFor(post(path + "/carts").willReturn(aResponse().withStatus(500)));
        ShopPlatform platform = platformOf(shop);

        assertThatThrownBy(() -> platform.createCart("c-42", List.of(new CartLine("v-1", 1))))
                .isInstanceOf(PlatformException.class).hasMessageContaining("HTTP 500");
        assertThatThrownBy(() -> platform.createCart("c-42", List.of(new CartLine("v-1", 1))))
                .isInstanceOf(PlatformException.class).hasMessageContaining("failed repeatedly");

        host.wireMock().verify(1, postRequestedFor(urlEqualTo(path + "/carts")));
    }

    @Test
    void aShopThatHasNotEnabledTheConnectorIsNotConnected(TestShop shop) {
        assertThat(platformOf(shop).connected()).isFalse();
    }

    /** The shop's platform as any feature of the shop sees it through its {@code FeatureContext}. */
    private static ShopPlatform platformOf(TestShop testShop) {
        Shop shop = host.bean(ShopDirectory.class).find(testShop.id()).orElseThrow();
        LoadedPlugin plugin = host.bean(PluginRuntime.class).plugin(ConnectorRestFeature.ID).orElseThrow();
        return host.bean(FeatureContexts.class).forShop(shop, plugin).platform();
    }
}
