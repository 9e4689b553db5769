package dev.aftersales.host.data;

import com.zaxxer.hikari.HikariDataSource;
import dev.aftersales.host.config.AftersalesProperties;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * {@code aftersales.statement-timeout} as the database server's own limit, set once per pooled connection: MariaDB's
 * {@code max_statement_time} (every statement), MySQL's {@code max_execution_time} (SELECTs). A JDBC query timeout
 * would do the same from the client, but Connector/J arms a timer task for every statement; under load that timer
 * was the host's single hottest spot (see BENCHMARKS.md, wishlist read).
 */
@Component
class StatementTimeouts implements BeanPostProcessor {

    private final ObjectProvider<AftersalesProperties> properties;

    StatementTimeouts(ObjectProvider<AftersalesProperties> properties) {
        this.properties = properties;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        // the pool starts on its first connection, so its settings can still change here
        // the pool itself, or the pool behind the database circuit (whichever post-processor runs first)
        Object target = bean instanceof DatabaseCircuit.Guarded guarded ? guarded.getTargetDataSource() : bean;
        if (target instanceof HikariDataSource pool && pool.getConnectionInitSql() == null
                && pool.getJdbcUrl() != null && !pool.isRunning()) {
            pool.setConnectionInitSql(initSql(isMariaDb(pool), properties.getObject().statementTimeout().toMillis()));
        }
        return bean;
    }

    static String initSql(boolean mariaDb, long timeoutMillis) {
        return mariaDb
                ? String.format(Locale.ROOT, "SET SESSION max_statement_time = %.3f", timeoutMillis / 1000.0)
                : "SET SESSION max_execution_time = " + timeoutMillis;
    }

    private static boolean isMariaDb(HikariDataSource pool) {
        try (Connection connection = DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(),
                pool.getPassword());
             Statement statement = connection.createStatement();
             ResultSet version = statement.executeQuery("SELECT VERSION()")) {
            version.next();
            return version.getString(1).contains("MariaDB");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the database at " + pool.getJdbcUrl() + ": "
                    + e.getMessage(), e);
        }
    }
}
