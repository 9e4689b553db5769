package dev.aftersales.api.catalog;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How often and when one customer ordered (cancelled orders left out), from the host's order mirror; see
 * {@link Orders#lastOrderedBefore}. Since plugin API 1.1.
 *
 * <pre>{@code
 * Duration usual = history.usualInterval().orElse(Duration.ZERO);   // 3 orders over 80 days: 40 days
 * }</pre>
 */
public record OrderHistory(String customerId, int orders, Instant firstOrderAt, Instant lastOrderAt) {

    /** The mean time between the customer's orders; empty with a single order. */
    public Optional<Duration> usualInterval() {
        return orders < 2 ? Optional.empty()
                : Optional.of(Duration.between(firstOrderAt, lastOrderAt).dividedBy(orders - 1));
    }
}
