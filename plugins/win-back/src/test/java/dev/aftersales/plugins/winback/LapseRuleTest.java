package dev.aftersales.plugins.winback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.api.catalog.OrderHistory;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LapseRuleTest {

    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");
    private static final WinBackSettings SETTINGS = new WinBackSettings(60, new BigDecimal("3"), Duration.ofDays(7), 10,
            Duration.ofDays(14), Duration.ofDays(180));

    @Test
    void aFrequentBuyerIsLapsedAfterTheFixedDays() {
        OrderHistory history = history(4, 100, 70);   // every 10 days: 3 x 10 < 60

        LapseRule rule = LapseRule.of(history, SETTINGS);

        assertThat(rule.threshold()).isEqualTo(Duration.ofDays(60));
        assertThat(rule.description()).isEqualTo("max(60 days, 3 x 10 days between orders) = 60 days without an order");
        assertThat(rule.lapsed(history, NOW)).isTrue();
    }

    @Test
    void aRareBuyerIsLapsedOnlyAfterThreeTimesTheirOwnInterval() {
        OrderHistory history = history(2, 150, 100);  // every 50 days: 150 days

        LapseRule rule = LapseRule.of(history, SETTINGS);

        assertThat(rule.threshold()).isEqualTo(Duration.ofDays(150));
        assertThat(rule.lapsed(history, NOW)).isFalse();
        assertThat(rule.lapsed(history, NOW.plus(Duration.ofDays(50)))).isTrue();
    }

    @Test
    void aSingleOrderUsesTheFixedDays() {
        OrderHistory history = history(1, 61, 61);

        assertThat(LapseRule.of(history, SETTINGS).description()).isEqualTo("60 days without an order (one order so far)");
        assertThat(LapseRule.of(history, SETTINGS).lapsed(history, NOW)).isTrue();
    }

    private static OrderHistory history(int orders, int firstDaysAgo, int lastDaysAgo) {
        return new OrderHistory("c", orders, NOW.minus(Duration.ofDays(firstDaysAgo)),
                NOW.minus(Duration.ofDays(lastDaysAgo)));
    }
}
