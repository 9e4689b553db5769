package dev.aftersales.bench.webhooks;

import dev.aftersales.host.webhooks.WebhookController;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Baseline for webhook ingest: the host's own webhook endpoint, with every check it makes (the shop's secrets read
 * from the database, signature, timestamp window, envelope), answering 200 without storing the event.
 */
@RestController
public class NonStoringWebhookEndpoint {

    public static final String PATH = "/baseline/webhooks/";

    private final WebhookController webhooks;

    NonStoringWebhookEndpoint(WebhookController webhooks) {
        this.webhooks = webhooks;
    }

    @PostMapping(PATH + "{shopId}")
    public ResponseEntity<Map<String, Object>> receive(@PathVariable String shopId,
                                                       @RequestHeader(value = "webhook-id", required = false) String id,
                                                       @RequestHeader(value = "webhook-timestamp", required = false) String timestamp,
                                                       @RequestHeader(value = "webhook-signature", required = false) String signature,
                                                       @RequestBody(required = false) byte[] body) {
        WebhookController.Checked checked = webhooks.check(shopId, id, timestamp, signature, body);
        if (checked.refusal() != null) {
            return checked.refusal();
        }
        return ResponseEntity.ok(Map.of("status", "checked", "id", checked.envelope().id()));
    }
}
