package dev.aftersales.host.it.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.testkit.AftersalesHost;
import dev.aftersales.testkit.GraphQlResult;
import dev.aftersales.testkit.TestMails;
import dev.aftersales.testkit.TestShop;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Operators' own versions of a feature's templates: validated on save, used for their shop, and reset. */
class TemplatesTest {

    @RegisterExtension
    static final AftersalesHost host = NotifyHosts.PRIMARY;

    private static final String SAVE = """
            mutation($input: NotificationTemplateSaveInput!) { notificationTemplateSave(input: $input) {
              template { feature template locales overriddenLocales } userErrors { field code message } } }""";

    private TestShop shop;

    @BeforeEach
    void shop() {
        shop = host.newShop().enable("pinger");
    }

    @Test
    void aTemplateWithAnUnknownVariableOrBrokenSyntaxIsRefusedOnSave() {
        GraphQlResult unknown = save("de", "Neu: ${produktName}", "<p>${number}</p>", "${number}");
        assertThat(unknown.path("notificationTemplateSave.userErrors[0].code").asString()).isEqualTo("TEMPLATE_INVALID");
        assertThat(unknown.path("notificationTemplateSave.userErrors[0].field[1]").asString()).isEqualTo("subject");
        assertThat(unknown.path("notificationTemplateSave.userErrors[0].message").asString())
                .contains("unknown variable or missing value 'produktName'").contains("number");

        GraphQlResult broken = save("de", "Ping ${number}", "<p><#if number>kaputt</p>", "${number}");
        assertThat(broken.path("notificationTemplateSave.userErrors[0].field[1]").asString()).isEqualTo("html");

        GraphQlResult unknownTemplate = saveTemplate("no-such", "de", "x", "x", "x");
        assertThat(unknownTemplate.path("notificationTemplateSave.userErrors[0].code").asString()).isEqualTo("NOT_FOUND");
        assertThat(templates().path("shop.notifications.templates").toString()).doesNotContain("\"overriddenLocales\":[\"de\"]");
    }

    @Test
    void aSavedVersionIsUsedForTheShopUntilItIsReset() {
        String anna = "anna-" + shop.id() + "@example.test";
        shop.customer("anna", anna, "de");
        GraphQlResult saved = save("de", "Sonderping ${number} für ${shop.name}",
                "<p>Sonderping ${number}: <a href=\"${link}\">hier</a></p>", "Sonderping ${number}: ${link}");
        assertThat(saved.path("notificationTemplateSave.userErrors").isEmpty()).isTrue();
        assertThat(saved.path("notificationTemplateSave.template.overriddenLocales[0]").asString()).isEqualTo("de");
        assertThat(shop.admin().execute("""
                query($shop: ID!) { shop(id: $shop) { notifications {
                  templatePreview(feature: "pinger", template: "ping", locale: "de") { subject origin } } } }""",
                Map.of("shop", shop.id())).path("shop.notifications.templatePreview.subject").asString())
                .isEqualTo("Sonderping 7 für Sample Shop");

        Pings.toCustomers(shop, "ALERT", "anna");
        assertThat(TestMails.subject(TestMails.await(host.mail(), anna, 1).getFirst())).isEqualTo("Sonderping 1 für Test shop");

        GraphQlResult reset = shop.admin().execute("""
                mutation($shop: ID!) { notificationTemplateReset(input: {shopId: $shop, feature: "pinger",
                  template: "ping", locale: "de"}) { template { overriddenLocales } userErrors { code } } }""",
                Map.of("shop", shop.id())).assertNoErrors();
        assertThat(reset.path("notificationTemplateReset.template.overriddenLocales").isEmpty()).isTrue();
        Pings.toCustomers(shop, "ALERT", "anna");
        assertThat(TestMails.await(host.mail(), anna, 2).stream().map(TestMails::subject)).contains("Ping Nummer 1");
    }

    @Test
    void aShippedTemplateThatDoesNotRenderMakesADeadLetterWithTheReason() {
        shop.customer("anna", "anna-" + shop.id() + "@example.test", "en");
        Pings.send(shop, Map.of("customerIds", java.util.List.of("anna"), "category", "ALERT", "template", "broken"));

        assertThat(shop.notifications().awaitState("DEAD", 1).getFirst().getReason())
                .startsWith("TEMPLATE: shipped template pinger/broken_en does not render")
                .contains("nosuchvariable");
    }

    private GraphQlResult templates() {
        return shop.admin().execute("query($shop: ID!) { shop(id: $shop) { notifications { templates { feature "
                + "template overriddenLocales } } } }", Map.of("shop", shop.id())).assertNoErrors();
    }

    private GraphQlResult save(String locale, String subject, String html, String text) {
        return saveTemplate("ping", locale, subject, html, text);
    }

    private GraphQlResult saveTemplate(String template, String locale, String subject, String html, String text) {
        Map<String, Object> input = new HashMap<>(Map.of("shopId", shop.id(), "feature", "pinger",
                "template", template, "locale", locale, "subject", subject, "html", html, "text", text));
        return shop.admin().execute(SAVE, Map.of("input", input)).assertNoErrors();
    }
}
