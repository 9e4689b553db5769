package dev.aftersales.host.notify.pressure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class QuietHoursTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void aWindowOverMidnightDelaysUntilItsEndOnTheNextMorning() {
        QuietHours quiet = new QuietHours(BERLIN, LocalTime.of(21, 0), LocalTime.of(8, 0));

        // 22:30 in Berlin (CET, UTC+1) is 21:30 UTC; the window ends at 08:00 Berlin = 07:00 UTC next day
        assertThat(quiet.delayUntil(Instant.parse("2026-11-23T21:30:00Z"))).hasValue(Instant.parse("2026-11-24T07:00:00Z"));
        // 06:00 Berlin: same morning
        assertThat(quiet.delayUntil(Instant.parse("2026-11-24T05:00:00Z"))).hasValue(Instant.parse("2026-11-24T07:00:00Z"));
        // 12:00 Berlin: not quiet
        assertThat(quiet.delayUntil(Instant.parse("2026-11-24T11:00:00Z"))).isEmpty();
        // the end itself is no longer quiet
        assertThat(quiet.delayUntil(Instant.parse("2026-11-24T07:00:00Z"))).isEmpty();
    }

    @Test
    void aWindowWithinOneDayDelaysUntilItsEndTheSameDay() {
        QuietHours quiet = new QuietHours(BERLIN, LocalTime.of(12, 0), LocalTime.of(14, 0));

        assertThat(quiet.delayUntil(Instant.parse("2026-07-01T11:15:00Z"))) // 13:15 CEST
                .hasValue(Instant.parse("2026-07-01T12:00:00Z"));
        assertThat(quiet.delayUntil(Instant.parse("2026-07-01T09:59:00Z"))).isEmpty(); // 11:59 CEST
    }
}
