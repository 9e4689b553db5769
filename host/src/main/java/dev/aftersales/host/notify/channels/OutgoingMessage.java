package dev.aftersales.host.notify.channels;

import dev.aftersales.host.notify.settings.NotifySettings;
import dev.aftersales.host.notify.templates.RenderedMessage;
import java.time.Instant;
import java.util.Map;

/**
 * A message ready to leave: rendered, with its idempotency key, unsubscribe link and the shop's settings.
 *
 * @param messageKey the idempotency key: Message-ID of the mail, webhook-id of the webhook
 * @param email      the address, or null (the webhook channel may send by customer id alone)
 */
public record OutgoingMessage(String messageKey, String shopId, String shopName, String featureId, String category,
                       String template, String locale, String customerId, String email, RenderedMessage rendered,
                       Map<String, Object> data, String unsubscribeUrl, NotifySettings settings, Instant createdAt) {
}
