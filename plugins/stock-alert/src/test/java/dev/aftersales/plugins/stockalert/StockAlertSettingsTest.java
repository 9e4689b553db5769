package dev.aftersales.plugins.stockalert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.api.catalog.Money;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Pure logic: batch sizes from the settings and the prices in alerts. */
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
    void pricesAreFormattedInTheSubscribersLanguage() {
        Money price = new Money(new BigDecimal("189.00"), "EUR");
        assertThat(AlertMessage.price(price, "de")).isEqualTo("189,00 €");
        assertThat(AlertMessage.price(price, null)).isEqualTo("€189.00");
        assertThat(AlertMessage.price(new Money(BigDecimal.TEN, "XYZ1"), "en")).isEqualTo("10 XYZ1");
    }

    @Test
    void theDedupeKeyNamesSubscriptionAndRestock() {
        assertThat(AlertMessage.dedupeKey(7, 3)).isEqualTo("restock:7:3");
    }
}
