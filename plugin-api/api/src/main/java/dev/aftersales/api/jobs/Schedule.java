package dev.aftersales.api.jobs;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Objects;

/**
 * When a {@link Job} runs, for each shop that enabled the feature: at a fixed interval, or once a day at a time of
 * day in the shop's time zone ({@link dev.aftersales.api.ShopProfile#timeZone()}). Since plugin API 1.1.
 *
 * <pre>{@code
 * wiring.job("send-reminders", Schedule.dailyAt(LocalTime.of(9, 0)), reminders::sendDue);
 * wiring.job("expire-holds", Schedule.every(Duration.ofMinutes(5)), holds::expire);
 * }</pre>
 */
public sealed interface Schedule {

    /** Every {@code interval} (at least one second), counted from the end of the previous run's lock. */
    static Schedule every(Duration interval) {
        return new Every(interval);
    }

    /**
     * Once a day at {@code time} in the shop's time zone (a day that skips that time because of a daylight-saving
     * change runs at the first moment after it). A host that was down at that time runs the job when it is back,
     * if that is within six hours; otherwise the day is left out and the job runs again the next day.
     */
    static Schedule dailyAt(LocalTime time) {
        return new DailyAt(time);
    }

    /** See {@link #every(Duration)}. */
    record Every(Duration interval) implements Schedule {
        public Every {
            Objects.requireNonNull(interval, "interval");
            if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException("A job runs at most once a second, not every " + interval);
            }
        }

        @Override
        public String toString() {
            return "every " + interval;
        }
    }

    /** See {@link #dailyAt(LocalTime)}. */
    record DailyAt(LocalTime time) implements Schedule {
        public DailyAt {
            Objects.requireNonNull(time, "time");
        }

        @Override
        public String toString() {
            return "daily at " + time + " shop time";
        }
    }
}
