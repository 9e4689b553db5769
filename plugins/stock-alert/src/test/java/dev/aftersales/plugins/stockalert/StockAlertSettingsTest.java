package dev.aftersales.plugins.stockalert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Pure logic: batch sizes from the settings and the alerts' dedupe keys. */
class StockAlertSettingsTest {

    private final StockAlertSettings settings = new StockAlertSettings(2, 3, 40, Duration.ofMinutes(30),
            Duration.ofMinutes(5), Duration.ofDays(90));

    @Test
    void batchSizeIsTheMultipleOfTheStockCappedByTheMaximum() {
        assertThat(settings.batchSize(5)).isEqualTo(15);
        assertThat(settings.batchSize(100)).isEqualTo(40);
        assertThat(settings.batchSize(0)).isZero();
        assertThat(settings.batchSize(Integer.MAX_VALUE)).isEqualTo(40);
    }

    @Test
    void theThresholdIsReachedAtItsValue() {
        assertThat(settings.reached(1)).isFalse();
        assertThat(settings.reached(2)).isTrue();
    }

    @Test
    void theDedupeKeyNamesSubscriptionAndRestock() {
        assertThat(AlertMessage.dedupeKey(7, 3)).isEqualTo("restock:7:3");
    }
}
