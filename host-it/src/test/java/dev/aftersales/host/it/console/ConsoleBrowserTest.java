package dev.aftersales.host.it.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.host.it.FixturePlugins;
import dev.aftersales.testkit.AftersalesHost;
import dev.aftersales.testkit.GraphQlResult;
import dev.aftersales.testkit.TestMails;
import dev.aftersales.testkit.TestShop;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import tools.jackson.databind.JsonNode;

/**
 * The operator console in a real browser (headless Chromium): what an operator does, and what a shop key or a forged
 * form cannot. One host and one browser for the class; every test signs in afresh on a shop of its own.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {

    @RegisterExtension
    static final AftersalesHost host = AftersalesHost.withPlugins(FixturePlugins.greeting(), FixturePlugins.connector(),
            FixturePlugins.tally());

    private static Browser browser;

    @BeforeAll
    static void startBrowser() {
        browser = new Browser(host.baseUrl());
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
    }

    @Test
    @Order(1)
    void operatorSignsInWithTheKeyInASessionCookieAndSignsOut(TestShop shop) {
        rename(shop, "<script>alert('x')</script> Outdoor");
        browser.driver().manage().deleteAllCookies();
        browser.open("/admin/shops");
        assertThat(browser.path()).isEqualTo("/admin/sign-in");

        // by keyboard alone: the key field has the focus, Enter signs in
        browser.driver().switchTo().activeElement().sendKeys(host.platformKey(), Keys.ENTER);

        assertThat(browser.path()).isEqualTo("/admin/shops");
        // the name is shown as text, not run: an alert would fail every later step of the browser
        assertThat(browser.find("#shops").getText()).contains("<script>alert('x')</script> Outdoor");
        Cookie session = browser.driver().manage().getCookieNamed("JSESSIONID");
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Lax");
        browser.screenshot("shops");

        browser.find("#sign-out").click();
        assertThat(browser.path()).isEqualTo("/admin/sign-in");
        assertThat(browser.text()).contains("You have signed out");
        browser.open("/admin/shops/" + shop.id());
        assertThat(browser.path()).isEqualTo("/admin/sign-in");
    }

    @Test
    @Order(2)
    void aShopKeySeesOnlyItsShopWhateverUrlItGuesses(TestShop own, TestShop other) {
        rename(other, "Secret Competitor");
        browser.signIn(keyOf(own));
        assertThat(browser.path()).isEqualTo("/admin/shops/" + own.id());

        for (String path : List.of("/admin/shops/" + other.id(), "/admin/shops/" + other.id() + "/features",
                "/admin/shops/" + other.id() + "/features/greeting", "/admin/shops/" + other.id() + "/messages",
                "/admin/shops/" + other.id() + "/integration", "/admin/shops/" + other.id() + "/reports",
                "/admin/shops/" + other.id() + "/messages/templates/notify/consent-confirm/en", "/admin/plugins")) {
            browser.open(path);
            assertThat(browser.find("h1").getText()).as(path).isEqualTo("Not found");
            assertThat(browser.text()).as(path).doesNotContain("Secret Competitor");
        }
        browser.open("/admin/shops");
        assertThat(browser.text()).contains(own.id()).doesNotContain(other.id()).doesNotContain("Secret Competitor");
    }

    @Test
    @Order(3)
    void aKeyCreatedInTheConsoleIsShownOnceAndRevokingItEndsItsSessions(TestShop shop, TestShop other) {
        browser.signIn(host.platformKey());
        browser.open("/admin/shops/" + shop.id());
        browser.type("#key-name", "ops laptop");
        browser.submit("#key-name");
        String key = browser.find("#new-key").getText();
        assertThat(key).startsWith("ak_");

        browser.signIn(key);
        assertThat(browser.path()).isEqualTo("/admin/shops/" + shop.id());
        String keyId = host.platformAdmin().execute("""
                query($id: ID!) { shop(id: $id) { adminApiKeys { id name revokedAt } } }""",
                Map.of("id", shop.id())).path("shop.adminApiKeys[0].id").asString();
        String revoke = """
                mutation($shop: ID!, $key: ID!) { adminApiKeyRevoke(input: {shopId: $shop, keyId: $key}) {
                  revoked userErrors { code } } }""";
        GraphQlResult byOtherShop = other.admin().execute(revoke, Map.of("shop", shop.id(), "key", keyId));
        assertThat(byOtherShop.path("adminApiKeyRevoke.revoked").asBoolean()).isFalse();
        assertThat(byOtherShop.path("adminApiKeyRevoke.userErrors[0].code").asString()).isEqualTo("NOT_FOUND");
        assertThat(host.platformAdmin().execute(revoke, Map.of("shop", shop.id(), "key", keyId))
                .path("adminApiKeyRevoke.revoked").asBoolean()).isTrue();
        assertThat(host.client("/admin/graphql", Map.of("Authorization", "Bearer " + key))
                .execute("{ shops { edges { node { id } } } }").errorCodes()).containsExactly("UNAUTHENTICATED");

        browser.open("/admin/shops/" + shop.id() + "/features");
        assertThat(browser.path()).isEqualTo("/admin/sign-in");
        assertThat(browser.text()).contains("was revoked");
        browser.signIn(host.platformKey());
        browser.open("/admin/shops/" + shop.id());
        assertThat(browser.find("#key-" + keyId).getText()).contains("ops laptop").contains("revoked");
        assertThat(browser.driver().getPageSource()).doesNotContain(key);
    }

    @Test
    @Order(4)
    void enablingAFeatureStatesAndMakesTheStorefrontChange(TestShop shop) {
        browser.signIn(host.platformKey());
        browser.open("/admin/shops/" + shop.id() + "/features");
        assertThat(storefrontQueryFields(shop)).doesNotContain("greeting");

        browser.find("#feature-greeting button").click();

        assertThat(browser.find("#effect").getText())
                .contains("The storefront gains these fields:").contains("Query.greeting");
        assertThat(storefrontQueryFields(shop)).contains("greeting", "greetings");
        browser.screenshot("features");

        browser.script("window.confirm = () => true");
        browser.find("#feature-greeting button").click();
        browser.waitUntil("the page states what the storefront loses", () -> browser.has("#effect")
                && browser.find("#effect").getText().contains("The storefront loses these fields:"));
        assertThat(storefrontQueryFields(shop)).doesNotContain("greeting");

        browser.open("/admin/shops/" + shop.id() + "/features?lang=de");
        assertThat(browser.find("h1").getText()).isEqualTo("Funktionen");
        browser.open("/admin/shops/" + shop.id() + "/features?lang=en");

        browser.driver().manage().window().setSize(new Dimension(768, 1024));
        browser.open("/admin/shops/" + shop.id() + "/features");
        assertThat(browser.script("return document.documentElement.scrollWidth <= window.innerWidth"))
                .as("a tablet shows the page without scrolling sideways").isEqualTo(true);
        browser.screenshot("features-tablet");
        browser.driver().manage().window().setSize(new Dimension(1280, 900));
    }

    @Test
    @Order(5)
    void anInvalidSettingShowsTheHostsReasonAndSavesNothing(TestShop shop) {
        shop.enable("greeting");
        browser.signIn(host.platformKey());
        browser.open("/admin/shops/" + shop.id() + "/features/greeting");
        assertThat(browser.find("#setting-maxMessages").getAttribute("max")).isEqualTo("10");
        assertThat(browser.find("#help-maxMessages").getText()).contains("How many greetings").contains("Default: 3");

        browser.type("#setting-salutation", "Moin");
        browser.type("#setting-maxMessages", "11");
        browser.find("#settings-form button[type=submit]").click();

        assertThat(browser.find("#settings-errors").getText()).contains("Nothing was saved");
        assertThat(browser.find("#error-maxMessages").getText()).containsIgnoringCase("10");
        assertThat(browser.find("#setting-maxMessages").getAttribute("aria-invalid")).isEqualTo("true");
        browser.screenshot("feature-settings-invalid");
        assertThat(settingsOf(shop)).containsEntry("salutation", "Hello").containsEntry("maxMessages", 3);

        browser.type("#setting-maxMessages", "5");
        browser.find("#settings-form button[type=submit]").click();
        assertThat(browser.text()).contains("Saved.");
        assertThat(settingsOf(shop)).containsEntry("salutation", "Moin").containsEntry("maxMessages", 5);
    }

    @Test
    @Order(6)
    void theTemplateEditorPreviewsLiveAndRefusesAnInvalidTemplate(TestShop shop) {
        browser.signIn(host.platformKey());
        browser.open("/admin/shops/" + shop.id() + "/messages");
        browser.find("a[href$='/messages/templates/notify/consent-confirm/en']").click();
        assertThat(browser.path()).endsWith("/messages/templates/notify/consent-confirm/en");
        assertThat(browser.find("#preview-subject").getText()).isNotBlank();

        browser.type("#subject", "<script>alert(1)</script> Bitte bestätigen");
        browser.waitUntil("the live preview shows the draft's subject", () -> browser.has("#preview-subject")
                && browser.find("#preview-subject").getText().equals("<script>alert(1)</script> Bitte bestätigen"));
        browser.screenshot("template-editor");

        browser.type("#text", "Hello ${noSuchVariable}\n<#if>");
        browser.waitUntil("the live preview shows the template's error", () -> browser.has("#preview-error"));
        assertThat(browser.find("#preview-error").getText()).containsIgnoringCase("line");

        browser.find("#template-form button[value=save]").click();
        assertThat(browser.find("#template-errors").getText()).contains("nothing was saved").contains("text");
        GraphQlResult templates = host.platformAdmin().execute("""
                query($id: ID!) { shop(id: $id) { notifications { templates { feature template overriddenLocales } } } }""",
                Map.of("id", shop.id()));
        assertThat(overriddenLocales(templates)).isEmpty();
    }

    @Test
    @Order(7)
    void aDeadLetterIsReplayedFromTheIntegrationPage(TestShop shop) {
        shop.enable("fixture-connector");
        shop.webhooks().send("stock.changed", Map.of("variantId", "v-late", "stock", 4,
                "updatedAt", "2026-11-23T10:00:00Z"));
        shop.awaitInboxProcessed();
        browser.signIn(host.platformKey());
        browser.open("/admin/shops/" + shop.id() + "/integration");
        assertThat(browser.find("#inbox-dead").getText()).contains("stock.changed").contains("v-late");
        browser.screenshot("integration");

        shop.catalog().variant("v-late", "Jacket", "M", "49.90", 0);
        browser.find("#inbox-dead button").click();
        assertThat(browser.find("#replayed").getText()).contains("1 dead letter(s) replayed");
        shop.awaitInboxProcessed();

        browser.open("/admin/shops/" + shop.id() + "/integration");
        assertThat(browser.find("#inbox-dead").getText()).contains("No dead letters");
        assertThat(browser.text()).contains("DONE: 1");
    }

    @Test
    @Order(8)
    void aPluginsReportPanelDrawsItsChartWithTheData(TestShop shop) {
        shop.enable("tally");
        for (String label : List.of("red", "red", "blue")) {
            shop.storefront().execute("mutation($l: String!) { tallyAdd(input: {label: $l}) { marks } }",
                    Map.of("l", label)).assertNoErrors();
        }
        browser.signIn(host.platformKey());
        browser.open("/admin/shops/" + shop.id() + "/reports");

        assertThat(browser.find("#panel-tallyReport").getText()).contains("marks").contains("3").contains("red");
        browser.waitUntil("Chart.js drew the panel's chart", () -> Boolean.TRUE.equals(browser.script(
                "const c = document.querySelector('#panel-tallyReport canvas'); return !!(window.Chart && Chart.getChart(c));")));
        assertThat(browser.script("""
                const chart = Chart.getChart(document.querySelector('#panel-tallyReport canvas'));
                return chart.data.labels.join(',') + '=' + chart.data.datasets[0].data.join(',');"""))
                .isEqualTo("red,blue=2,1");
        Object painted = browser.script("""
                const canvas = document.querySelector('#panel-tallyReport canvas');
                const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                let painted = 0;
                for (let i = 3; i < pixels.length; i += 4) { if (pixels[i] > 0) painted++; }
                return painted;""");
        assertThat(((Number) painted).longValue()).isGreaterThan(1000);
        assertThat(browser.has("#messages-chart")).isTrue();
        browser.screenshot("reports");
        browser.script("document.querySelector('#panel-tallyReport').scrollIntoView()");
        browser.screenshot("reports-plugin-panel");
    }

    @Test
    @Order(9)
    void aChangeWithoutTheCsrfTokenIsRefused(TestShop shop) {
        browser.signIn(host.platformKey());
        browser.open("/admin/shops/" + shop.id() + "/features");
        String action = "/admin/shops/" + shop.id() + "/features/greeting/enable";

        Object withoutToken = browser.asyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], {method: 'POST', redirect: 'manual', credentials: 'same-origin'})
                  .then(r => done(r.status));""", action);

        assertThat(((Number) withoutToken).intValue()).isEqualTo(403);
        assertThat(enabled(shop, "greeting")).isFalse();

        Object withToken = browser.asyncScript("""
                const done = arguments[arguments.length - 1];
                const token = document.querySelector('#feature-greeting input[name=_csrf]').value;
                fetch(arguments[0], {method: 'POST', redirect: 'manual', credentials: 'same-origin',
                    body: new URLSearchParams({_csrf: token})}).then(r => done(r.type));""", action);
        assertThat(withToken).isEqualTo("opaqueredirect");
        assertThat(enabled(shop, "greeting")).isTrue();
    }

    @Test
    @Order(11)
    void aShopIsCreatedAndEditedWithTheHostsReasonShownInline() {
        String id = "c-" + Long.toString(System.nanoTime(), 36);
        browser.signIn(host.platformKey());
        browser.open("/admin/shops");
        browser.type("#new-id", id);
        browser.type("#new-name", "Bergsport Huber");
        browser.submit("#new-name");
        assertThat(browser.path()).isEqualTo("/admin/shops/" + id);

        browser.type("#timeZone", "Mars/Olympus");
        browser.submit("#timeZone");
        assertThat(browser.find("#locale-form .field-error").getText()).isNotBlank();
        assertThat(browser.find("#timeZone").getAttribute("value")).isEqualTo("Mars/Olympus");
        browser.type("#name", "Bergsport Huber & Söhne");
        browser.submit("#name");

        GraphQlResult shop = host.platformAdmin().execute("""
                query($id: ID!) { shop(id: $id) { name notifications { settings { timeZone } } } }""",
                Map.of("id", id));
        assertThat(shop.path("shop.name").asString()).isEqualTo("Bergsport Huber & Söhne");
        assertThat(shop.path("shop.notifications.settings.timeZone").asString()).isNotEqualTo("Mars/Olympus");
    }

    @Test
    @Order(10)
    void aPluginTheHostCannotTakeIsRefusedWithItsReasonAndNothingChanges() {
        browser.signIn(host.platformKey());
        browser.open("/admin/plugins");
        String before = browser.find("#plugin-list").getText();
        assertThat(before).contains("greeting").contains("tally");

        browser.find("#jar").sendKeys(FixturePlugins.needsNewerApi().toAbsolutePath().toString());
        browser.submit("#jar");

        assertThat(browser.find("#plugin-errors").getText()).contains("PLUGIN_REFUSED").contains(">=2.0.0");
        assertThat(browser.find("#plugin-list").getText()).isEqualTo(before).doesNotContain("future");
        browser.screenshot("plugins");
    }

    @Test
    @Order(12)
    void messageSettingsShowTheHostsReasonAndTheWebhookSecretIsShownOnce(TestShop shop) {
        browser.signIn(host.platformKey());
        browser.open("/admin/shops/" + shop.id() + "/messages");
        browser.type("#capMax", "lots");
        browser.type("#quietStart", "21:00");
        browser.type("#quietEnd", "08:00");
        browser.submit("#capMax");
        assertThat(browser.find("#error-capMax").getText()).contains("'capMax' must be a whole number");
        assertThat(browser.find("#capMax").getAttribute("value")).isEqualTo("lots");
        assertThat(quietStart(shop)).isNull();

        browser.type("#capMax", "3");
        browser.submit("#capMax");
        assertThat(browser.text()).contains("Saved.");
        assertThat(quietStart(shop)).isEqualTo("21:00");

        browser.open("/admin/shops/" + shop.id() + "/integration");
        browser.submit("#grace");
        String secret = browser.find("#new-secret").getText();
        assertThat(secret).startsWith("whsec_");
        browser.open("/admin/shops/" + shop.id() + "/integration");
        assertThat(browser.driver().getPageSource()).doesNotContain(secret);
        assertThat(browser.text()).contains("A webhook secret is set");
    }

    @Test
    @Order(13)
    void aTestMailGoesOutWithTheShopsSettingsAndABadAddressIsRefused(TestShop shop) throws Exception {
        String to = "ops-" + shop.id() + "@shop.test";
        browser.signIn(host.platformKey());
        browser.open("/admin/shops/" + shop.id() + "/messages");
        browser.type("#testMailTo", "not-an-address");
        browser.submit("#testMailTo");
        assertThat(browser.find("#test-mail-result").getText()).contains("must be an e-mail address");

        browser.type("#testMailTo", to);
        browser.submit("#testMailTo");
        assertThat(browser.find("#test-mail-result").getText()).contains("accepted the test mail to " + to);
        MimeMessage mail = TestMails.await(host.mail(), to, 1).getFirst();
        assertThat(mail.getSubject()).startsWith("Test mail from");
    }

    /** Last: the wrong keys count against this client's address for the rest of the window. */
    @Test
    @Order(100)
    void wrongKeysAreRefusedAndThenRateLimited() {
        for (int attempt = 1; attempt <= 5; attempt++) {
            browser.signIn("ak_wrong-" + attempt);
            assertThat(browser.text()).contains("This key is not valid");
        }
        browser.signIn(host.platformKey());
        assertThat(browser.path()).isEqualTo("/admin/sign-in");
        assertThat(browser.text()).contains("Too many failed sign-ins");
    }

    private static void rename(TestShop shop, String name) {
        host.platformAdmin().execute("mutation($id: ID!, $name: String) { shopUpdate(input: {id: $id, name: $name}) "
                + "{ userErrors { message } } }", Map.of("id", shop.id(), "name", name)).assertNoErrors();
    }

    private static String keyOf(TestShop shop) {
        return host.platformAdmin().execute("mutation($id: ID!) { adminApiKeyCreate(input: {shopId: $id, "
                + "name: \"console\"}) { key } }", Map.of("id", shop.id())).assertNoErrors()
                .path("adminApiKeyCreate.key").asString();
    }

    private static List<String> storefrontQueryFields(TestShop shop) {
        List<String> names = new ArrayList<>();
        shop.storefront().execute("{ __type(name: \"Query\") { fields { name } } }").assertNoErrors()
                .path("__type.fields").forEach(field -> names.add(field.path("name").asString()));
        return names;
    }

    private static Map<String, Object> settingsOf(TestShop shop) {
        GraphQlResult result = shop.admin().execute("""
                query($id: ID!) { shop(id: $id) { plugins { pluginId settings } } }""", Map.of("id", shop.id()));
        for (var plugin : result.path("shop.plugins")) {
            if (plugin.path("pluginId").asString().equals("greeting")) {
                return Map.of("salutation", plugin.path("settings").path("salutation").asString(),
                        "maxMessages", plugin.path("settings").path("maxMessages").asInt());
            }
        }
        throw new AssertionError("greeting is not listed: " + result.json());
    }

    private static boolean enabled(TestShop shop, String pluginId) {
        GraphQlResult result = shop.admin().execute("""
                query($id: ID!) { shop(id: $id) { plugins { pluginId enabled } } }""", Map.of("id", shop.id()));
        for (var plugin : result.path("shop.plugins")) {
            if (plugin.path("pluginId").asString().equals(pluginId)) {
                return plugin.path("enabled").asBoolean();
            }
        }
        return false;
    }

    private static String quietStart(TestShop shop) {
        JsonNode start = shop.admin().execute("""
                query($id: ID!) { shop(id: $id) { notifications { settings { quietStart } } } }""",
                Map.of("id", shop.id())).path("shop.notifications.settings.quietStart");
        return start.isNull() ? null : start.asString();
    }

    private static List<String> overriddenLocales(GraphQlResult templates) {
        List<String> locales = new ArrayList<>();
        templates.path("shop.notifications.templates")
                .forEach(template -> template.path("overriddenLocales").forEach(l -> locales.add(l.asString())));
        return locales;
    }
}
