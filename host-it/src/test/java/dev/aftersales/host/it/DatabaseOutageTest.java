package dev.aftersales.host.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.testkit.AftersalesHost;
import dev.aftersales.testkit.TestShop;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.core.env.Environment;

/**
 * A host whose database goes away (a proxy between them cuts every connection): every endpoint answers a
 * GraphQL-shaped {@code SERVICE_UNAVAILABLE} with HTTP 503 and {@code Retry-After} — also where the shop is looked up
 * or the customer token checked before GraphQL runs — fast once the outage is known, and recovers when the database
 * is back.
 */
class DatabaseOutageTest {

    /** The host of the other tests: its database is the one the proxy forwards to. */
    @RegisterExtension
    static final AftersalesHost reference = AftersalesHost.withPlugins(FixturePlugins.greeting());

    private static TcpProxy proxy;
    private static AftersalesHost host;

    @BeforeAll
    static void hostBehindAProxy() {
        Environment environment = reference.bean(Environment.class);
        String url = environment.getRequiredProperty("spring.datasource.url");
        URI address = URI.create(url.substring("jdbc:".length()));
        proxy = new TcpProxy(address.getHost(), address.getPort());
        host = AftersalesHost.withPlugins(FixturePlugins.greeting())
                .withProperty("spring.datasource.url", url.replaceFirst("//[^/]+/", "//127.0.0.1:" + proxy.port() + "/"))
                .withProperty("spring.datasource.username", environment.getRequiredProperty("spring.datasource.username"))
                .withProperty("spring.datasource.password", environment.getProperty("spring.datasource.password", ""))
                .withProperty("spring.datasource.hikari.connection-timeout", "3000")
                .withProperty("aftersales.database.outage-backoff", "10s");
    }

    @AfterAll
    static void databaseBack() {
        proxy.restore();
    }

    @Test
    void everyEndpointAnswers503FastWhileTheDatabaseIsAwayAndRecovers() {
        TestShop shop = host.newShop().enable("greeting");
        String query = "query Hello { greeting }";
        assertThat(shop.storefront().execute(query).assertNoErrors().status()).isEqualTo(200);
        URI get = host.baseUrl().resolve("/graphql?query=" + java.net.URLEncoder.encode(query,
                java.nio.charset.StandardCharsets.UTF_8));
        URI webhook = host.baseUrl().resolve("/webhooks/" + shop.id() + "-unseen");
        URI graphql = host.baseUrl().resolve("/graphql");
        URI admin = host.baseUrl().resolve("/admin/graphql");
        Map<String, String> guest = Map.of("X-Shop-Id", shop.id(), "Accept", "application/json");
        Map<String, String> customer = Map.of("X-Shop-Id", shop.id(), "Accept", "application/json",
                "Authorization", "Bearer " + shop.customerToken("c-1"));
        Map<String, String> operator = Map.of("Authorization", "Bearer " + host.platformKey());

        proxy.cut();

        // the first request learns of the outage (within the pool's connection timeout)
        RawHttp.Answer first = post(graphql, guest, query);
        assertThat(first.status()).as(first.body()).isEqualTo(503);
        assertThat(first.errorCodes()).containsOnly("SERVICE_UNAVAILABLE");
        List<Supplier<RawHttp.Answer>> endpoints = List.of(
                () -> post(graphql, guest, query),
                () -> post(graphql, customer, query),
                () -> RawHttp.send(get, "GET", guest, (byte[]) null),
                () -> post(admin, operator, "query Shops { shops(first: 5) { edges { cursor } } }"),
                () -> RawHttp.send(webhook, "POST", Map.of("Content-Type", "application/json"), "{}".getBytes()));
        List<Long> millis = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            for (Supplier<RawHttp.Answer> endpoint : endpoints) {
                long start = System.nanoTime();
                RawHttp.Answer answer = endpoint.get();
                millis.add((System.nanoTime() - start) / 1_000_000);
                assertThat(answer.status()).as(answer.body()).isEqualTo(503);
                assertThat(answer.header("Retry-After")).isEqualTo("10");
                assertThat(answer.errorCodes()).as(answer.body()).containsOnly("SERVICE_UNAVAILABLE");
            }
        }
        // fast: none waits for the pool's connection timeout (3 s here) once the outage is known
        assertThat(millis).allSatisfy(ms -> assertThat(ms).isLessThan(1500));

        proxy.restore();

        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> shop.storefront().execute(query).status() == 200);
        assertThat(shop.storefront().execute(query).assertNoErrors().path("greeting").asString()).isEqualTo("Hello");
        assertThat(RawHttp.send(get, "GET", guest, (byte[]) null).status()).isEqualTo(200);
        assertThat(host.platformAdmin().execute("query Shops { shops(first: 5) { edges { cursor } } }").errors())
                .isEmpty();
        assertThat(RawHttp.send(webhook, "POST", Map.of("Content-Type", "application/json"), "{}".getBytes())
                .status()).isEqualTo(404);
    }

    private static RawHttp.Answer post(URI uri, Map<String, String> headers, String query) {
        Map<String, String> withType = new java.util.HashMap<>(headers);
        withType.put("Content-Type", "application/json");
        return RawHttp.send(uri, "POST", withType, ("{\"query\": \"" + query + "\"}").getBytes());
    }
}
