package dev.aftersales.plugins.connectorvendure;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Vendure 3 shop for the end-to-end tests: installed from npm with the lock file of src/test/vendure into
 * target/vendure-e2e (installed again only when the lock file changed, so a second build starts at once), with the
 * Aftersales Vendure plugin copied in as a shop would install it, started on a free port with a fresh SQLite
 * (sql.js) database and the sample data. {@link #close()} ends the process and its children, and a shutdown hook
 * does the same when the JVM ends early.
 */
final class VendureShop implements AutoCloseable {

    /** The module's folder (failsafe runs the tests in target/). */
    private static final Path MODULE = Path.of(System.getProperty("aftersales.e2e.module-dir", "")).toAbsolutePath();
    private static final Path SOURCES = MODULE.resolve("src/test/vendure");
    private static final Path PLUGIN = MODULE.resolve("vendure-plugin");
    private static final Path DIR = MODULE.resolve("target/vendure-e2e");

    private final Process process;
    private final Thread shutdownHook;
    private final StringBuffer log = new StringBuffer();
    final int port;

    private VendureShop(Process process, int port) {
        this.process = process;
        this.port = port;
        this.shutdownHook = new Thread(this::stop, "vendure-e2e-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Installs (when needed) and starts the shop; returns once Vendure takes requests. */
    static VendureShop start(Map<String, String> environment) throws IOException, InterruptedException {
        install();
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder("node", "server.js").directory(DIR.toFile())
                .redirectErrorStream(true);
        builder.environment().putAll(environment);
        builder.environment().put("VENDURE_PORT", String.valueOf(port));
        builder.environment().put("VENDURE_DISABLE_TELEMETRY", "true");
        builder.environment().put("AFTERSALES_VENDURE_PLUGIN", DIR.resolve("aftersales-plugin").toString());
        VendureShop shop = new VendureShop(builder.start(), port);
        shop.awaitReady(Duration.ofMinutes(4));
        return shop;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** What Vendure printed so far, for a failing test's message. */
    String log() {
        return log.toString();
    }

    private void awaitReady(Duration timeout) throws InterruptedException {
        CountDownLatch ready = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    log.append(line).append('\n');
                    if (line.contains("VENDURE READY")) {
                        ready.countDown();
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "vendure-e2e-log");
        reader.setDaemon(true);
        reader.start();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready.await(1, TimeUnit.SECONDS) && process.isAlive() && System.nanoTime() < deadline) {
            // waiting for "VENDURE READY"; a process that ended will never print it
        }
        if (ready.getCount() > 0 || !process.isAlive()) {
            reader.join(2000);
            close();
            throw new IllegalStateException("Vendure did not start (waited up to " + timeout + "):\n" + log);
        }
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs anyway
        }
    }

    private void stop() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** npm ci once per lock file; the plugin and the shop's files are copied every time (they are small). */
    private static void install() throws IOException, InterruptedException {
        Files.createDirectories(DIR);
        Path lock = SOURCES.resolve("package-lock.json");
        Path installedLock = DIR.resolve("node_modules/.aftersales-installed-lock.json");
        boolean current = Files.exists(installedLock) && Files.mismatch(lock, installedLock) == -1;
        try (Stream<Path> files = Files.list(SOURCES)) {
            for (Path file : files.toList()) {
                Files.copy(file, DIR.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        if (!current) {
            run(List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"), Duration.ofMinutes(10));
            Files.copy(lock, installedLock, StandardCopyOption.REPLACE_EXISTING);
        }
        Path plugin = DIR.resolve("aftersales-plugin");
        copyTree(PLUGIN.resolve("src"), plugin.resolve("src"));
        Files.copy(PLUGIN.resolve("package.json"), plugin.resolve("package.json"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static void run(List<String> command, Duration timeout) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(DIR.toFile()).redirectErrorStream(true)
                .redirectOutput(DIR.resolve("npm-install.log").toFile()).start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish in " + timeout);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n"
                    + Files.readString(DIR.resolve("npm-install.log")));
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
