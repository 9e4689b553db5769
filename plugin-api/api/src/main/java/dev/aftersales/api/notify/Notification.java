package dev.aftersales.api.notify;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A message a feature wants delivered: to whom, with which of its templates and data, in which category, and a
 * dedupe key that makes enqueueing idempotent (the same key twice queues one message).
 *
 * <pre>{@code
 * shop.db().transaction(tx -> {
 *     tx.dsl().update(SUBSCRIPTION).set(SUBSCRIPTION.NOTIFIED_AT, now)...execute();
 *     shop.notifier().enqueue(Notification.to(Recipient.customer("anna"))
 *             .template("back-in-stock")                     // aftersales/<feature>/templates/back-in-stock_<locale>.*
 *             .category(Category.ALERT)
 *             .data(Map.of("productName", "Alpine Rain Jacket", "price", variant.price(), "url", variant.url()))
 *             .dedupeKey("restock:" + subscriptionId + ":" + restockId)
 *             .expiresAt(now.plus(Duration.ofDays(2)))       // stale after that: dropped, not sent late
 *             .build());
 * });
 * }</pre>
 *
 * @param data      the template's variables: JSON-friendly values (maps, lists, strings, numbers, booleans) and
 *                  {@link dev.aftersales.api.catalog.Money}; leave money and dates unformatted: templates write them
 *                  in the recipient's locale ({@code ${money(price)}}, {@code ${date(day)}} with an ISO-8601 date)
 * @param notBefore earliest delivery time; null for now
 * @param expiresAt latest sensible delivery time (caps and quiet hours may delay a message); null for no limit
 */
public record Notification(Recipient recipient, String template, Category category, Map<String, Object> data,
                           String dedupeKey, Instant notBefore, Instant expiresAt) {

    private static final Pattern TEMPLATE = Pattern.compile("[a-z][a-z0-9-]{0,99}");

    public Notification {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(category, "category");
        if (template == null || !TEMPLATE.matcher(template).matches()) {
            throw new IllegalArgumentException("A template name is lower-case letters, digits and dashes: " + template);
        }
        if (dedupeKey == null || dedupeKey.isBlank() || dedupeKey.length() > 200) {
            throw new IllegalArgumentException("A dedupe key of 1 to 200 characters is required");
        }
        data = data == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(data));
        if (notBefore != null && expiresAt != null && expiresAt.isBefore(notBefore)) {
            throw new IllegalArgumentException("expiresAt lies before notBefore");
        }
    }

    public static Builder to(Recipient recipient) {
        return new Builder(recipient);
    }

    /** Builds a {@link Notification}; {@code template}, {@code category} and {@code dedupeKey} are required. */
    public static final class Builder {

        private final Recipient recipient;
        private String template;
        private Category category;
        private Map<String, Object> data = Map.of();
        private String dedupeKey;
        private Instant notBefore;
        private Instant expiresAt;

        private Builder(Recipient recipient) {
            this.recipient = recipient;
        }

        public Builder template(String template) {
            this.template = template;
            return this;
        }

        public Builder category(Category category) {
            this.category = category;
            return this;
        }

        public Builder data(Map<String, Object> data) {
            this.data = data;
            return this;
        }

        public Builder dedupeKey(String dedupeKey) {
            this.dedupeKey = dedupeKey;
            return this;
        }

        public Builder notBefore(Instant notBefore) {
            this.notBefore = notBefore;
            return this;
        }

        public Builder expiresAt(Instant expiresAt) {
            this.expiresAt = expiresAt;
            return this;
        }

        public Notification build() {
            return new Notification(recipient, template, category, data, dedupeKey, notBefore, expiresAt);
        }
    }
}
