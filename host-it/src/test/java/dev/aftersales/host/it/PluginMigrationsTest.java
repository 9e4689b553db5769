package dev.aftersales.host.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.testkit.AftersalesHost;
import dev.aftersales.testkit.TestShop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A plugin's migrations run with a history table of its own; a plugin without tables gets none (and no warning). */
class PluginMigrationsTest {

    @RegisterExtension
    static final AftersalesHost host = AftersalesHost.withPlugins(FixturePlugins.greeting(), FixturePlugins.connector())
            .withProperty("aftersales.testkit.free-checks", "false");

    @Test
    void aPluginWithoutMigrationsGetsNoHistoryTable() {
        TestShop shop = host.newShop();

        assertThat(historyTableExists(shop, "flyway_greeting_history")).isTrue();
        assertThat(historyTableExists(shop, "flyway_fixture_connector_history")).isFalse();
    }

    private static boolean historyTableExists(TestShop shop, String table) {
        return shop.sql().fetchExists(shop.sql().selectOne().from("information_schema.tables")
                .where("table_schema = database() and table_name = ?", table));
    }
}
