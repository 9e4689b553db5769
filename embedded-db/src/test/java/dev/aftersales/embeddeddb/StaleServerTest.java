package dev.aftersales.embeddeddb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cases that need no second server: a pid file that names no running mariadbd. */
class StaleServerTest {

    @TempDir
    Path dir;

    @Test
    void deletesPidFileOfDeadProcess() throws IOException {
        Process exited = new ProcessBuilder("true").start();
        exited.onExit().join();
        Path pidFile = Files.writeString(dir.resolve("mariadbd.pid"), exited.pid() + "\n");

        StaleServer.stopOrphan(pidFile, dir);

        assertThat(pidFile).doesNotExist();
    }

    @Test
    void leavesProcessesThatAreNotMariadbdAlone() throws IOException {
        // A recycled pid may now belong to anything, e.g. this JVM.
        Path pidFile = Files.writeString(dir.resolve("mariadbd.pid"), String.valueOf(ProcessHandle.current().pid()));

        StaleServer.stopOrphan(pidFile, dir);

        assertThat(ProcessHandle.current().isAlive()).isTrue();
        assertThat(pidFile).doesNotExist();
    }

    @Test
    void toleratesMissingAndGarbledPidFiles() throws IOException {
        StaleServer.stopOrphan(dir.resolve("mariadbd.pid"), dir);

        Path garbled = Files.writeString(dir.resolve("mariadbd.pid"), "");
        StaleServer.stopOrphan(garbled, dir);

        assertThat(garbled).doesNotExist();
    }
}
