package dev.aftersales.host.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.table;

import dev.aftersales.api.events.OrderPlaced;
import dev.aftersales.host.jobs.FeatureJobs;
import dev.aftersales.testkit.AftersalesHost;
import dev.aftersales.testkit.TestShop;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class JobsAndEventsTest {

    @RegisterExtension
    static final AftersalesHost host = AftersalesHost.withPlugins(FixturePlugins.greeting());

    @Test
    void aJobRunsOncePerIntervalForEachShopThatEnabledIt(TestShop enabled, TestShop disabled) {
        enabled.enable("greeting");
        FeatureJobs jobs = host.bean(FeatureJobs.class);

        jobs.tick();
        jobs.tick();
        assertThat(ticks(enabled, "job")).isEqualTo(1);
        assertThat(ticks(disabled, "job")).isZero();

        host.clock().advance(Duration.ofMinutes(1));
        jobs.tick();
        assertThat(ticks(enabled, "job")).isEqualTo(2);
    }

    @Test
    void runJobRunsAJobForOneShopNow(TestShop shop) {
        shop.enable("greeting");

        shop.runJob("greeting", "tick");

        assertThat(ticks(shop, "job")).isEqualTo(1);
    }

    @Test
    void eventsReachTheListenersOfEnabledFeaturesOnly(TestShop enabled, TestShop disabled) {
        enabled.enable("greeting");

        assertThat(enabled.publish(new OrderPlaced("o-1", "anna"))).isZero();
        disabled.publish(new OrderPlaced("o-2", "ben"));

        assertThat(ticks(enabled, "event")).isEqualTo(1);
        assertThat(ticks(disabled, "event")).isZero();
    }

    private static int ticks(TestShop shop, String kind) {
        return shop.sql().fetchCount(table("greeting_ticks"),
                field("shop_id").eq(shop.id()).and(field("kind").eq(kind)));
    }
}
