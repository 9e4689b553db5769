package dev.aftersales.embeddeddb;

import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Points {@code spring.datasource.*} at an embedded MariaDB when no database is configured, so the host
 * starts on a machine without a database server.
 *
 * <p>Active when {@code spring.datasource.url} is unset (or blank) and {@code aftersales.embedded-db.enabled}
 * is not {@code false}. Settings:
 *
 * <ul>
 *   <li>{@code aftersales.embedded-db.data-dir} (default {@code ./data/mariadb}, relative to the working
 *       directory): where the data lives; it survives restarts.
 *   <li>{@code aftersales.embedded-db.port} (default {@code 0}: a free port).
 *   <li>{@code aftersales.embedded-db.database} (default {@code aftersales}): created on first connection.
 * </ul>
 *
 * <p>The server is started once per JVM and data directory (see {@link EmbeddedMariaDb}), so every Spring
 * context of a test run shares it. Registered in {@code META-INF/spring.factories}; the mere presence of
 * this module on the class path turns it on, which is why only the quickstart and the test kit depend on it.
 */
public class EmbeddedMariaDbEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    /** Name of the property source that carries the embedded database's connection settings. */
    public static final String PROPERTY_SOURCE_NAME = "aftersalesEmbeddedMariaDb";

    static final String PREFIX = "aftersales.embedded-db";
    static final String DEFAULT_DATA_DIR = "./data/mariadb";
    static final String DEFAULT_DATABASE = "aftersales";

    private final Log log;

    /**
     * Called by Spring Boot.
     *
     * @param logFactory logging is not initialised yet when post-processors run; this log replays later
     */
    public EmbeddedMariaDbEnvironmentPostProcessor(DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(EmbeddedMariaDbEnvironmentPostProcessor.class);
    }

    /** After config data, so a {@code spring.datasource.url} from application.properties or a profile counts. */
    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 100;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
            return;
        }
        // Binder, not getProperty: relaxed names such as AFTERSALES_EMBEDDEDDB_DATADIR work too.
        Binder binder = Binder.get(environment);
        if (!binder.bind(PREFIX + ".enabled", Boolean.class).orElse(true)) {
            return;
        }
        Path dataDir = Path.of(binder.bind(PREFIX + ".data-dir", String.class).orElse(DEFAULT_DATA_DIR));
        int port = binder.bind(PREFIX + ".port", Integer.class).orElse(0);
        String database = binder.bind(PREFIX + ".database", String.class).orElse(DEFAULT_DATABASE);

        EmbeddedMariaDb server = EmbeddedMariaDb.sharedServer(dataDir, port);
        String url = server.jdbcUrl(database);
        // First, so it wins over a username/password left in application.properties for another database.
        environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, Map.of(
                "spring.datasource.url", url,
                "spring.datasource.username", EmbeddedMariaDb.USERNAME,
                "spring.datasource.password", EmbeddedMariaDb.PASSWORD)));
        log.info("No spring.datasource.url set: using embedded MariaDB on port " + server.port() + ", data dir "
                + server.dataDir() + ", database " + database);
    }
}
