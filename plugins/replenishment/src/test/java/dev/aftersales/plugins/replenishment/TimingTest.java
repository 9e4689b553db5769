package dev.aftersales.plugins.replenishment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimingTest {

    private static final Instant T0 = Instant.parse("2027-03-01T08:00:00Z");

    @Test
    void usageDaysTimesUnitsGiveTheRunOutDate() {
        Timing timing = Timing.of(T0, 2, null, null, null, 30, 0);
        assertThat(timing.rule()).isEqualTo(Timing.Rule.USAGE_DAYS);
        assertThat(timing.runOutAt()).isEqualTo(T0.plus(Duration.ofDays(60)));
    }

    @Test
    void withoutUsageDaysNothingIsEverDue() {
        Timing timing = Timing.of(T0, 2, 10, new BigDecimal("20"), new BigDecimal("25"), null, 0);
        assertThat(timing.rule()).isEqualTo(Timing.Rule.NONE);
        assertThat(timing.runOutAt()).isNull();
    }

    @Test
    void ownIntervalWinsOverCustomerMedianOverShopMedianOverUsageDays() {
        assertThat(Timing.of(T0, 1, 45, new BigDecimal("20"), new BigDecimal("25"), 30, 0).runOutAt())
                .isEqualTo(T0.plus(Duration.ofDays(45)));
        assertThat(Timing.of(T0, 1, null, new BigDecimal("20"), new BigDecimal("25"), 30, 0).rule())
                .isEqualTo(Timing.Rule.CUSTOMER_MEDIAN);
        assertThat(Timing.of(T0, 1, null, null, new BigDecimal("25"), 30, 0).runOutAt())
                .isEqualTo(T0.plus(Duration.ofDays(25)));
    }

    @Test
    void eachSkipMovesTheRunOutOneCycleOn() {
        assertThat(Timing.of(T0, 1, null, null, null, 30, 2).runOutAt()).isEqualTo(T0.plus(Duration.ofDays(90)));
    }

    @Test
    void aCycleIsBoundedToTwoYears() {
        assertThat(Timing.of(T0, 1000, null, null, null, 365, 0).runOutAt())
                .isEqualTo(T0.plus(Duration.ofDays(Timing.MAX_CYCLE_DAYS)));
    }

    @Test
    void theMedianIntervalIsPerUnitOfThePurchaseThatStartedIt() {
        List<Timing.Purchase> purchases = List.of(new Timing.Purchase(T0, 2),
                new Timing.Purchase(T0.plus(Duration.ofDays(40)), 1), new Timing.Purchase(T0.plus(Duration.ofDays(62)), 1),
                new Timing.Purchase(T0.plus(Duration.ofDays(70)), 0), // returned: does not count
                new Timing.Purchase(T0.plus(Duration.ofDays(86)), 1));
        // intervals per unit: 40/2 = 20, 22/1 = 22, 24/1 = 24 → median 22
        assertThat(Timing.medianDaysPerUnit(purchases)).isEqualByComparingTo("22");
        assertThat(Timing.medianDaysPerUnit(purchases.subList(0, 1))).isNull();
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertThat(Timing.median(List.of(new BigDecimal("10"), new BigDecimal("30"), new BigDecimal("20"),
                new BigDecimal("40")))).isEqualByComparingTo("25");
    }
}
