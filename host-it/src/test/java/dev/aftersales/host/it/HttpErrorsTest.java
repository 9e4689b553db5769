package dev.aftersales.host.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.testkit.AftersalesHost;
import dev.aftersales.testkit.TestShop;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every failure at the GraphQL endpoints is a GraphQL-shaped body with {@code extensions.code} — never the servlet
 * container's or Spring's error page — and request bodies have a limit checked before anything parses them.
 */
class HttpErrorsTest {

    @RegisterExtension
    static final AftersalesHost host = AftersalesHost.withPlugins(FixturePlugins.greeting());

    private TestShop shop;
    private URI graphql;

    @BeforeEach
    void shop() {
        shop = host.newShop().enable("greeting");
        graphql = host.baseUrl().resolve("/graphql");
    }

    @Test
    void aBodyThatIsNotJsonIsABadRequest() {
        RawHttp.Answer answer = post(graphql, "application/json", "query=%7B+__typename+%7D".getBytes());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errorCodes()).containsExactly("BAD_REQUEST");
    }

    @Test
    void aBodyThatIsNotUtf8IsABadRequest() {
        byte[] body = "{\"query\": \"{ greeting(name: \\\"XX\\\") }\"}".getBytes(StandardCharsets.US_ASCII);
        int at = new String(body, StandardCharsets.US_ASCII).indexOf("XX");
        body[at] = (byte) 0xC3;
        body[at + 1] = (byte) 0x28; // not a continuation byte

        RawHttp.Answer answer = post(graphql, "application/json", body);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errorCodes()).containsExactly("BAD_REQUEST");
    }

    @Test
    void aWrongContentTypeIsRefusedWith415() {
        RawHttp.Answer answer = post(graphql, "text/plain", "{\"query\": \"{ __typename }\"}".getBytes());

        assertThat(answer.status()).isEqualTo(415);
        assertThat(answer.errorCodes()).containsExactly("UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void theOperatorApiAnswersMalformedRequestsTheSameWay() {
        URI admin = host.baseUrl().resolve("/admin/graphql");
        String key = "Bearer " + host.platformKey();

        RawHttp.Answer notJson = RawHttp.send(admin, "POST", Map.of("Content-Type", "application/json",
                "Authorization", key), "{ plugins { id } }".getBytes());
        RawHttp.Answer wrongType = RawHttp.send(admin, "POST", Map.of("Content-Type", "application/xml",
                "Authorization", key), "<query/>".getBytes());
        RawHttp.Answer batch = RawHttp.send(admin, "POST", Map.of("Content-Type", "application/json",
                "Authorization", key), "[{\"query\": \"{ plugins { id } }\"}]".getBytes());

        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.errorCodes()).containsExactly("BAD_REQUEST");
        assertThat(wrongType.status()).isEqualTo(415);
        assertThat(wrongType.errorCodes()).containsExactly("UNSUPPORTED_MEDIA_TYPE");
        assertThat(batch.status()).isEqualTo(400);
        assertThat(batch.errorCodes()).containsExactly("BAD_REQUEST");
    }

    @Test
    void wrongMethodsAreRefusedWith405AndSayWhatIsAllowed() {
        RawHttp.Answer storefront = RawHttp.send(graphql, "PUT", headers("application/json"),
                "{\"query\": \"{ __typename }\"}".getBytes());
        RawHttp.Answer admin = RawHttp.send(host.baseUrl().resolve("/admin/graphql"), "GET",
                Map.of("Authorization", "Bearer " + host.platformKey()), (byte[]) null);

        assertThat(storefront.status()).isEqualTo(405);
        assertThat(storefront.header("Allow")).isEqualTo("GET, POST");
        assertThat(storefront.errorCodes()).containsExactly("METHOD_NOT_ALLOWED");
        assertThat(admin.status()).isEqualTo(405);
        assertThat(admin.header("Allow")).isEqualTo("POST");
        assertThat(admin.errorCodes()).containsExactly("METHOD_NOT_ALLOWED");
    }

    @Test
    void unknownPathsUnderTheEndpointsAreGraphQlShaped404s() {
        RawHttp.Answer storefront = post(host.baseUrl().resolve("/graphql/schema"), "application/json",
                "{\"query\": \"{ __typename }\"}".getBytes());
        RawHttp.Answer admin = RawHttp.send(host.baseUrl().resolve("/admin/graphql/nothing"), "GET",
                Map.of("Authorization", "Bearer " + host.platformKey()), (byte[]) null);

        assertThat(storefront.status()).isEqualTo(404);
        assertThat(storefront.errorCodes()).containsExactly("NOT_FOUND");
        assertThat(admin.status()).isEqualTo(404);
        assertThat(admin.errorCodes()).containsExactly("NOT_FOUND");
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413BeforeItIsParsed() {
        byte[] huge = ("{\"query\": \"{ __typename }\", \"variables\": {\"x\": \"" + "a".repeat(1_100_000) + "\"}}")
                .getBytes();

        RawHttp.Answer withLength = post(graphql, "application/json", huge);
        RawHttp.Answer chunked = RawHttp.send(graphql, "POST", headers("application/json"),
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge)));

        assertThat(withLength.status()).isEqualTo(413);
        assertThat(withLength.errorCodes()).containsExactly("PAYLOAD_TOO_LARGE");
        assertThat(chunked.status()).isEqualTo(413);
        assertThat(chunked.errorCodes()).containsExactly("PAYLOAD_TOO_LARGE");
    }

    @Test
    void generatedMalformedBodiesAllGetGraphQlShapedClientErrors() {
        List<byte[]> bodies = new ArrayList<>();
        for (String text : List.of("", " ", "null", "1", "\"x\"", "true", "{", "{\"query\":", "[]", "[{}]",
                "{\"query\": 1}", "{\"query\": {}}", "{\"query\": [\"{ __typename }\"]}", "{\"query\": null}",
                "{\"query\": \"{ __typename }\", \"variables\": \"x\"}",
                "{\"query\": \"{ __typename }\", \"variables\": [1]}",
                "{\"query\": \"{ __typename }\", \"operationName\": 1}",
                "{\"query\": \"{ __typename }\", \"extensions\": 1}",
                "{\"query\": \"{ __typename }\", \"extensions\": {\"persistedQuery\": 1}}",
                "{\"query\": \"{ __typename }\", \"extensions\": {\"persistedQuery\": {\"version\": 2}}}")) {
            bodies.add(text.getBytes(StandardCharsets.UTF_8));
        }
        Random random = new Random(42);
        for (int i = 0; i < 40; i++) {
            byte[] noise = new byte[1 + random.nextInt(64)];
            random.nextBytes(noise);
            bodies.add(noise);
        }

        for (byte[] body : bodies) {
            RawHttp.Answer answer = post(graphql, "application/json", body);
            assertThat(answer.status()).as(new String(body, StandardCharsets.ISO_8859_1)).isBetween(400, 499);
            assertThat(answer.errorCodes()).as(answer.body()).doesNotContainNull().doesNotContain("INTERNAL");
        }
    }

    @Test
    void healthShowsNoDetailsToAnonymousCallersButToTheOperator() {
        URI health = host.baseUrl().resolve("/actuator/health");

        RawHttp.Answer anonymous = RawHttp.send(health, "GET", Map.of(), (byte[]) null);
        RawHttp.Answer operator = RawHttp.send(health, "GET", Map.of("Authorization", "Bearer " + host.platformKey()),
                (byte[]) null);

        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.json().path("status").asString()).isEqualTo("UP");
        assertThat(anonymous.json().has("components")).isFalse();
        assertThat(anonymous.body()).doesNotContain("details").doesNotContain("Exception");
        assertThat(operator.json().path("components").path("db").path("details").isObject()).isTrue();
    }

    private RawHttp.Answer post(URI uri, String contentType, byte[] body) {
        return RawHttp.send(uri, "POST", headers(contentType), body);
    }

    private Map<String, String> headers(String contentType) {
        return Map.of("Content-Type", contentType, "Accept", "application/json", "X-Shop-Id", shop.id());
    }
}
