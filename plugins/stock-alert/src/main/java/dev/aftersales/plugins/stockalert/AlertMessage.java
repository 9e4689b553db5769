package dev.aftersales.plugins.stockalert;

import dev.aftersales.api.catalog.Variant;
import dev.aftersales.api.notify.Category;
import dev.aftersales.api.notify.Notification;
import dev.aftersales.api.notify.Recipient;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code back-in-stock} alert for one subscription and restock: template data, recipient, and a dedupe key per subscription and restock so a retried batch queues nothing twice.
 */
final class AlertMessage {

    static final String TEMPLATE = "back-in-stock";
    /** An alert that arrives days late (caps, quiet hours) is worse than none: the stock is gone by then. */
    static final Duration VALIDITY = Duration.ofDays(2);

    private AlertMessage() {
    }

    static Notification of(StockAlert alert, long restockId, Variant variant, Instant now) {
        Recipient recipient = alert.isGuest()
                ? Recipient.guest(alert.email(), alert.locale())
                : Recipient.customer(alert.customerId());
        return Notification.to(recipient)
                .template(TEMPLATE)
                .category(Category.ALERT)
                .data(data(variant))
                .dedupeKey(dedupeKey(alert.id(), restockId))
                .expiresAt(now.plus(VALIDITY))
                .build();
    }

    static String dedupeKey(long subscriptionId, long restockId) {
        return "restock:" + subscriptionId + ":" + restockId;
    }

    /** The price goes in as money: the host writes it in the recipient's locale ({@code ${money(price)}}). */
    static Map<String, Object> data(Variant variant) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("productName", variant.productName());
        data.put("variantName", variant.name());
        data.put("price", variant.price());
        // a platform may not know a variant's page: the mail then goes without the link, never as a dead letter
        if (variant.url() != null) {
            data.put("url", variant.url());
        }
        if (variant.imageUrl() != null) {
            data.put("imageUrl", variant.imageUrl());
        }
        return data;
    }
}
