package dev.aftersales.host.it;

import static dev.aftersales.host.jooq.Tables.CATALOG_VARIANTS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.host.webhooks.Inbox;
import dev.aftersales.testkit.AftersalesHost;
import dev.aftersales.testkit.GraphQlResult;
import dev.aftersales.testkit.TestMails;
import dev.aftersales.testkit.TestShop;
import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Only http(s) URLs from outside reach mails, redirects and outgoing calls: the mirror, carts, operator settings. */
class PlatformUrlsTest {

    @RegisterExtension
    static final AftersalesHost host = AftersalesHost.withPlugins(FixturePlugins.connector(), FixturePlugins.keeper());

    @Test
    void aJavascriptProductUrlIsDeadLetteredWithTheReasonAndNeverReachesAMail() {
        TestShop shop = host.newShop().enable("fixture-connector").enable("keeper");
        String email = "buyer-" + shop.id() + "@example.test";

        shop.webhooks().send("variant.changed", Map.of("id", "v-js", "stock", 5, "url", "javascript:alert(1)",
                "updatedAt", "2026-11-23T10:00:00Z"));
        shop.webhooks().send("customer.changed", Map.of("id", "buyer", "email", email, "locale", "en",
                "updatedAt", "2026-11-23T10:00:00Z"));
        shop.webhooks().send("order.placed", Map.of("id", "o-1", "customerId", "buyer", "variantId", "v-js",
                "updatedAt", "2026-11-23T10:00:01Z"));
        shop.awaitInboxProcessed();

        GraphQlResult dead = deadLetters(shop);
        assertThat(dead.path("shop.inbox.deadLetters.edges").size()).isEqualTo(1);
        assertThat(dead.path("shop.inbox.deadLetters.edges[0].node.type").asString()).isEqualTo("variant.changed");
        assertThat(dead.path("shop.inbox.deadLetters.edges[0].node.lastError").asString())
                .contains("v-js").contains("url is not an http(s) URL").contains("javascript:alert(1)");
        assertThat(shop.sql().fetchCount(CATALOG_VARIANTS, CATALOG_VARIANTS.SHOP_ID.eq(shop.id()))).isZero();
        MimeMessage thanks = TestMails.await(host.mail(), email, 1).getFirst();
        assertThat(TestMails.html(thanks)).doesNotContainIgnoringCase("javascript");
        assertThat(TestMails.text(thanks)).doesNotContainIgnoringCase("javascript");
    }

    @Test
    void anImageUrlThatIsNotHttpRefusesTheFactAndNamesTheField() {
        TestShop shop = host.newShop().enable("fixture-connector");

        shop.webhooks().send("variant.changed", Map.of("id", "v-img", "stock", 5, "url", "https://shop.example/p",
                "imageUrl", "data:image/svg+xml;base64,PHN2Zz4=", "updatedAt", "2026-11-23T10:00:00Z"));
        shop.awaitInboxProcessed();

        assertThat(host.bean(Inbox.class).counts(shop.id()).get(Inbox.DEAD)).isEqualTo(1);
        assertThat(deadLetters(shop).path("shop.inbox.deadLetters.edges[0].node.lastError").asString())
                .contains("imageUrl is not an http(s) URL");
        assertThat(shop.sql().fetchCount(CATALOG_VARIANTS, CATALOG_VARIANTS.SHOP_ID.eq(shop.id()))).isZero();
    }

    @Test
    void aCartWhoseCheckoutUrlIsNotHttpIsRefused() {
        TestShop shop = host.newShop().enable("fixture-connector").enable("keeper");
        String checkout = "mutation($v: ID!) { keeperCheckout(input: {variantId: $v}) { checkoutUrl userErrors { code message } } }";

        GraphQlResult hostile = shop.storefront().execute(checkout, Map.of("v", "js-1")).assertNoErrors();
        GraphQlResult fine = shop.storefront().execute(checkout, Map.of("v", "v-1")).assertNoErrors();

        assertThat(hostile.path("keeperCheckout.checkoutUrl").isNull()).isTrue();
        assertThat(hostile.path("keeperCheckout.userErrors[0].message").asString())
                .contains("checkoutUrl is not an http(s) URL");
        assertThat(fine.path("keeperCheckout.checkoutUrl").asString()).isEqualTo("https://fixture.example/checkout/v-1");
    }

    @Test
    void operatorUrlsAndTemplateLinksMustBeHttp() {
        TestShop shop = host.newShop().enable("keeper");

        GraphQlResult jwks = host.platformAdmin().execute("""
                mutation($shop: ID!) { shopUpdate(input: {id: $shop, jwksUrl: "javascript:alert(1)"}) {
                  userErrors { field code message } } }""", Map.of("shop", shop.id())).assertNoErrors();
        assertThat(jwks.path("shopUpdate.userErrors[0].code").asString()).isEqualTo("INVALID");
        assertThat(jwks.path("shopUpdate.userErrors[0].message").asString()).contains("jwksUrl is not an http(s) URL");

        GraphQlResult webhook = shop.admin().execute("""
                mutation($shop: ID!) { notificationSettingsUpdate(input: {shopId: $shop,
                  settings: {channel: "WEBHOOK", webhookUrl: "javascript:alert(1)"}}) { userErrors { field code message } } }""",
                Map.of("shop", shop.id())).assertNoErrors();
        assertThat(webhook.path("notificationSettingsUpdate.userErrors[0].message").asString())
                .contains("http(s) URL");

        GraphQlResult template = shop.admin().execute("""
                mutation($shop: ID!) { notificationTemplateSave(input: {shopId: $shop, feature: "keeper",
                  template: "thanks", locale: "en", subject: "Thanks", text: "Thanks ${orderId}",
                  html: "<a href=\\"javascript:alert('${orderId}')\\">see</a>"}) { userErrors { field code message } } }""",
                Map.of("shop", shop.id())).assertNoErrors();
        assertThat(template.path("notificationTemplateSave.userErrors[0].code").asString())
                .isEqualTo("TEMPLATE_INVALID");
        assertThat(template.path("notificationTemplateSave.userErrors[0].message").asString())
                .contains("not an http(s) URL");
    }

    private static GraphQlResult deadLetters(TestShop shop) {
        return shop.admin().execute("""
                query($id: ID!) { shop(id: $id) { inbox { deadLetters(first: 5) { edges { node { type lastError } } } } } }""",
                Map.of("id", shop.id())).assertNoErrors();
    }
}
