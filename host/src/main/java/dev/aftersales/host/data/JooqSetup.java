package dev.aftersales.host.data;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.jooq.ExecuteListenerProvider;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.springframework.boot.jooq.autoconfigure.DefaultConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * jOOQ set-up shared by the host and every plugin: the dialect of the server actually connected, unqualified table
 * names, and the statement counter.
 */
@Configuration(proxyBeanMethods = false)
public class JooqSetup {

    private static final Logger log = LoggerFactory.getLogger(JooqSetup.class);

    @Bean
    SqlDialectProbe sqlDialectProbe(DataSource dataSource) {
        return new SqlDialectProbe(detectDialect(dataSource));
    }

    @Bean
    StatementCounter statementCounter() {
        return new StatementCounter();
    }

    @Bean
    DefaultConfigurationCustomizer aftersalesJooqCustomizer(SqlDialectProbe probe, StatementCounter counter) {
        return configuration -> {
            configuration.set(probe.dialect());
            // Generated classes come from migrations, not a live schema: never qualify with a schema name, and
            // always quote so the tenant guard can read table references reliably.
            configuration.settings()
                    .withRenderSchema(false)
                    .withRenderQuotedNames(RenderQuotedNames.ALWAYS);
            List<ExecuteListenerProvider> providers = new ArrayList<>(List.of(configuration.executeListenerProviders()));
            providers.add(() -> counter);
            configuration.set(providers.toArray(ExecuteListenerProvider[]::new));
        };
    }

    /**
     * Connector/J reports MariaDB as "MySQL 5.5"/"11.4", so Boot would pick MYSQL, whose upsert syntax MariaDB
     * rejects. Ask the server itself.
     */
    static SQLDialect detectDialect(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet version = statement.executeQuery("SELECT VERSION()")) {
            version.next();
            String text = version.getString(1);
            SQLDialect dialect = text.contains("MariaDB") ? SQLDialect.MARIADB : SQLDialect.MYSQL;
            log.info("Database server {} -> jOOQ dialect {}", text, dialect);
            return dialect;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the database to detect its kind: " + e.getMessage(), e);
        }
    }

    /** The dialect the connected server speaks. */
    public record SqlDialectProbe(SQLDialect dialect) {
    }
}
