package dev.aftersales.host.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Plain HTTP against the running host, for requests a GraphQL client would never send. */
final class RawHttp {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RawHttp() {
    }

    static Answer send(URI uri, String method, Map<String, String> headers, HttpRequest.BodyPublisher body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).method(method, body);
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Answer send(URI uri, String method, Map<String, String> headers, byte[] body) {
        return send(uri, method, headers, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body));
    }

    /** A response: status, headers and the body, read as JSON where it is JSON. */
    record Answer(int status, HttpHeaders headers, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (RuntimeException e) {
                throw new AssertionError("Not JSON (status " + status + "): " + body, e);
            }
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        /** {@code extensions.code} of every error; fails when the body is not GraphQL-shaped. */
        List<String> errorCodes() {
            JsonNode errors = json().path("errors");
            if (!errors.isArray() || errors.isEmpty()) {
                throw new AssertionError("No GraphQL errors (status " + status + "): " + body);
            }
            List<String> codes = new ArrayList<>();
            errors.forEach(error -> codes.add(error.path("extensions").path("code").asString(null)));
            return codes;
        }
    }
}
