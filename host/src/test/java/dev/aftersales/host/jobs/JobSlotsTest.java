package dev.aftersales.host.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.api.jobs.Schedule;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class JobSlotsTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Schedule NINE = Schedule.dailyAt(LocalTime.of(9, 0));

    @Test
    void anIntervalJobIsAlwaysDueAndHoldsItsLockForTheInterval() {
        assertThat(JobSlots.dueNow(Schedule.every(Duration.ofMinutes(5)), Instant.parse("2026-12-05T03:00:00Z"), BERLIN))
                .contains(Duration.ofMinutes(5));
    }

    @Test
    void aDailyJobIsNotDueBeforeItsTimeInTheShopsZone() {
        // 07:59 UTC is 08:59 in Berlin
        assertThat(JobSlots.dueNow(NINE, Instant.parse("2026-12-05T07:59:00Z"), BERLIN)).isEmpty();
    }

    @Test
    void aDailyJobIsDueAtItsTimeAndHoldsItsLockUntilJustBeforeTheNextDay() {
        assertThat(JobSlots.dueNow(NINE, Instant.parse("2026-12-05T08:00:00Z"), BERLIN))
                .contains(Duration.ofDays(1).minusSeconds(1));
        assertThat(JobSlots.dueNow(NINE, Instant.parse("2026-12-05T10:00:00Z"), BERLIN))
                .contains(Duration.ofHours(22).minusSeconds(1));
    }

    @Test
    void aDailyJobMissedForMoreThanTheCatchUpWaitsForTheNextDay() {
        assertThat(JobSlots.dueNow(NINE, Instant.parse("2026-12-05T13:59:00Z"), BERLIN)).isPresent();
        assertThat(JobSlots.dueNow(NINE, Instant.parse("2026-12-05T14:00:00Z"), BERLIN)).isEmpty();
    }

    @Test
    void aDailyJobInADaylightSavingGapRunsAtTheFirstMomentAfterIt() {
        Schedule halfPastTwo = Schedule.dailyAt(LocalTime.of(2, 30));
        // 2026-03-29: Berlin clocks jump from 02:00 to 03:00 (00:59:59 UTC -> 01:00 UTC)
        assertThat(JobSlots.dueNow(halfPastTwo, Instant.parse("2026-03-29T00:59:00Z"), BERLIN)).isEmpty();
        assertThat(JobSlots.dueNow(halfPastTwo, Instant.parse("2026-03-29T01:30:00Z"), BERLIN)).isPresent();
    }

    @Test
    void theDayAfterAShortDayStillStartsAtTheSameLocalTime() {
        // the lock taken at 09:00 on the day clocks go forward is released at 09:00 local the next day: 23 h later
        assertThat(JobSlots.dueNow(NINE, Instant.parse("2026-03-28T08:00:00Z"), BERLIN))
                .contains(Duration.ofHours(23).minusSeconds(1));
    }
}
