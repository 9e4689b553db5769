package dev.aftersales.api.platform;

import java.time.Instant;
import java.util.Map;

/**
 * One event a platform sent, after the host checked its signature and parsed the envelope (see
 * docs/connector-contract.md): the platform's event id, its type (e.g. {@code variant.updated}), when it happened,
 * and its {@code data} as JSON-friendly values (maps, lists, strings, numbers, booleans, null).
 */
public record WebhookDelivery(String eventId, String type, Instant occurredAt, Map<String, Object> data) {
}
