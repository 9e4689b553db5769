package dev.aftersales.api.notify;

/**
 * The outcome of {@link Notifier#enqueue}.
 *
 * @param messageId the message's idempotency key: the e-mail's {@code Message-ID} and the outbound webhook's
 *                  {@code webhook-id}, so a receiver can drop a duplicate delivery
 * @param duplicate true when the feature had already enqueued a message with the same dedupe key; nothing new was
 *                  queued and {@code messageId} names the earlier message
 */
public record Enqueued(String messageId, boolean duplicate) {
}
