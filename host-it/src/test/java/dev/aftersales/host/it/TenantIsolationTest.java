package dev.aftersales.host.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.host.tenancy.TenantGuardRefusals;
import dev.aftersales.testkit.AftersalesHost;
import dev.aftersales.testkit.GraphQlResult;
import dev.aftersales.testkit.TestShop;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TenantIsolationTest {

    @RegisterExtension
    static final AftersalesHost host = AftersalesHost.withPlugins(FixturePlugins.greeting());

    private static final String SET = "mutation($m: String!) { greetingSet(input: {message: $m}) { userErrors { code } } }";

    @Test
    void aShopNeverSeesAnotherShopsPluginData(TestShop shopA, TestShop shopB) {
        shopA.enable("greeting");
        shopB.enable("greeting");
        shopA.storefront("anna").execute(SET, Map.of("m", "Grüezi")).assertNoErrors();

        assertThat(shopA.storefront().execute("{ greeting }").path("greeting").asString()).isEqualTo("Grüezi");
        assertThat(shopB.storefront().execute("{ greeting }").path("greeting").asString()).isEqualTo("Hello");
        assertThat(shopB.storefront().execute("{ greetings(first: 10) { edges { node { message } } } }")
                .path("greetings.edges")).isEmpty();
    }

    @Test
    void theTenantGuardRefusesPluginSqlWithoutTheShopPredicate(TestShop shop) {
        shop.enable("greeting");
        shop.storefront().execute(SET, Map.of("m", "Hi")).assertNoErrors();

        GraphQlResult result = shop.storefront().execute("{ greetingUnscoped }");

        assertThat(result.errorCodes()).containsExactly("INTERNAL");
        assertThat(result.errors().getFirst().path("message").asString()).startsWith("Internal error (reference ");
        assertThat(result.json().toString()).doesNotContain("greeting_messages").doesNotContain("Exception");
        // taken here, or the free check after the class would report it
        assertThat(host.bean(TenantGuardRefusals.class).take("greeting")).containsExactly("`greeting_messages` is used"
                + " without `greeting_messages`.`shop_id` = <this shop> as a top-level AND condition of its query block");
    }

    @Test
    void shopAdminKeysManageOnlyTheirOwnShop(TestShop shopA, TestShop shopB) {
        GraphQlResult shops = shopA.admin().execute("{ shops(first: 10) { edges { node { id } } } }").assertNoErrors();
        assertThat(shops.path("shops.edges").valueStream().map(e -> e.path("node").path("id").asString()).toList())
                .isEqualTo(List.of(shopA.id()));
        assertThat(shopA.admin().execute("query($id: ID!) { shop(id: $id) { id } }", Map.of("id", shopB.id()))
                .path("shop").isNull()).isTrue();

        GraphQlResult enable = shopA.admin().execute("""
                mutation($shop: ID!) { pluginEnable(input: {shopId: $shop, pluginId: "greeting"}) {
                  shopPlugin { enabled } userErrors { code } } }""", Map.of("shop", shopB.id()));
        assertThat(enable.path("pluginEnable.userErrors[0].code").asString()).isEqualTo("NOT_FOUND");
        assertThat(shopB.storefront().execute("{ greeting }").errorCodes()).containsExactly("FEATURE_DISABLED");
    }

    @Test
    void theHostsOwnCatalogIsPerShop(TestShop shopA, TestShop shopB) {
        shopA.catalog().variant("v-1", "Jacket", "M", "49.90", 3);

        assertThat(shopA.storefront().execute("{ variant(id: \"v-1\") { name price { amount currencyCode } inStock } }")
                .assertNoErrors().path("variant.price.amount").asString()).isEqualTo("49.90");
        assertThat(shopB.storefront().execute("{ variant(id: \"v-1\") { name } }").assertNoErrors()
                .path("variant").isNull()).isTrue();
    }
}
