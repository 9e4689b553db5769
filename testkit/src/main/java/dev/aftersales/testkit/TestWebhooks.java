package dev.aftersales.testkit;

import dev.aftersales.host.webhooks.WebhookSignature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends webhooks to the host as the shop platform would: signed with the shop's secret (Standard Webhooks), in the
 * envelope of docs/connector-contract.md.
 *
 * <pre>{@code
 * shop.webhooks().send("stock.changed", Map.of("variantId", "v-1", "stock", 5, "updatedAt", "2026-11-23T10:00:00Z"));
 * }</pre>
 */
public final class TestWebhooks {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI endpoint;
    private final String secret;
    private final Clock clock;

    /** A sender to {@code endpoint} signing with {@code secret} at the time of {@code clock} (the host's clock). */
    public TestWebhooks(URI endpoint, String secret, Clock clock) {
        this.endpoint = endpoint;
        this.secret = secret;
        this.clock = clock;
    }

    /** The shop's current webhook secret. */
    public String secret() {
        return secret;
    }

    /** Sends an event with a fresh id, occurring now. */
    public Response send(String type, Map<String, Object> data) {
        return send("evt_" + UUID.randomUUID(), type, clock.instant(), data);
    }

    public Response send(String eventId, String type, Instant occurredAt, Map<String, Object> data) {
        return sendSignedWith(secret, eventId, type, occurredAt, data, clock.instant());
    }

    /** Sends with any secret and signing time, for refused-delivery tests. */
    public Response sendSignedWith(String signingSecret, String eventId, String type, Instant occurredAt,
                                   Map<String, Object> data, Instant signedAt) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("id", eventId);
        envelope.put("type", type);
        envelope.put("occurredAt", occurredAt.toString());
        envelope.put("data", data);
        byte[] body = JSON.writeValueAsBytes(envelope);
        String timestamp = String.valueOf(signedAt.getEpochSecond());
        return post(body, Map.of("webhook-id", eventId, "webhook-timestamp", timestamp,
                "webhook-signature", WebhookSignature.header(signingSecret, eventId, timestamp, body)));
    }

    /** Posts raw bytes with the given headers. */
    public Response post(byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = HTTP.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Status and body of the host's answer. */
    public record Response(int status, String body) {
    }
}
