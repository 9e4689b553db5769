package dev.aftersales.api.notify;

import java.util.List;

/**
 * The host's outbox for one feature in one shop ({@code shop.notifier()}). Everything here joins the caller's
 * transaction: call it inside {@code shop.db().transaction(...)} together with the feature's own change, and a
 * rollback leaves no message behind (transactional outbox).
 *
 * <pre>{@code
 * // a guest subscribes: store the subscription and ask for double opt-in in one transaction
 * ConsentState state = shop.db().transactionResult(tx -> {
 *     repository.insertPending(tx.dsl(), variantId, email);
 *     return shop.notifier().requestConsent(Recipient.guest(email, locale), Category.ALERT,
 *             "Tell me when 'Alpine Rain Jacket M' is back in stock");
 * });
 * // GRANTED: active at once; PENDING: wait for the ConsentConfirmed event
 * }</pre>
 *
 * The host then checks consent, frequency caps and quiet hours, renders the template in the recipient's language,
 * adds the unsubscribe link and headers, tracks clicks, and delivers by e-mail or the shop's webhook, retrying with
 * backoff. Delivery is at least once: after a crash between sending and recording it, a message may go out twice
 * with the same {@link Enqueued#messageId()}.
 */
public interface Notifier {

    /**
     * Queues a message. The template must exist in the feature's jar
     * ({@code aftersales/<feature>/templates/<template>_<locale>.subject|.html|.txt}).
     *
     * @throws IllegalArgumentException when the feature ships no such template or the data is not JSON-friendly
     */
    Enqueued enqueue(Notification notification);

    /**
     * Queues many messages, each as {@link #enqueue} would, in the order given, with a few multi-row inserts instead
     * of one insert per message: for fan-outs such as a restock that alerts thousands of subscribers. Keep a call to
     * a bounded batch (the host inserts a few hundred rows per statement; the list itself is held in memory).
     *
     * <pre>{@code
     * List<Enqueued> queued = shop.notifier().enqueueAll(batch.stream().map(alert -> message(alert)).toList());
     * }</pre>
     *
     * @return one result per notification, in the same order
     * @throws IllegalArgumentException when any notification would be refused by {@link #enqueue}; then none is queued
     * @since plugin API 1.1
     */
    default List<Enqueued> enqueueAll(List<Notification> notifications) {
        return notifications.stream().map(this::enqueue).toList();
    }

    /** Whether the host may send the recipient messages of this category now. One read. */
    ConsentState consent(Recipient recipient, Category category);

    /**
     * Asks for consent where it is needed. Returns {@link ConsentState#GRANTED} when no confirmation is needed
     * (a customer's own action for a non-marketing category is recorded as consent) or it was confirmed before;
     * {@link ConsentState#PENDING} when a confirmation mail (no advertising, a signed link) is queued or was sent a
     * few minutes ago; {@link ConsentState#REVOKED} when the address asked to receive no confirmation mails. When
     * the recipient confirms, the shop's features receive {@link dev.aftersales.api.events.ConsentConfirmed}.
     *
     * @param purpose what the recipient subscribes to, in their language, shown in the confirmation mail and kept
     *                with the consent record (e.g. "Tell me when 'Alpine Rain Jacket M' is back in stock")
     */
    ConsentState requestConsent(Recipient recipient, Category category, String purpose);
}
