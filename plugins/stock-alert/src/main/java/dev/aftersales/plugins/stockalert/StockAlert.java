package dev.aftersales.plugins.stockalert;

import java.time.Instant;

/**
 * One subscription to a variant's return to stock, of a customer ({@code customerId}) or a guest ({@code email}).
 * The GraphQL type {@code StockAlert}; the address is never shown. Public because the host reads its components.
 *
 * @param status     {@code AWAITING_CONFIRMATION}, {@code ACTIVE}, {@code NOTIFIED} or {@code EXPIRED}
 * @param notifiedAt when the alert was queued; null before
 */
public record StockAlert(long id, String variantId, String customerId, String email, String locale, String status,
                         Instant createdAt, Instant expiresAt, Instant notifiedAt) {

    static final String AWAITING_CONFIRMATION = "AWAITING_CONFIRMATION";
    static final String ACTIVE = "ACTIVE";
    static final String NOTIFIED = "NOTIFIED";
    static final String EXPIRED = "EXPIRED";

    /** Whether it still waits for a restock (confirmed or not). */
    boolean pending() {
        return ACTIVE.equals(status) || AWAITING_CONFIRMATION.equals(status);
    }

    boolean isGuest() {
        return customerId == null;
    }
}
