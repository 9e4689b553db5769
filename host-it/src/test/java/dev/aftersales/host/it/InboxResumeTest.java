package dev.aftersales.host.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.host.jooq.Tables;
import dev.aftersales.host.webhooks.Inbox;
import dev.aftersales.testkit.AftersalesHost;
import dev.aftersales.testkit.TestShop;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An instance stores webhooks and dies while processing them; another instance on the same database takes them all up
 * once the dead worker's lease runs out (until then the shop's events wait, to keep their order).
 */
class InboxResumeTest {

    private static final AftersalesHost crashing = AftersalesHost
            .withPlugins(FixturePlugins.greeting(), FixturePlugins.connector())
            .withProperty("aftersales.testkit.database", "aftersales_resume")
            .withProperty("aftersales.inbox.enabled", "false");

    private static final AftersalesHost survivor = AftersalesHost
            .withPlugins(FixturePlugins.greeting(), FixturePlugins.connector())
            .withProperty("aftersales.testkit.database", "aftersales_resume");

    @Test
    void theInboxResumesOnAnotherInstance() {
        TestShop shop = crashing.newShop().enable("fixture-connector");
        shop.catalog().variant("v-1", "Jacket", "M", "49.90", 3);
        for (int i = 1; i <= 6; i++) {
            assertThat(shop.webhooks().send("stock.changed", Map.of("variantId", "v-1", "stock", 10 + i,
                    "updatedAt", "2026-11-23T10:00:0" + i + "Z")).status()).isEqualTo(202);
        }
        // the dead instance's worker had claimed the two oldest events when it died
        assertThat(crashing.bean(Inbox.class).claim(2)).hasSize(2);

        // the second instance starts; the shop's events wait while the dead worker's lease lasts (arrival order)
        survivor.baseUrl();
        assertThat(survivor.bean(Inbox.class).counts(shop.id())).containsEntry(Inbox.PROCESSING, 2);

        survivor.clock().advance(Duration.ofMinutes(3)); // the dead worker's lease runs out
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(survivor.bean(Inbox.class).counts(shop.id())).containsEntry(Inbox.DONE, 6));
        assertThat(shop.sql().select(Tables.CATALOG_VARIANTS.STOCK).from(Tables.CATALOG_VARIANTS)
                .where(Tables.CATALOG_VARIANTS.SHOP_ID.eq(shop.id())).fetchOne(Tables.CATALOG_VARIANTS.STOCK))
                .isEqualTo(16);
    }
}
