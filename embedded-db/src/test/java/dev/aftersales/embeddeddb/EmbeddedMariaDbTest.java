package dev.aftersales.embeddeddb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class EmbeddedMariaDbTest {

    @Test
    void startsMariaDbReachableWithPlainJdbc() throws SQLException {
        String url = EmbeddedMariaDb.shared(TestDataDir.PATH, "static_api");

        try (Connection connection = DriverManager.getConnection(url, EmbeddedMariaDb.USERNAME,
                EmbeddedMariaDb.PASSWORD); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT VERSION(), DATABASE()")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).contains("MariaDB");
            assertThat(rs.getString(2)).isEqualTo("static_api");
        }
    }

    @Test
    void sameDataDirGivesSameServer() {
        EmbeddedMariaDb first = EmbeddedMariaDb.sharedServer(TestDataDir.PATH, 0);
        EmbeddedMariaDb second = EmbeddedMariaDb.sharedServer(TestDataDir.PATH.toAbsolutePath(), first.port());

        assertThat(second).isSameAs(first);
        assertThat(first.dataDir()).isAbsolute().endsWith(TestDataDir.PATH);
        assertThat(first.dataDir().resolve(EmbeddedMariaDb.PID_FILE_NAME)).exists();
    }

    @Test
    void refusesAnotherPortForARunningDataDir() {
        EmbeddedMariaDb server = EmbeddedMariaDb.sharedServer(TestDataDir.PATH, 0);
        int otherPort = server.port() == 65_535 ? 65_534 : server.port() + 1;

        assertThatThrownBy(() -> EmbeddedMariaDb.sharedServer(TestDataDir.PATH, otherPort))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already runs on port " + server.port());
    }

    @Test
    void failsFastWhenTheRequestedPortIsTaken() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> EmbeddedMariaDb.sharedServer(Path.of("target", "mariadb-port-taken"),
                    taken.getLocalPort()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("port " + taken.getLocalPort() + " on 127.0.0.1 is in use");
        }
    }

    @Test
    void rejectsDatabaseNamesThatWouldBreakTheUrl() {
        EmbeddedMariaDb server = EmbeddedMariaDb.sharedServer(TestDataDir.PATH, 0);

        assertThatThrownBy(() -> server.jdbcUrl("a?b")).isInstanceOf(IllegalArgumentException.class);
    }
}
