package dev.aftersales.host.plugins;

import dev.aftersales.api.FeatureDescriptor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.logging.LogFactory;
import org.springframework.stereotype.Component;

/**
 * Applies a plugin's Flyway migrations from inside its jar, with a history table of its own so plugins version
 * their tables independently of the host and of each other.
 */
@Component
public class PluginMigrations {

    private final DataSource dataSource;

    public PluginMigrations(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Migrates the plugin's tables to its latest version; returns how many migrations ran. */
    public int migrate(FeatureDescriptor descriptor, ClassLoader pluginClassLoader) {
        try {
            Flyway flyway = Flyway.configure(pluginClassLoader)
                    .dataSource(dataSource)
                    .locations(descriptor.migrationLocation())
                    .table(historyTable(descriptor))
                    // the database already holds the host's tables: start this plugin's history at zero
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .failOnMissingLocations(false)
                    .load();
            // A plugin without tables is normal: migrate() would warn "No migrations found" at every start.
            if (flyway.info().all().length == 0) {
                return 0;
            }
            return flyway.migrate().migrationsExecuted;
        } finally {
            // Flyway keeps its last configuration (and so the plugin's class loader) in a static: drop it, or an
            // uninstalled plugin's classes could never be collected.
            LogFactory.setConfiguration(Flyway.configure(PluginMigrations.class.getClassLoader()));
        }
    }

    /** The tables the plugin's migrations created (names starting with its prefix), without its history table. */
    public Set<String> tablesOf(FeatureDescriptor descriptor) {
        return Set.copyOf(tablesLike(descriptor, "SELECT table_name FROM information_schema.tables"
                + " WHERE table_schema = DATABASE() AND table_name LIKE ? AND table_name <> ?"));
    }

    /** The plugin's tables that lack a {@code shop_id} column: each one breaks tenant isolation. */
    public List<String> tablesWithoutShopId(FeatureDescriptor descriptor) {
        return tablesLike(descriptor, "SELECT t.table_name FROM information_schema.tables t"
                + " WHERE t.table_schema = DATABASE() AND t.table_name LIKE ? AND t.table_name <> ?"
                + " AND NOT EXISTS (SELECT 1 FROM information_schema.columns c WHERE c.table_schema = t.table_schema"
                + " AND c.table_name = t.table_name AND c.column_name = 'shop_id') ORDER BY t.table_name");
    }

    private List<String> tablesLike(FeatureDescriptor descriptor, String sql) {
        String likePrefix = descriptor.tablePrefix().replace("\\", "\\\\").replace("_", "\\_") + "%";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, likePrefix);
            statement.setString(2, historyTable(descriptor));
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    tables.add(rows.getString(1).toLowerCase(Locale.ROOT));
                }
            }
            return tables;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot list the tables of plugin " + descriptor.id(), e);
        }
    }

    public static String historyTable(FeatureDescriptor descriptor) {
        return "flyway_" + descriptor.tablePrefix() + "history";
    }
}
