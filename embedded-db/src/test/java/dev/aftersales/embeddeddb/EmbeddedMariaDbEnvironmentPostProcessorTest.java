package dev.aftersales.embeddeddb;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Runs real (tiny) Spring Boot applications, so the spring.factories registration is covered too. */
class EmbeddedMariaDbEnvironmentPostProcessorTest {

    @Test
    void setsDatasourceToEmbeddedServerWhenNoUrlIsConfigured() throws SQLException {
        try (ConfigurableApplicationContext context = run("--aftersales.embedded-db.database=from_boot")) {
            Environment env = context.getEnvironment();
            String url = env.getProperty("spring.datasource.url");

            assertThat(url).startsWith("jdbc:mysql://127.0.0.1:").contains("/from_boot?");
            try (Connection connection = DriverManager.getConnection(url,
                    env.getProperty("spring.datasource.username"), env.getProperty("spring.datasource.password"));
                    Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT VERSION()")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).contains("MariaDB");
            }
        }
    }

    @Test
    void everyContextSharesTheServer() {
        try (ConfigurableApplicationContext first = run(); ConfigurableApplicationContext second = run()) {
            assertThat(second.getEnvironment().getProperty("spring.datasource.url"))
                    .isEqualTo(first.getEnvironment().getProperty("spring.datasource.url"))
                    .isEqualTo(EmbeddedMariaDb.shared(TestDataDir.PATH, "aftersales"));
        }
    }

    @Test
    void leavesAnExplicitUrlAlone() {
        String explicit = "jdbc:mysql://db.example:3306/shop";
        try (ConfigurableApplicationContext context = run("--spring.datasource.url=" + explicit,
                "--spring.datasource.username=shop")) {
            assertThat(context.getEnvironment().getProperty("spring.datasource.url")).isEqualTo(explicit);
            assertThat(context.getEnvironment().getProperty("spring.datasource.username")).isEqualTo("shop");
            assertThat(context.getEnvironment().getPropertySources()
                    .contains(EmbeddedMariaDbEnvironmentPostProcessor.PROPERTY_SOURCE_NAME)).isFalse();
        }
    }

    @Test
    void canBeSwitchedOff() {
        try (ConfigurableApplicationContext context = run("--aftersales.embedded-db.enabled=false")) {
            assertThat(context.getEnvironment().getProperty("spring.datasource.url")).isNull();
        }
    }

    private static ConfigurableApplicationContext run(String... args) {
        SpringApplication application = new SpringApplication(EmptyConfiguration.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setBannerMode(org.springframework.boot.Banner.Mode.OFF);
        String[] all = new String[args.length + 1];
        all[0] = "--aftersales.embedded-db.data-dir=" + TestDataDir.PATH;
        System.arraycopy(args, 0, all, 1, args.length);
        return application.run(all);
    }

    @Configuration(proxyBeanMethods = false)
    static class EmptyConfiguration {
    }
}
