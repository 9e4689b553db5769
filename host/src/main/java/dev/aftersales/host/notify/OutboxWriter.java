package dev.aftersales.host.notify;

import dev.aftersales.api.notify.Enqueued;
import dev.aftersales.api.notify.Notification;
import dev.aftersales.api.notify.Recipient;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks and inserts a message a feature (or the host) enqueues, in the caller's transaction, and wakes the workers
 * once that transaction commits.
 */
@Component
class OutboxWriter {

    private final Outbox outbox;
    private final TemplateSources templates;
    private final OutboxWorker worker;
    private final JsonMapper json;

    OutboxWriter(Outbox outbox, TemplateSources templates, OutboxWorker worker, JsonMapper json) {
        this.outbox = outbox;
        this.templates = templates;
        this.worker = worker;
        this.json = json;
    }

    Enqueued enqueue(String shopId, String featureId, Notification notification) {
        if (!templates.shippedTemplates(featureId).containsKey(notification.template())) {
            throw new IllegalArgumentException("Feature " + featureId + " ships no template '"
                    + notification.template() + "': add aftersales/" + featureId + "/templates/"
                    + notification.template() + "_<locale>.subject, .html and .txt to its jar");
        }
        Recipient recipient = notification.recipient();
        if (recipient.customerId() != null && recipient.customerId().length() > 64
                || recipient.email() != null && recipient.email().length() > 320
                || recipient.locale() != null && recipient.locale().length() > 20) {
            throw new IllegalArgumentException("Customer id (64), address (320) or locale (20) is too long");
        }
        String data;
        try {
            data = json.writeValueAsString(notification.data());
        } catch (JacksonException e) {
            throw new IllegalArgumentException("The data of a notification must be JSON-friendly: " + e.getMessage(), e);
        }
        String messageKey = UUID.randomUUID().toString();
        boolean inserted = outbox.insert(new Outbox.NewMessage(shopId, featureId, messageKey,
                notification.dedupeKey(), notification.category().name(), notification.template(), data,
                recipient.customerId(), recipient.email(), recipient.locale(), RecipientKey.of(recipient),
                notification.notBefore(), notification.expiresAt()));
        if (!inserted) {
            return new Enqueued(outbox.keyOf(shopId, featureId, notification.dedupeKey()).orElseThrow(), true);
        }
        worker.wakeUpAfterCommit();
        return new Enqueued(messageKey, false);
    }
}
