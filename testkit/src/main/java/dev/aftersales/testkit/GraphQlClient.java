package dev.aftersales.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends GraphQL over real HTTP to the running host, with the headers of one caller (shop, token, API key).
 * Immutable: {@link #withHeader} returns a new client.
 */
public final class GraphQlClient {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI endpoint;
    private final Map<String, String> headers;

    GraphQlClient(URI endpoint, Map<String, String> headers) {
        this.endpoint = endpoint;
        this.headers = Map.copyOf(headers);
    }

    public GraphQlClient withHeader(String name, String value) {
        Map<String, String> copy = new HashMap<>(headers);
        copy.put(name, value);
        return new GraphQlClient(endpoint, copy);
    }

    public GraphQlClient withoutHeader(String name) {
        Map<String, String> copy = new HashMap<>(headers);
        copy.remove(name);
        return new GraphQlClient(endpoint, copy);
    }

    public GraphQlResult execute(String document) {
        return execute(document, Map.of());
    }

    public GraphQlResult execute(String document, Map<String, Object> variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", document);
        body.put("variables", variables);
        return post(JSON.writeValueAsString(body));
    }

    /** Posts a raw body, for malformed-request tests. */
    public GraphQlResult post(String rawBody) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(rawBody));
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
            return new GraphQlResult(response.statusCode(), json);
        } catch (IOException e) {
            throw new UncheckedIOException("GraphQL request to " + endpoint + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + endpoint, e);
        } catch (RuntimeException e) {
            throw new AssertionError("Response of " + endpoint + " is not JSON", e);
        }
    }
}
