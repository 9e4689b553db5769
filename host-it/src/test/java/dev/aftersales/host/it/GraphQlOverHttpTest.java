package dev.aftersales.host.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.testkit.AftersalesHost;
import dev.aftersales.testkit.TestShop;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * GraphQL over HTTP as storefronts and CDNs use it: queries over {@code GET} (never mutations), automatic persisted
 * queries over {@code GET} and {@code POST}, and graphql-http's audit of the spec without errors.
 */
class GraphQlOverHttpTest {

    @RegisterExtension
    static final AftersalesHost host = AftersalesHost.withPlugins(FixturePlugins.greeting());

    private TestShop shop;

    @BeforeEach
    void shop() {
        shop = host.newShop().enable("greeting");
    }

    @Test
    void queriesRunOverGetWithCacheHeaders() {
        RawHttp.Answer answer = get(Map.of("query", "query Hello($name: String) { greeting(name: $name) }",
                "operationName", "Hello", "variables", "{\"name\": \"Ann\"}"), guest());

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().path("data").path("greeting").asString()).isEqualTo("Hello, Ann");
        assertThat(answer.header("Cache-Control")).isEqualTo("no-cache");
        assertThat(answer.header("Vary")).contains("X-Shop-Id").contains("Authorization");

        Map<String, String> customer = new HashMap<>(guest());
        customer.put("Authorization", "Bearer " + shop.customerToken("c-1"));
        assertThat(get(Map.of("query", "{ greeting }"), customer).header("Cache-Control")).isEqualTo("private, no-store");
    }

    @Test
    void mutationsAreRefusedOverGetAndChangeNothing() {
        RawHttp.Answer answer = get(Map.of("query", "mutation Set { greetingSet(input: {message: \"Hi\"}) { message } }"),
                guest());

        assertThat(answer.status()).isEqualTo(405);
        assertThat(answer.header("Allow")).isEqualTo("POST");
        assertThat(answer.errorCodes()).containsExactly("METHOD_NOT_ALLOWED");
        assertThat(shop.storefront().execute("{ greeting }").path("greeting").asString()).isEqualTo("Hello");
    }

    @Test
    void automaticPersistedQueriesOverPostAndGet() throws Exception {
        String query = "query Persisted { greeting(name: \"" + shop.id() + "\") }";
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(query.getBytes(StandardCharsets.UTF_8)));
        String extensions = "{\"persistedQuery\": {\"version\": 1, \"sha256Hash\": \"" + hash + "\"}}";

        RawHttp.Answer unknown = post("{\"extensions\": " + extensions + "}");
        assertThat(unknown.errorCodes()).containsExactly("PERSISTED_QUERY_NOT_FOUND");
        assertThat(unknown.json().path("errors").get(0).path("message").asString()).isEqualTo("PersistedQueryNotFound");

        RawHttp.Answer wrongHash = post("{\"query\": \"{ greeting }\", \"extensions\": " + extensions + "}");
        assertThat(wrongHash.status()).isEqualTo(400);
        assertThat(wrongHash.errorCodes()).containsExactly("BAD_REQUEST");

        RawHttp.Answer registered = post("{\"query\": " + quoted(query) + ", \"extensions\": " + extensions + "}");
        assertThat(registered.json().path("data").path("greeting").asString()).isEqualTo("Hello, " + shop.id());

        RawHttp.Answer byHashOverPost = post("{\"extensions\": " + extensions + "}");
        RawHttp.Answer byHashOverGet = get(Map.of("extensions", extensions), guest());
        assertThat(byHashOverPost.json().path("data").path("greeting").asString()).isEqualTo("Hello, " + shop.id());
        assertThat(byHashOverGet.status()).isEqualTo(200);
        assertThat(byHashOverGet.json().path("data").path("greeting").asString()).isEqualTo("Hello, " + shop.id());

        // the kept document runs on the asking shop's schema: a shop without the feature cannot use it
        TestShop other = host.newShop();
        RawHttp.Answer elsewhere = RawHttp.send(host.baseUrl().resolve("/graphql"), "POST",
                Map.of("Content-Type", "application/json", "X-Shop-Id", other.id()),
                ("{\"extensions\": " + extensions + "}").getBytes(StandardCharsets.UTF_8));
        assertThat(elsewhere.errorCodes()).containsExactly("FEATURE_DISABLED");
    }

    @Test
    void aRequestErrorIs400WithTheGraphQlResponseMediaType() {
        RawHttp.Answer answer = RawHttp.send(host.baseUrl().resolve("/graphql"), "POST",
                Map.of("Content-Type", "application/json", "Accept", "application/graphql-response+json",
                        "X-Shop-Id", shop.id()), "{\"query\": \"{ greeting \"}".getBytes(StandardCharsets.UTF_8));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/graphql-response+json");
        assertThat(answer.errorCodes()).containsExactly("GRAPHQL_PARSE_FAILED");
    }

    @Test
    void graphqlHttpAuditPassesWithoutErrors() throws java.io.IOException {
        NodeChecks.Run audit = NodeChecks.node("audit.mjs", host.baseUrl().resolve("/graphql").toString(), shop.id());
        // the full report (warnings included) for docs/graphql-clients.md
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "graphql-http-audit.txt"), audit.output());

        assertThat(audit.output()).contains(" 0 errors");
        assertThat(audit.exitCode()).as(audit.output()).isZero();
    }

    private Map<String, String> guest() {
        return Map.of("X-Shop-Id", shop.id(), "Accept", "application/json");
    }

    private RawHttp.Answer post(String body) {
        return RawHttp.send(host.baseUrl().resolve("/graphql"), "POST",
                Map.of("Content-Type", "application/json", "X-Shop-Id", shop.id()), body.getBytes(StandardCharsets.UTF_8));
    }

    private RawHttp.Answer get(Map<String, String> parameters, Map<String, String> headers) {
        StringBuilder query = new StringBuilder();
        parameters.forEach((name, value) -> query.append(query.isEmpty() ? "?" : "&").append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return RawHttp.send(URI.create(host.baseUrl() + "/graphql" + query), "GET", headers, (byte[]) null);
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
