package dev.aftersales.host.notify.outbox;

import dev.aftersales.api.notify.Enqueued;
import dev.aftersales.api.notify.Notification;
import dev.aftersales.api.notify.Recipient;
import dev.aftersales.host.holdout.Holdouts;
import dev.aftersales.host.notify.RecipientKey;
import dev.aftersales.host.notify.templates.TemplateSources;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks and inserts the messages a feature (or the host) enqueues, in the caller's transaction, and wakes the workers
 * once that transaction commits.
 */
@Component
public class OutboxWriter {

    private static final int ROWS_PER_INSERT = 500;

    private final Outbox outbox;
    private final TemplateSources templates;
    private final OutboxWorker worker;
    private final JsonMapper json;
    private final Holdouts holdouts;

    OutboxWriter(Outbox outbox, TemplateSources templates, OutboxWorker worker, JsonMapper json, Holdouts holdouts) {
        this.holdouts = holdouts;
        this.outbox = outbox;
        this.templates = templates;
        this.worker = worker;
        this.json = json;
    }

    public Enqueued enqueue(String shopId, String featureId, Notification notification) {
        return enqueueAll(shopId, featureId, List.of(notification)).getFirst();
    }

    /**
     * Checks every notification first (one refused: none queued), then inserts {@value #ROWS_PER_INSERT} per
     * statement. Where a dedupe key was queued before, its existing message is returned as a duplicate.
     */
    public List<Enqueued> enqueueAll(String shopId, String featureId, List<Notification> notifications) {
        List<Outbox.NewMessage> checked = notifications.stream()
                .map(notification -> newMessage(shopId, featureId, notification))
                .toList();
        // customers in the feature's holdout group: recorded as held out instead of sent, for the lift report
        Set<Integer> heldOut = holdouts.holdOut(shopId, featureId, notifications);
        List<Outbox.NewMessage> messages = IntStream.range(0, checked.size())
                .mapToObj(i -> heldOut.contains(i) ? checked.get(i).heldOut() : checked.get(i))
                .toList();
        List<Enqueued> results = new ArrayList<>(messages.size());
        boolean anyNew = false;
        for (int from = 0; from < messages.size(); from += ROWS_PER_INSERT) {
            List<Outbox.NewMessage> chunk = messages.subList(from, Math.min(messages.size(), from + ROWS_PER_INSERT));
            int inserted = outbox.insertAll(chunk);
            anyNew |= inserted > 0;
            if (inserted == chunk.size()) {
                chunk.forEach(message -> results.add(new Enqueued(message.messageKey(), false)));
                continue;
            }
            // some dedupe keys were queued before (or twice in this chunk): the stored message is the one that counts
            Map<String, String> stored = outbox.keysOf(shopId, featureId,
                    chunk.stream().map(Outbox.NewMessage::dedupeKey).toList());
            Set<String> claimed = new HashSet<>();
            for (Outbox.NewMessage message : chunk) {
                String key = stored.get(message.dedupeKey());
                boolean mine = message.messageKey().equals(key) && claimed.add(key);
                results.add(new Enqueued(key, !mine));
            }
        }
        if (anyNew) {
            worker.wakeUpAfterCommit();
        }
        return results;
    }

    private Outbox.NewMessage newMessage(String shopId, String featureId, Notification notification) {
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
        return new Outbox.NewMessage(shopId, featureId, UUID.randomUUID().toString(), notification.dedupeKey(),
                notification.category().name(), notification.template(), data, recipient.customerId(),
                recipient.email(), recipient.locale(), RecipientKey.of(recipient), notification.notBefore(),
                notification.expiresAt(), Outbox.PENDING);
    }
}
