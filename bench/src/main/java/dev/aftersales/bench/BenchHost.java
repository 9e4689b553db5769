package dev.aftersales.bench;

import dev.aftersales.testkit.AftersalesHost;
import dev.aftersales.testkit.TestShop;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jooq.DSLContext;

/**
 * The benchmarked host: the real host through the testkit (HTTP on a random port, every bundled plugin loaded by PF4J
 * from its jar, the production pool size), plus the same-run baselines of {@link Baselines} in the same Spring
 * context, so subject and baseline share one JVM, one connection pool and one database.
 *
 * <p>The database is {@code AFTERSALES_TEST_DB_URL} when set (a running MySQL or MariaDB server), else the embedded
 * MariaDB. Delivery workers are off: {@code restock} drains the outbox itself, so that filling and delivering are
 * measured apart.
 */
public final class BenchHost {

    static final String DATABASE = "aftersales_bench";

    private final AftersalesHost host;
    private final Path pluginsDir;

    private BenchHost(AftersalesHost host, Path pluginsDir) {
        this.host = host;
        this.pluginsDir = pluginsDir;
    }

    public static BenchHost start() {
        Path pluginsDir = Path.of(System.getProperty("aftersales.bench.plugins-dir", "bench/target/plugins"));
        AftersalesHost host = AftersalesHost.withPlugins(bundledPlugins(pluginsDir))
                .withProperty("spring.main.sources", Baselines.class.getName())
                .withProperty("aftersales.testkit.database", DATABASE)
                .withProperty("spring.datasource.hikari.maximum-pool-size", "20")
                .withProperty("aftersales.notify.enabled", "false")
                .withProperty("logging.level.dev.aftersales", "WARN");
        host.baseUrl();
        return new BenchHost(host, pluginsDir);
    }

    /** A new shop with every bundled plugin enabled. */
    public TestShop newShop() {
        TestShop shop = host.newShop();
        for (String plugin : List.of("connector-rest", "wishlist", "reorder", "price-alert", "stock-alert")) {
            shop.enable(plugin);
        }
        return shop;
    }

    public AftersalesHost host() {
        return host;
    }

    public DSLContext sql() {
        return host.bean(DSLContext.class);
    }

    public <T> T bean(Class<T> type) {
        return host.bean(type);
    }

    public Path pluginsDir() {
        return pluginsDir;
    }

    public MachineFacts machine() {
        return MachineFacts.read(sql());
    }

    private static Path[] bundledPlugins(Path dir) {
        try (Stream<Path> jars = Files.list(dir)) {
            Path[] found = jars.filter(jar -> jar.toString().endsWith(".jar")).sorted().toArray(Path[]::new);
            if (found.length == 0) {
                throw new IllegalStateException("No plugin jars in " + dir.toAbsolutePath()
                        + ": build first (./aftersales bench does)");
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the bundled plugins in " + dir.toAbsolutePath(), e);
        }
    }
}
