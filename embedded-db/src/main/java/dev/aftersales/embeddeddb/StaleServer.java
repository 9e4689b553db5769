package dev.aftersales.embeddeddb;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Clears the way for a new server on a data directory that an earlier {@code mariadbd} may still hold.
 *
 * <p>A JVM killed with SIGKILL, or a start that failed half-way, leaves its {@code mariadbd} running. That
 * orphan keeps InnoDB's lock on the data directory, and the next server would then fail. The pid file in the
 * data directory names it: if that process is a {@code mariadbd} whose parent is no longer a Java process, it
 * is an orphan and is stopped (SIGTERM, so InnoDB shuts down cleanly; SIGKILL if it hangs). If its parent is a
 * live Java process, another application is using the data directory, and that is reported instead.
 */
final class StaleServer {

    private static final Log log = LogFactory.getLog(StaleServer.class);

    private static final Duration CLEAN_SHUTDOWN = Duration.ofSeconds(30);
    private static final Duration FORCED_SHUTDOWN = Duration.ofSeconds(10);

    private StaleServer() {
    }

    /**
     * Stops the orphaned server named by {@code pidFile}, if any, and deletes a stale pid file.
     *
     * @throws IllegalStateException if a server started by another live JVM uses the data directory, or if
     *     the orphan does not stop
     */
    static void stopOrphan(Path pidFile, Path dataDir) throws IOException {
        Optional<ProcessHandle> server = readPid(pidFile).flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(StaleServer::isMariadbd);
        if (server.isEmpty()) {
            // Dead or recycled pid: mariadbd would overwrite the file anyway, but leave no doubt behind.
            Files.deleteIfExists(pidFile);
            return;
        }
        ProcessHandle process = server.get();
        Optional<ProcessHandle> owner = process.parent().filter(ProcessHandle::isAlive);
        boolean ownedByThisJvm = owner.map(p -> p.pid() == ProcessHandle.current().pid()).orElse(false);
        if (!ownedByThisJvm && owner.filter(StaleServer::isJava).isPresent()) {
            throw new IllegalStateException("Data dir " + dataDir + " is in use by mariadbd (pid "
                    + process.pid() + ") of another Java process (pid " + owner.get().pid()
                    + "). Stop that application, or give this one another aftersales.embedded-db.data-dir.");
        }
        log.warn("Stopping orphaned mariadbd (pid " + process.pid() + ") left on data dir " + dataDir
                + " by an earlier run");
        stop(process);
        Files.deleteIfExists(pidFile);
    }

    private static Optional<Long> readPid(Path pidFile) throws IOException {
        try {
            String text = Files.readString(pidFile, StandardCharsets.US_ASCII).strip();
            return Optional.of(Long.parseLong(text));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty(); // half-written by a server that died while starting
        }
    }

    private static boolean isMariadbd(ProcessHandle process) {
        return process.info().command().map(c -> c.endsWith("/mariadbd") || c.endsWith("/mysqld"))
                .orElse(false);
    }

    private static boolean isJava(ProcessHandle process) {
        return process.info().command().map(c -> c.endsWith("/java") || c.endsWith("/java.exe"))
                .orElse(false);
    }

    private static void stop(ProcessHandle process) {
        process.destroy();
        if (awaitExit(process, CLEAN_SHUTDOWN)) {
            return;
        }
        log.warn("mariadbd (pid " + process.pid() + ") ignored SIGTERM for " + CLEAN_SHUTDOWN.toSeconds()
                + " s; killing it");
        process.destroyForcibly();
        if (!awaitExit(process, FORCED_SHUTDOWN)) {
            throw new IllegalStateException("Orphaned mariadbd (pid " + process.pid()
                    + ") does not stop; kill it by hand");
        }
    }

    private static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }
}
