package dev.aftersales.plugins.pricealert;

import dev.aftersales.api.catalog.Money;
import java.time.Instant;

/**
 * One stored subscription: the source of the schema's {@code PriceAlert} (public: the host reads its components).
 *
 * @param origin         {@link #SUBSCRIBED} or {@link #WISHLIST} (the local copy of a wishlisted variant)
 * @param customerId     the customer's id, or null for a guest
 * @param email          a guest's address (lower-case), or null for a customer
 * @param targetPrice    null for "any drop"
 * @param referencePrice what the next drop is measured against: the price at subscription, then of each alert
 * @param status         {@link #PENDING} (a guest's unconfirmed double opt-in) or {@link #ACTIVE}
 */
public record PriceAlert(long id, String origin, String variantId, String customerId, String email, String locale,
                         Money targetPrice, Money referencePrice, String status, int alertsSent,
                         Instant lastAlertedAt, Instant createdAt) {

    static final String SUBSCRIBED = "SUBSCRIBED";
    static final String WISHLIST = "WISHLIST";
    static final String PENDING = "PENDING";
    static final String ACTIVE = "ACTIVE";

    boolean isGuest() {
        return customerId == null;
    }
}
