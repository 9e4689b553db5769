package dev.aftersales.host.notify.channels;

import dev.aftersales.host.notify.settings.NotifyProperties;
import dev.aftersales.host.notify.settings.NotifySettings;
import dev.aftersales.host.webhooks.WebhookSignature;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shop's own webhook, for shops that send through their ESP (Klaviyo, Brevo, ...): the rendered message and its
 * data as JSON, signed like the platform's webhooks (Standard Webhooks: {@code webhook-id} is the message's
 * idempotency key, {@code webhook-timestamp}, {@code webhook-signature}). 2xx is success; a timeout, 408, 429 or
 * 5xx is retried; any other answer parks the message.
 */
@Component
public class WebhookChannel implements DeliveryChannel {

    private final JsonMapper json;
    private final Clock clock;
    private final NotifyProperties properties;
    private final HttpClient http;

    WebhookChannel(JsonMapper json, Clock clock, NotifyProperties properties) {
        this.json = json;
        this.clock = clock;
        this.properties = properties;
        this.http = HttpClient.newBuilder().connectTimeout(properties.webhookTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public void send(OutgoingMessage message) throws DeliveryFailure {
        NotifySettings settings = message.settings();
        if (settings.webhookUrl() == null || settings.webhookSecret() == null) {
            throw new DeliveryFailure("The shop's webhook channel has no URL or secret", true, null);
        }
        byte[] body = json.writeValueAsBytes(payload(message));
        String timestamp = String.valueOf(clock.instant().getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.webhookUrl()))
                .timeout(properties.webhookTimeout())
                .header("Content-Type", "application/json")
                .header("webhook-id", message.messageKey())
                .header("webhook-timestamp", timestamp)
                .header("webhook-signature", WebhookSignature.header(settings.webhookSecret(), message.messageKey(),
                        timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new DeliveryFailure("Webhook timed out after " + properties.webhookTimeout().toMillis() + " ms",
                    true, e);
        } catch (IOException e) {
            throw new DeliveryFailure("Webhook unreachable: " + e, true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailure("Interrupted while calling the webhook", true, e);
        }
        int status = response.statusCode();
        if (status / 100 != 2) {
            boolean retryable = status == 408 || status == 429 || status >= 500;
            String answer = response.body() == null ? "" : response.body().strip();
            throw new DeliveryFailure("Webhook answered " + status
                    + (answer.isEmpty() ? "" : ": " + answer.substring(0, Math.min(200, answer.length()))),
                    retryable, null);
        }
    }

    private static Map<String, Object> payload(OutgoingMessage message) {
        Map<String, Object> recipient = new LinkedHashMap<>();
        recipient.put("customerId", message.customerId());
        recipient.put("email", message.email());
        recipient.put("locale", message.locale());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", "notification");
        payload.put("id", message.messageKey());
        payload.put("shopId", message.shopId());
        payload.put("feature", message.featureId());
        payload.put("category", message.category());
        payload.put("template", message.template());
        payload.put("createdAt", message.createdAt().toString());
        payload.put("recipient", recipient);
        payload.put("subject", message.rendered().subject());
        payload.put("html", message.rendered().html());
        payload.put("text", message.rendered().text());
        payload.put("unsubscribeUrl", message.unsubscribeUrl());
        payload.put("data", message.data());
        return payload;
    }
}
