package dev.aftersales.host.jobs;

import dev.aftersales.api.jobs.Schedule;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * When a scheduled job is due for one shop. An interval job is due whenever its lock has run out; a daily job is due
 * from its time of day in the shop's zone until {@link #DAILY_CATCH_UP} later, and its lock is held until the next
 * day's time, so it runs once per day across instances and restarts.
 */
public final class JobSlots {

    /** How late a daily job still runs after its time (a host that was down at 09:00 runs it by 15:00). */
    public static final Duration DAILY_CATCH_UP = Duration.ofHours(6);

    private JobSlots() {
    }

    /** The lock to take now: how long to hold it at least; empty when the job is not due now. */
    public static Optional<Duration> dueNow(Schedule schedule, Instant now, ZoneId zone) {
        if (schedule instanceof Schedule.Every every) {
            return Optional.of(every.interval());
        }
        Schedule.DailyAt daily = (Schedule.DailyAt) schedule;
        ZonedDateTime local = now.atZone(zone);
        Instant today = at(daily, local.toLocalDate(), zone);
        Instant slot = now.isBefore(today) ? at(daily, local.toLocalDate().minusDays(1), zone) : today;
        if (Duration.between(slot, now).compareTo(DAILY_CATCH_UP) >= 0) {
            return Optional.empty();
        }
        Instant next = at(daily, slot.atZone(zone).toLocalDate().plusDays(1), zone);
        // released a moment before the next slot, so the tick at that time finds it free
        return Optional.of(Duration.between(now, next).minusSeconds(1));
    }

    /** How far apart runs are, for lock expiry after a crash and for the operator's view. */
    public static Duration period(Schedule schedule) {
        return schedule instanceof Schedule.Every every ? every.interval() : Duration.ofDays(1);
    }

    private static Instant at(Schedule.DailyAt daily, LocalDate day, ZoneId zone) {
        // ZonedDateTime.of moves a time in a daylight-saving gap forward by the gap's length
        return ZonedDateTime.of(day, daily.time(), zone).toInstant();
    }
}
