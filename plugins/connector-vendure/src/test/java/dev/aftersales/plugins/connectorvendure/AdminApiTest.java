package dev.aftersales.plugins.connectorvendure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.aftersales.api.platform.PlatformException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Admin API client's failure paths against WireMock standing in for Vendure. */
class AdminApiTest {

    private static final WireMockServer vendure = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    private static final String QUERY = "{ productVariant(id: \"1\") { id } }";

    private final AdminApi api = new AdminApi();
    private final String shop = "shop-" + UUID.randomUUID();
    /** Each test's own address: WireMock logs a delayed request only once it answered, after its test. */
    private final String path = "/admin-api/" + shop;

    @BeforeAll
    static void start() {
        vendure.start();
    }

    @AfterAll
    static void stop() {
        vendure.stop();
    }

    @Test
    void sendsTheApiKeyAndChannelTokenAndAnswersTheData() throws PlatformException {
        vendure.stubFor(post(path).willReturn(okJson("{\"data\": {\"productVariant\": {\"id\": \"1\"}}}")));

        assertThat(api.call(shop, settings(3, 5), Clock.systemUTC(), QUERY, Map.of())
                .path("productVariant").path("id").asString()).isEqualTo("1");

        vendure.verify(postRequestedFor(urlEqualTo(path)).withHeader("vendure-api-key", equalTo("key-1"))
                .withHeader("vendure-token", equalTo("channel-1")));
    }

    @Test
    void aServerErrorIsRetriedAndThenSucceeds() throws PlatformException {
        vendure.stubFor(post(path).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        vendure.stubFor(post(path).inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(okJson("{\"data\": {\"productVariant\": null}}")));

        assertThat(api.call(shop, settings(3, 5), Clock.systemUTC(), QUERY, Map.of()).path("productVariant").isNull())
                .isTrue();
        vendure.verify(2, postRequestedFor(urlEqualTo(path)));
    }

    @Test
    void aRefusedKeyIsNeitherRetriedNorRetryable() {
        vendure.stubFor(post(path).willReturn(okJson("""
                {"errors": [{"message": "You are not currently authorized to perform this action",
                  "extensions": {"code": "FORBIDDEN"}}], "data": null}""")));

        assertThatThrownBy(() -> api.call(shop, settings(3, 5), Clock.systemUTC(), QUERY, Map.of()))
                .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining("refused the connector's API key");
        vendure.verify(1, postRequestedFor(urlEqualTo(path)));
    }

    @Test
    void anHttp401IsARefusedKey() {
        vendure.stubFor(post(path).willReturn(aResponse().withStatus(401)));

        assertThatThrownBy(() -> api.call(shop, settings(3, 5), Clock.systemUTC(), QUERY, Map.of()))
                .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessage("Vendure refused the connector's API key (HTTP 401)");
        vendure.verify(1, postRequestedFor(urlEqualTo(path)));
    }

    @Test
    void aSlowAnswerTimesOutRetryably() {
        vendure.stubFor(post(path).willReturn(okJson("{\"data\": {}}").withFixedDelay(1500)));
        VendureSettings slow = new VendureSettings(vendure.baseUrl() + path, "key-1", "", "", "", 2,
                Duration.ofMillis(500), Duration.ofMillis(300), 2, Duration.ofMillis(10),
                new VendureSettings.Circuit(50, 5, Duration.ofSeconds(30)));

        assertThatThrownBy(() -> api.call(shop, slow, Clock.systemUTC(), QUERY, Map.of()))
                .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.retryable()).isTrue())
                .hasMessage("Vendure did not answer in 0.3 s");
    }

    @Test
    void anAnswerThatIsNotJsonIsUnreadableAndNotRetried() {
        vendure.stubFor(post(path).willReturn(aResponse().withStatus(200).withBody("<html>proxy</html>")));

        assertThatThrownBy(() -> api.call(shop, settings(3, 5), Clock.systemUTC(), QUERY, Map.of()))
                .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessage("Vendure sent an answer that is not JSON (HTTP 200)");
        vendure.verify(1, postRequestedFor(urlEqualTo(path)));
    }

    @Test
    void aFailingVendureOpensTheShopsCircuit() {
        vendure.stubFor(post(path).willReturn(aResponse().withStatus(500)));
        VendureSettings settings = settings(1, 1);

        assertThatThrownBy(() -> api.call(shop, settings, Clock.systemUTC(), QUERY, Map.of()))
                .hasMessage("Vendure failed with an error (HTTP 500)");
        assertThatThrownBy(() -> api.call(shop, settings, Clock.systemUTC(), QUERY, Map.of()))
                .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.retryable()).isTrue())
                .hasMessageContaining("failed repeatedly");
        vendure.verify(1, postRequestedFor(urlEqualTo(path)));

        // another shop's circuit is its own
        assertThatThrownBy(() -> api.call("other-" + shop, settings, Clock.systemUTC(), QUERY, Map.of()))
                .hasMessage("Vendure failed with an error (HTTP 500)");
    }

    @Test
    void aRefusedConnectionIsRetryable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        VendureSettings nowhere = new VendureSettings("http://127.0.0.1:" + closedPort + path, "key-1", "", "", "",
                2, Duration.ofMillis(500), Duration.ofMillis(500), 1, Duration.ofMillis(10),
                new VendureSettings.Circuit(50, 5, Duration.ofSeconds(30)));

        assertThatThrownBy(() -> api.call(shop, nowhere, Clock.systemUTC(), QUERY, Map.of()))
                .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.retryable()).isTrue())
                .hasMessageStartingWith("Vendure could not be reached");
    }

    @Test
    void withoutAddressOrKeyNothingIsSent() {
        VendureSettings noKey = new VendureSettings(vendure.baseUrl() + path, "", "", "", "", 2,
                Duration.ofSeconds(1), Duration.ofSeconds(1), 1, Duration.ofMillis(10),
                new VendureSettings.Circuit(50, 5, Duration.ofSeconds(30)));
        VendureSettings noUrl = new VendureSettings("ftp://shop", "k", "", "", "", 2, Duration.ofSeconds(1),
                Duration.ofSeconds(1), 1, Duration.ofMillis(10),
                new VendureSettings.Circuit(50, 5, Duration.ofSeconds(30)));

        assertThatThrownBy(() -> api.call(shop, noKey, Clock.systemUTC(), QUERY, Map.of()))
                .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessage("The connection to Vendure is not set up: its API key (setting apiKey) is empty");
        assertThatThrownBy(() -> api.call(shop, noUrl, Clock.systemUTC(), QUERY, Map.of()))
                .hasMessage("The connection to Vendure is not set up: its address (setting adminApiUrl) is not an "
                        + "http(s) URL");
        vendure.verify(0, postRequestedFor(urlEqualTo(path)));
    }

    private VendureSettings settings(int maxAttempts, int circuitMinimumCalls) {
        return new VendureSettings(vendure.baseUrl() + path, "key-1", "channel-1", "", "", 2,
                Duration.ofSeconds(1), Duration.ofSeconds(2), maxAttempts, Duration.ofMillis(10),
                new VendureSettings.Circuit(50, circuitMinimumCalls, Duration.ofSeconds(30)));
    }
}
