package dev.aftersales.plugins.connectorvendure;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A client of one of Vendure's GraphQL APIs, as a storefront or an admin uses it (bearer session tokens). */
final class VendureApi {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI uri;
    private volatile String token;

    VendureApi(String url) {
        this.uri = URI.create(url);
    }

    /** Signs in (admin or customer); later calls carry the session token Vendure answered with. */
    VendureApi login(String username, String password) {
        JsonNode result = execute("mutation($u: String!, $p: String!) { login(username: $u, password: $p) {"
                + " __typename ... on ErrorResult { message } } }", Map.of("u", username, "p", password));
        if (!"CurrentUser".equals(result.path("login").path("__typename").asString())) {
            throw new AssertionError("Login failed: " + result);
        }
        return this;
    }

    /** Runs the document and answers its data; GraphQL errors fail the test. */
    JsonNode execute(String document, Map<String, Object> variables) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                            Map.of("query", document, "variables", variables))));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            response.headers().firstValue("vendure-auth-token").ifPresent(value -> token = value);
            JsonNode answer = JSON.readTree(response.body());
            if (answer.path("errors").isArray() && !answer.path("errors").isEmpty()) {
                throw new AssertionError("Vendure answered errors: " + answer.path("errors") + "\nto: " + document);
            }
            return answer.path("data");
        } catch (IOException e) {
            throw new AssertionError("Vendure did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted", e);
        }
    }

    JsonNode execute(String document) {
        return execute(document, Map.of());
    }
}
