package dev.aftersales.host.notify.outbox;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with ±20 % jitter, so retries of many messages to one failing server do not arrive at once. */
public record Backoff(Duration first, Duration max) {

    /** The delay after {@code attempts} failed attempts (1 for the first failure). */
    Duration after(int attempts) {
        long base = first.toMillis() << Math.min(20, Math.max(0, attempts - 1));
        long capped = Math.min(base, max.toMillis());
        return Duration.ofMillis((long) (capped * (0.8 + 0.4 * ThreadLocalRandom.current().nextDouble())));
    }
}
