package dev.aftersales.plugins.replenishment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.aftersales.host.notify.tracking.Attribution;
import dev.aftersales.testkit.AftersalesHost;
import dev.aftersales.testkit.TestMails;
import dev.aftersales.testkit.TestShop;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** The reminder mail's links through the real host: buy again with the reference connector on WireMock, manage. */
class BuyAgainIT {

    @RegisterExtension
    static final AftersalesHost host = AftersalesHost.withPlugins(
            Path.of(System.getProperty(AftersalesHost.PLUGIN_JAR_PROPERTY)),
            Path.of(System.getProperty("aftersales.testkit.connector-jar")));

    private static final Instant T0 = Instant.parse("2027-03-01T07:00:00Z");
    private static final HttpClient HTTP = HttpClient.newHttpClient(); // follows no redirects

    /** anna bought a shampoo and a conditioner; on day 26 one reminder lists both. */
    private static JsonNode reminded(TestShop shop) {
        Consumables consumables = Consumables.shop(host, shop);
        shop.customer("anna", address(shop), "en");
        host.clock().set(T0);
        consumables.order("o-1", "anna", T0, "shampoo", 1, 0, "conditioner", 1, 0);
        host.clock().set(T0.plus(Duration.ofDays(26)));
        List<JsonNode> reminders = consumables.remind();
        assertThat(reminders).hasSize(1);
        return reminders.getFirst().path("data");
    }

    /** Each shop's own address: the host's GreenMail is shared by all tests of the class. */
    private static String address(TestShop shop) {
        return "anna@" + shop.id() + ".example.org";
    }

    private static String platform(TestShop shop) {
        String base = "/platform-" + shop.id();
        shop.enable("connector-rest").settings("connector-rest", Map.of("baseUrl", host.wireMock().baseUrl() + base,
                "apiKey", "test-api-key", "maxAttempts", 1, "readTimeoutMs", 10_000));
        return base;
    }

