package dev.aftersales.plugins.winback;

import dev.aftersales.api.catalog.OrderHistory;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a customer counts as lapsed: no order for max(lapsedDays, intervalFactor × their usual interval between
 * orders). A customer who orders every two weeks is missed sooner than the fixed days say; one who orders twice a
 * year is not pestered after the fixed days. The rule that applied is kept with the sequence, in words.
 */
record LapseRule(Duration threshold, String description) {

    static LapseRule of(OrderHistory history, WinBackSettings settings) {
        Duration fixed = Duration.ofDays(settings.lapsedDays());
        Optional<Duration> usual = history.usualInterval();
        if (usual.isEmpty()) {
            return new LapseRule(fixed, settings.lapsedDays() + " days without an order (one order so far)");
        }
        long usualDays = Math.max(1, Math.round(usual.get().toHours() / 24.0));
        long ownDays = settings.intervalFactor().multiply(BigDecimal.valueOf(usualDays))
                .setScale(0, RoundingMode.HALF_UP).longValueExact();
        long days = Math.max(settings.lapsedDays(), ownDays);
        return new LapseRule(Duration.ofDays(days), "max(" + settings.lapsedDays() + " days, "
                + settings.intervalFactor().stripTrailingZeros().toPlainString() + " x " + usualDays
                + " days between orders) = " + days + " days without an order");
    }

    boolean lapsed(OrderHistory history, Instant now) {
        return !history.lastOrderAt().plus(threshold).isAfter(now);
    }
}
