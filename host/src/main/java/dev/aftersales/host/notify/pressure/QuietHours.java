package dev.aftersales.host.notify.pressure;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * Hours of a shop's day in which no non-transactional message goes out. A window over midnight has
 * {@code start > end} (e.g. 21:00–08:00).
 */
public record QuietHours(ZoneId zone, LocalTime start, LocalTime end) {

    /** When a message due at {@code now} may go out, or empty when {@code now} is outside the quiet hours. */
    public Optional<Instant> delayUntil(Instant now) {
        ZonedDateTime local = now.atZone(zone);
        LocalTime time = local.toLocalTime();
        boolean overnight = start.isAfter(end);
        boolean quiet = overnight ? !time.isBefore(start) || time.isBefore(end)
                : !time.isBefore(start) && time.isBefore(end);
        if (!quiet) {
            return Optional.empty();
        }
        ZonedDateTime endsAt = local.with(end).withSecond(0).withNano(0);
        if (!endsAt.isAfter(local)) {
            endsAt = endsAt.plusDays(1);
        }
        return Optional.of(endsAt.toInstant());
    }
}