    private static void cartsAnswer(String base, int status) {
        host.wireMock().stubFor(post(urlEqualTo(base + "/carts")).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody("""
                        {"id": "cart-1", "checkoutUrl": "https://shop.test/checkout/cart-1", "lines": []}""")));
    }

    private static List<LoggedRequest> cartRequests(String base) {
        return host.wireMock().findAll(postRequestedFor(urlEqualTo(base + "/carts")));
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> press(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void buyAgainMakesOneCartWithTheDueLinesAndRedirectsToCheckout(TestShop shop) throws Exception {
        String base = platform(shop);
        cartsAnswer(base, 201);
        String link = reminded(shop).path("buyAgainUrl").asString();

        HttpResponse<String> first = get(link);
        HttpResponse<String> second = get(link);

        assertThat(first.statusCode()).isEqualTo(302);
        assertThat(first.headers().firstValue("Location")).hasValue("https://shop.test/checkout/cart-1");
        assertThat(second.headers().firstValue("Location")).hasValue("https://shop.test/checkout/cart-1");
        assertThat(cartRequests(base)).hasSize(1);
        assertThat(cartRequests(base).getFirst().getBodyAsString())
                .contains("\"conditioner\"").contains("\"shampoo\"").contains("\"anna\"");
    }

    @Test
    void clicksAtTheSameMomentMakeOneCart(TestShop shop) throws Exception {
        String base = platform(shop);
        cartsAnswer(base, 201);
        String link = reminded(shop).path("buyAgainUrl").asString();

        try (ExecutorService clicks = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<HttpResponse<String>>> answers = IntStream.range(0, 8)
                    .mapToObj(n -> clicks.submit(() -> get(link))).toList();
            for (Future<HttpResponse<String>> answer : answers) {
                // the one that makes the cart redirects; the others are told it is being prepared, or reuse it
                assertThat(answer.get().statusCode()).isIn(302, 503);
            }
        }

        assertThat(cartRequests(base)).hasSize(1);
        assertThat(get(link).headers().firstValue("Location")).hasValue("https://shop.test/checkout/cart-1");
    }

    @Test
    void linesOutOfStockAreLeftOutAndNamedOnTheLanding(TestShop shop) throws Exception {
        String base = platform(shop);
        cartsAnswer(base, 201);
        String link = reminded(shop).path("buyAgainUrl").asString();
        shop.catalog().variant("conditioner").product("p-conditioner", "Alpine Conditioner").name("200 ml")
                .price("9.50", "EUR").stock(0).save();

        HttpResponse<String> landing = get(link);

        assertThat(landing.statusCode()).isEqualTo(200);
        assertThat(landing.body()).contains("Not available right now: Alpine Conditioner – 200 ml")
                .contains("href=\"https://shop.test/checkout/cart-1\"");
        assertThat(cartRequests(base).getFirst().getBodyAsString()).doesNotContain("conditioner");
    }

    @Test
    void aPlatformThatIsDownGetsAPageThatRetriesAndNothingIsLost(TestShop shop) throws Exception {
        String base = platform(shop);
        cartsAnswer(base, 503);
        String link = reminded(shop).path("buyAgainUrl").asString();

        HttpResponse<String> down = get(link);
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.headers().firstValue("Retry-After")).isPresent();
        assertThat(down.body()).contains("The shop cannot be reached right now.").contains("http-equiv=\"refresh\"");

        cartsAnswer(base, 201);
        assertThat(get(link).headers().firstValue("Location")).hasValue("https://shop.test/checkout/cart-1");
    }

    @Test
    void anExpiredForgedOrForeignLinkIsRefused(TestShop shop) throws Exception {
        TestShop other = host.newShop();
        platform(shop);
        String link = reminded(shop).path("buyAgainUrl").asString();
        other.enable(ReplenishmentFeature.ID);

        assertThat(get(link.replace("/l/" + shop.id() + "/", "/l/" + other.id() + "/")).statusCode()).isEqualTo(404);
        assertThat(get(link + "x").statusCode()).isEqualTo(404);
        host.clock().advance(Duration.ofDays(15)); // linkValidityDays 14
        HttpResponse<String> expired = get(link);
        assertThat(expired.statusCode()).isEqualTo(404);
        assertThat(expired.body()).contains("This link is not valid.");
    }

    @Test
    void aStopLinkOnlyAsksUntilTheButtonIsPressed(TestShop shop) throws Exception {
        String stop = reminded(shop).path("items").get(0).path("stopUrl").asString();

        HttpResponse<String> question = get(stop);
        assertThat(question.body()).contains("Stop reminders for Alpine Conditioner – 200 ml?").contains("<form");
        assertThat(new Consumables(host, shop).item("anna", "conditioner").path("stopped").asBoolean()).isFalse();

        HttpResponse<String> done = press(stop);
        assertThat(done.body()).contains("You will receive no more reminders for Alpine Conditioner – 200 ml.");
        assertThat(new Consumables(host, shop).item("anna", "conditioner").path("stopped").asBoolean()).isTrue();
    }

    @Test
    void anOrderAfterTheMailsBuyAgainClickIsAttributedToReplenishment(TestShop shop) throws Exception {
        String base = platform(shop);
        cartsAnswer(base, 201);
        reminded(shop);
        String text = TestMails.text(TestMails.await(shop, host.mail(), address(shop), 1).getFirst());
        Matcher tracked = Pattern.compile("Buy again \\([^)]*\\): (\\S+)").matcher(text);
        assertThat(tracked.find()).as(text).isTrue();

        HttpResponse<String> click = get(tracked.group(1));
        assertThat(click.statusCode()).isEqualTo(302);
        assertThat(get(click.headers().firstValue("Location").orElseThrow()).headers().firstValue("Location"))
                .hasValue("https://shop.test/checkout/cart-1");
        new Consumables(host, shop).save("o-2", "anna", host.clock().instant().plusSeconds(60),
                dev.aftersales.api.catalog.Order.OrderStatus.PLACED, "shampoo", 2, 0, "conditioner", 1, 0);

        assertThat(host.bean(Attribution.class).orderPlaced(shop.id(), "o-2")).isTrue();
        JsonNode rows = shop.admin().execute("""
                { shop(id: "%s") { notifications { report(from: "2027-01-01T00:00:00Z", to: "2028-01-01T00:00:00Z") {
                  feature orders } } } }""".formatted(shop.id())).assertNoErrors()
                .path("shop.notifications.report");
        assertThat(rows.toString()).contains("\"feature\":\"replenishment\",\"orders\":1");
    }
}
