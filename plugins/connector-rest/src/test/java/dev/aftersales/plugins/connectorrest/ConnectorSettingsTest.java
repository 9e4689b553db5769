package dev.aftersales.plugins.connectorrest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.api.settings.SettingDefinition;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectorSettingsTest {

    @Test
    void defaultsAreSensible() {
        assertThat(ConnectorSettings.SPEC.defaults())
                .containsEntry("baseUrl", "")
                .containsEntry("apiKey", "")
                .containsEntry("connectTimeoutMs", 1000)
                .containsEntry("readTimeoutMs", 2000)
                .containsEntry("maxAttempts", 3)
                .containsEntry("retryBackoffMs", 200)
                .containsEntry("circuitFailureRatePercent", 50)
                .containsEntry("circuitMinimumCalls", 5)
                .containsEntry("circuitOpenSeconds", 30);
    }

    @Test
    void valuesOutsideTheBoundsAreRefused() {
        assertThat(definition("connectTimeoutMs").problemWith(50)).isPresent();
        assertThat(definition("readTimeoutMs").problemWith(60_000)).isPresent();
        assertThat(definition("maxAttempts").problemWith(0)).isPresent();
        assertThat(definition("maxAttempts").problemWith(6)).isPresent();
        assertThat(definition("circuitFailureRatePercent").problemWith(101)).isPresent();
        assertThat(definition("circuitOpenSeconds").problemWith(0)).isPresent();
        assertThat(definition("baseUrl").problemWith("https://" + "x".repeat(500))).isPresent();
    }

    @Test
    void readsEverySettingWithItsUnit() {
        ConnectorSettings settings = ConnectorSettings.of(new StubFeatureContext(Map.of(
                "baseUrl", " https://shop.example.com/api ", "apiKey", "k", "readTimeoutMs", 500,
                "circuitMinimumCalls", 20, "circuitOpenSeconds", 60), Clock.systemUTC()).settings());

        assertThat(settings.baseUrl()).isEqualTo("https://shop.example.com/api");
        assertThat(settings.readTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.circuitOpenDuration()).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.circuitWindow()).as("the window holds at least the minimum calls").isEqualTo(20);
    }

    @Test
    void theWindowIsAtLeastTenCalls() {
        ConnectorSettings settings = ConnectorSettings.of(
                new StubFeatureContext(Map.of("circuitMinimumCalls", 2), Clock.systemUTC()).settings());

        assertThat(settings.circuitWindow()).isEqualTo(10);
    }

    @Test
    void theApiKeyNeverShowsInText() {
        ConnectorSettings settings = ConnectorSettings.of(
                new StubFeatureContext(Map.of("apiKey", "sk_live_secret"), Clock.systemUTC()).settings());

        assertThat(settings.toString()).doesNotContain("sk_live_secret").contains("apiKey=(set)");
    }

    private static SettingDefinition definition(String key) {
        return ConnectorSettings.SPEC.definition(key).orElseThrow();
    }
}
