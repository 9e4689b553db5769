package dev.aftersales.host.webhooks;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /webhooks/{shopId}}: checks the signature, stores the event once and answers; processing happens
 * later, off the request path. One insert per delivery (the shop's secrets are kept in memory).
 */
@RestController
public class WebhookController {

    private static final Logger log = LoggerFactory.getLogger(WebhookController.class);

    private final WebhookSecrets secrets;
    private final Inbox inbox;
    private final InboxWorker worker;
    private final JsonMapper json;
    private final Clock clock;

    public WebhookController(WebhookSecrets secrets, Inbox inbox, InboxWorker worker, JsonMapper json, Clock clock) {
        this.secrets = secrets;
        this.inbox = inbox;
        this.worker = worker;
        this.json = json;
        this.clock = clock;
    }

    @PostMapping("/webhooks/{shopId}")
    public ResponseEntity<Map<String, Object>> receive(@PathVariable String shopId,
                                                       @RequestHeader(value = "webhook-id", required = false) String id,
                                                       @RequestHeader(value = "webhook-timestamp", required = false) String timestamp,
                                                       @RequestHeader(value = "webhook-signature", required = false) String signature,
                                                       @RequestBody(required = false) byte[] body) {
        Checked checked = check(shopId, id, timestamp, signature, body);
        if (checked.refusal() != null) {
            return checked.refusal();
        }
        Envelope envelope = checked.envelope();
        boolean stored = inbox.store(shopId, envelope.id(), envelope.type(), envelope.occurredAt(),
                new String(checked.body(), StandardCharsets.UTF_8));
        if (!stored) {
            return ResponseEntity.ok(Map.of("status", "duplicate", "id", envelope.id()));
        }
        worker.wakeUp();
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("status", "stored", "id", envelope.id()));
    }

    /**
     * Everything {@link #receive} does before it stores: the shop's secrets (kept in memory for a few seconds), signature and timestamp, the
     * envelope. Public for the benchmark's baseline, which answers after these checks without storing.
     */
    public Checked check(String shopId, String id, String timestamp, String signature, byte[] body) {
        Optional<List<String>> shopSecrets = secrets.validSecrets(shopId);
        if (shopSecrets.isEmpty()) {
            return refuse(HttpStatus.NOT_FOUND, "UNKNOWN_SHOP", "There is no shop '" + shopId + "'");
        }
        if (shopSecrets.get().isEmpty()) {
            return refuse(HttpStatus.UNAUTHORIZED, "NO_SECRET",
                    "Shop '" + shopId + "' has no webhook secret yet; an operator sets one with shopWebhookSecretRotate");
        }
        byte[] raw = body == null ? new byte[0] : body;
        WebhookSignature.Verdict verdict = WebhookSignature.verify(shopSecrets.get(), id, timestamp, signature, raw,
                clock.instant());
        if (verdict == WebhookSignature.Verdict.BAD_SIGNATURE) {
            // the kept secrets may predate a rotation made on another instance
            List<String> fresh = secrets.freshSecrets(shopId).orElse(List.of());
            verdict = WebhookSignature.verify(fresh, id, timestamp, signature, raw, clock.instant());
        }
        if (verdict != WebhookSignature.Verdict.VALID) {
            log.warn("Webhook for shop {} refused: {}", shopId, verdict);
            return refuse(HttpStatus.UNAUTHORIZED, verdict.name(), switch (verdict) {
                case MISSING_HEADERS -> "webhook-id, webhook-timestamp and webhook-signature are required";
                case BAD_TIMESTAMP -> "webhook-timestamp must be unix seconds";
                case TIMESTAMP_OUT_OF_TOLERANCE -> "webhook-timestamp is more than 300 s old or 60 s ahead";
                default -> "The signature does not match the shop's webhook secret";
            });
        }
        Envelope envelope;
        try {
            envelope = envelope(raw);
        } catch (IllegalArgumentException e) {
            return refuse(HttpStatus.BAD_REQUEST, "MALFORMED", e.getMessage());
        }
        if (!envelope.id().equals(id)) {
            return refuse(HttpStatus.BAD_REQUEST, "MALFORMED", "The body's id differs from the webhook-id header");
        }
        return new Checked(envelope, raw, null);
    }

    private Envelope envelope(byte[] raw) {
        JsonNode root;
        try {
            root = json.readTree(raw);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("The body is not JSON");
        }
        String id = text(root, "id");
        String type = text(root, "type");
        Instant occurredAt;
        try {
            occurredAt = Instant.parse(text(root, "occurredAt"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("occurredAt must be an ISO-8601 instant");
        }
        if (!root.path("data").isObject()) {
            throw new IllegalArgumentException("data must be an object");
        }
        if (id.length() > 200 || type.length() > 100) {
            throw new IllegalArgumentException("id (200) or type (100) is too long");
        }
        return new Envelope(id, type, occurredAt);
    }

    private static String text(JsonNode root, String field) {
        JsonNode node = root.path(field);
        if (!node.isString() || node.asString().isBlank()) {
            throw new IllegalArgumentException(field + " is missing or not a string");
        }
        return node.asString();
    }

    private static Checked refuse(HttpStatus status, String code, String message) {
        return new Checked(null, null,
                ResponseEntity.status(status).body(Map.of("error", Map.of("code", code, "message", message))));
    }

    /** A delivery's envelope fields. */
    public record Envelope(String id, String type, Instant occurredAt) {
    }

    /** The outcome of {@link #check}: the envelope and body of a valid delivery, or the answer refusing it. */
    public record Checked(Envelope envelope, byte[] body, ResponseEntity<Map<String, Object>> refusal) {
    }
}
