package dev.aftersales.host.holdout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LiftStatisticsTest {

    @Test
    void twelveAgainstEightPercentOfTenThousandCustomersShowsAFourPointLift() {
        LiftStatistics.Totals treated = totals(5000, 600, 50);
        LiftStatistics.Totals heldOut = totals(5000, 400, 50);

        LiftStatistics.Comparison comparison = LiftStatistics.compare(treated, heldOut);

        assertThat(comparison.verdict()).isEqualTo(LiftStatistics.Verdict.LIFT);
        assertThat(comparison.conversionPoints().estimate()).isCloseTo(4.0, within(1e-9));
        // sqrt(.12*.88/5000 + .08*.92/5000) = 0.5987 %, times 1.96
        assertThat(comparison.conversionPoints().low()).isCloseTo(4.0 - 1.1734, within(0.001));
        assertThat(comparison.conversionPoints().high()).isCloseTo(4.0 + 1.1734, within(0.001));
        assertThat(comparison.message()).contains("4.0 points (95 % CI 2.8 to 5.2)");
    }

    @Test
    void revenuePerCustomerUsesWelchsInterval() {
        // treated: 600 of 5000 spent 50 -> mean 6, variance 5000/4999 * 2500 * .12 * .88
        LiftStatistics.Interval revenue = LiftStatistics.revenuePerCustomer(totals(5000, 600, 50), totals(5000, 400, 50));

        double a = 2500 * 0.12 * 0.88 * 5000 / 4999 / 5000;
        double b = 2500 * 0.08 * 0.92 * 5000 / 4999 / 5000;
        assertThat(revenue.estimate()).isCloseTo(2.0, within(1e-9));
        assertThat(revenue.high() - revenue.estimate()).isCloseTo(1.9603 * Math.sqrt(a + b), within(0.002));
        assertThat(revenue.low()).isGreaterThan(0);
    }

    @Test
    void equalGroupsShowNoClearDifference() {
        LiftStatistics.Comparison comparison = LiftStatistics.compare(totals(2000, 200, 30), totals(2000, 200, 30));

        assertThat(comparison.verdict()).isEqualTo(LiftStatistics.Verdict.NO_CLEAR_DIFFERENCE);
        assertThat(comparison.conversionPoints().low()).isNegative();
        assertThat(comparison.conversionPoints().high()).isPositive();
    }

    @Test
    void smallGroupsAreTooFewToTell() {
        LiftStatistics.Comparison comparison = LiftStatistics.compare(totals(40, 10, 20), totals(8, 1, 20));

        assertThat(comparison.verdict()).isEqualTo(LiftStatistics.Verdict.TOO_FEW_CUSTOMERS);
        assertThat(comparison.message()).startsWith("Too few customers to tell yet")
                .contains("treated: 40 customers, 10 ordering; held out: 8 customers, 1 ordering");
    }

    @Test
    void anEmptyGroupHasNoInterval() {
        LiftStatistics.Comparison comparison = LiftStatistics.compare(totals(300, 30, 20), totals(0, 0, 0));

        assertThat(comparison.conversionPoints().low()).isNull();
        assertThat(comparison.revenuePerCustomer().high()).isNull();
        assertThat(comparison.verdict()).isEqualTo(LiftStatistics.Verdict.TOO_FEW_CUSTOMERS);
    }

    /** {@code converted} customers with one order of {@code amount} each, the rest without. */
    private static LiftStatistics.Totals totals(long customers, long converted, double amount) {
        return new LiftStatistics.Totals(customers, converted, converted, converted * amount,
                converted * amount * amount);
    }
}
