package dev.aftersales.host.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Demo mode only: GraphQL calls to this host for the demo shop, as a storefront or an operator would make them. */
@Component
@ConditionalOnProperty(name = "aftersales.demo", havingValue = "true")
class DemoGraphQl {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final JsonMapper json;

    DemoGraphQl(JsonMapper json) {
        this.json = json;
    }

    /** The whole response; {@code credential} is a customer token or an admin key. */
    JsonNode call(URI endpoint, String credential, String document, Map<String, Object> variables) {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json")
                .header("X-Shop-Id", DemoSeeder.SHOP_ID)
                .header("Authorization", "Bearer " + credential)
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(
                        Map.of("query", document, "variables", variables))))
                .build();
        try {
            return json.readTree(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body());
        } catch (IOException e) {
            throw new IllegalStateException("Demo GraphQL call failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
