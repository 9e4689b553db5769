package dev.aftersales.plugins.reorder;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.aftersales.testkit.AftersalesHost;
import dev.aftersales.testkit.TestShop;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The shop platform of one test shop, played by the testkit's WireMock: the shop enables the reference connector
 * (plugins/connector-rest) with its address under a path of its own ({@code /platform-<shop id>}), so stubs and
 * verifications of different tests never meet.
 */
final class FakePlatform {

    /** System property the pom sets to the packaged reference connector. */
    static final String CONNECTOR_JAR_PROPERTY = "aftersales.testkit.connector-jar";
    static final String CONNECTOR = "connector-rest";
    static final String API_KEY = "test-api-key";
    /**
     * One attempt, and a read timeout generous enough for a loaded 2-core machine; the slow-platform test lowers it.
     * The circuit is per shop, so every test starts with a closed one.
     */
    private static final int READ_TIMEOUT_MS = 10_000;
    private static final int SLOW_TEST_READ_TIMEOUT_MS = 300;

    private final WireMockServer wireMock;
    private final String base;
    private final TestShop shop;

    private FakePlatform(WireMockServer wireMock, String base, TestShop shop) {
        this.wireMock = wireMock;
        this.base = base;
        this.shop = shop;
    }

    /** The plugin under test and the reference connector, for {@link AftersalesHost#withPlugins}. */
    static Path[] pluginJars() {
        String connector = System.getProperty(CONNECTOR_JAR_PROPERTY);
        if (connector == null) {
            throw new IllegalStateException("System property " + CONNECTOR_JAR_PROPERTY + " is not set: run the …IT "
                    + "classes with failsafe (this module's pom sets it)");
        }
        return new Path[] {Path.of(System.getProperty(AftersalesHost.PLUGIN_JAR_PROPERTY)), Path.of(connector)};
    }

    /** Enables the connector for the shop and points it at this shop's part of WireMock. */
    static FakePlatform connect(AftersalesHost host, TestShop shop) {
        String base = "/platform-" + shop.id();
        shop.enable(CONNECTOR);
        shop.settings(CONNECTOR, Map.of("baseUrl", host.wireMock().baseUrl() + base, "apiKey", API_KEY,
                "maxAttempts", 1, "readTimeoutMs", READ_TIMEOUT_MS));
        return new FakePlatform(host.wireMock(), base, shop);
    }

    /** {@code POST /carts} answers 201 with this cart (the lines as JSON, e.g. {@code [{"variantId":"v-1","quantity":2}]}). */
    void answersCart(String cartId, String linesJson) {
        wireMock.stubFor(post(urlEqualTo(base + "/carts")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("""
                        {"id": "%s", "checkoutUrl": "%s", "lines": %s}""".formatted(cartId, checkoutUrl(cartId),
                        linesJson))));
    }

    /** {@code POST /carts} fails with this HTTP status. */
    void failsCarts(int status) {
        wireMock.stubFor(post(urlEqualTo(base + "/carts")).willReturn(aResponse().withStatus(status)));
    }

    /** {@code POST /carts} answers, but only after the connector (with a short read timeout) stopped waiting. */
    void answersCartsTooLate() {
        shop.settings(CONNECTOR, Map.of("readTimeoutMs", SLOW_TEST_READ_TIMEOUT_MS));
        wireMock.stubFor(post(urlEqualTo(base + "/carts")).willReturn(aResponse().withStatus(201)
                .withFixedDelay((int) Duration.ofMillis(SLOW_TEST_READ_TIMEOUT_MS).multipliedBy(5).toMillis())
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\": \"late\", \"checkoutUrl\": \"https://shop.test/late\", \"lines\": []}")));
    }

    /** Exactly one cart request, authenticated, with an idempotency key, and this JSON body. */
    void verifyOneCartRequest(String bodyJson) {
        wireMock.verify(1, postRequestedFor(urlEqualTo(base + "/carts"))
                .withHeader("Authorization", equalTo("Bearer " + API_KEY))
                .withHeader("Idempotency-Key", matching(".+"))
                .withRequestBody(equalToJson(bodyJson)));
    }

    /** Cart requests of this shop, whatever their body. */
    int cartRequests() {
        return wireMock.findAll(postRequestedFor(urlEqualTo(base + "/carts"))).size();
    }

    static String checkoutUrl(String cartId) {
        return "https://shop.test/checkout/" + cartId;
    }
}
