package dev.aftersales.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The host's clock in tests: it stands still until a test moves it. Plugins' {@code shop.clock()}, job schedules,
 * the outbox (not-before, expiry, backoff, quiet hours, caps), inbox retries and rewards follow it. Customer tokens
 * are minted with the real time, so moving this clock never expires them, and delivery leases run on the real time,
 * so moving it never takes a message away from the worker sending it (docs/testkit.md, "The clock").
 *
 * <pre>{@code
 * host.clock().advance(Duration.ofDays(31));
 * shop.runJob("wishlist", "expire-guest-lists");
 * }</pre>
 */
public final class TestClock extends Clock {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now().truncatedTo(ChronoUnit.MILLIS));

    public void advance(Duration duration) {
        now.updateAndGet(instant -> instant.plus(duration));
    }

    public void set(Instant instant) {
        now.set(instant);
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("The host's clock is UTC");
    }
}
