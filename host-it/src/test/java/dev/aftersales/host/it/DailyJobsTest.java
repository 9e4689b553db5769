package dev.aftersales.host.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import dev.aftersales.host.jobs.FeatureJobs;
import dev.aftersales.testkit.AftersalesHost;
import dev.aftersales.testkit.TestShop;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A job scheduled {@code Schedule.dailyAt(09:00)} runs when the test clock reaches 09:00 in the shop's time zone, not
 * a minute before, once per day. Tokyo has no daylight saving: its 09:00 is midnight UTC, far from a UTC 09:00.
 */
class DailyJobsTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @RegisterExtension
    static final AftersalesHost host = AftersalesHost.withPlugins(FixturePlugins.morning(), FixturePlugins.keeper())
            .withTestPlatform();

    @Test
    void aDailyJobRunsAtNineInTheShopsTimeZoneOncePerDay(TestShop shop) {
        shop.notifications().settings(Map.of("timeZone", TOKYO.getId()));
        moveTo(LocalTime.of(8, 59)); // before the plugin is enabled: nothing may run on the way
        shop.enable("morning");
        FeatureJobs jobs = host.bean(FeatureJobs.class);

        jobs.tick();
        assertThat(runs(shop)).isEmpty();

        host.clock().advance(Duration.ofMinutes(1));
        jobs.tick();
        assertThat(runs(shop)).hasSize(1);
        assertThat(runs(shop).getFirst().atZone(TOKYO).toLocalTime()).isEqualTo(LocalTime.of(9, 0));

        host.clock().advance(Duration.ofHours(2));
        jobs.tick();
        assertThat(runs(shop)).hasSize(1);

        moveTo(LocalTime.of(8, 59));
        jobs.tick();
        assertThat(runs(shop)).hasSize(1);
        host.clock().advance(Duration.ofMinutes(1));
        jobs.tick();
        assertThat(runs(shop)).hasSize(2);
    }

    /** Moves the test clock forward to the next time it is {@code time} in Tokyo. */
    private static void moveTo(LocalTime time) {
        Instant now = host.clock().instant();
        ZonedDateTime next = now.atZone(TOKYO).with(time).withSecond(0).withNano(0);
        if (!next.toInstant().isAfter(now)) {
            next = next.plusDays(1);
        }
        host.clock().advance(Duration.between(now, next.toInstant()));
    }

    private static List<Instant> runs(TestShop shop) {
        return shop.sql().select(field(name("ran_at"), LocalDateTime.class)).from(table(name("morning_runs")))
                .where(field(name("shop_id")).eq(shop.id())).orderBy(field(name("id")))
                .fetch(row -> row.value1().toInstant(ZoneOffset.UTC));
    }
}
