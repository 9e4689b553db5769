package dev.aftersales.plugins.pricealert;

import static dev.aftersales.plugins.pricealert.DropRule.Decision.ALERT;
import static dev.aftersales.plugins.pricealert.DropRule.Decision.NONE;
import static dev.aftersales.plugins.pricealert.DropRule.Decision.REBASE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.api.catalog.Money;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class DropRuleTest {

    private static final BigDecimal THREE_PERCENT = new BigDecimal("3");

    @Test
    void anyDropAlertsWhenThePriceFallsAtLeastTheMinimumBelowTheReference() {
        assertThat(decide("100", null, false, "97.00", "EUR")).isEqualTo(ALERT);
        assertThat(decide("100", null, false, "90", "EUR")).isEqualTo(ALERT);
    }

    @Test
    void jitterBelowTheMinimumAndRisesAlertNobody() {
        assertThat(decide("100", null, false, "97.01", "EUR")).isEqualTo(NONE);
        assertThat(decide("100", null, false, "100", "EUR")).isEqualTo(NONE);
        assertThat(decide("100", null, true, "120", "EUR")).isEqualTo(NONE);
    }

    @Test
    void aZeroMinimumStillNeedsARealDrop() {
        assertThat(DropRule.decide(eur("100"), null, false, eur("100"), BigDecimal.ZERO)).isEqualTo(NONE);
        assertThat(DropRule.decide(eur("100"), null, false, eur("99.99"), BigDecimal.ZERO)).isEqualTo(ALERT);
    }

    @Test
    void aTargetAlertsFirstWhenReachedWhateverTheMinimum() {
        assertThat(decide("100", "80", false, "80.01", "EUR")).isEqualTo(NONE);
        assertThat(decide("100", "80", false, "80", "EUR")).isEqualTo(ALERT);
        assertThat(decide("80.5", "80.4", false, "80.4", "EUR")).isEqualTo(ALERT);
    }

    @Test
    void aTargetAlertsAgainOnlyOnAFurtherDropOfTheMinimum() {
        assertThat(decide("79", "80", true, "78", "EUR")).isEqualTo(NONE);
        assertThat(decide("79", "80", true, "76.5", "EUR")).isEqualTo(ALERT);
    }

    @Test
    void anotherCurrencyIsNoDrop() {
        assertThat(decide("100", null, false, "50", "USD")).isEqualTo(REBASE);
        assertThat(decide("100", "80", false, "50", "USD")).isEqualTo(NONE);
    }

    private static DropRule.Decision decide(String reference, String target, boolean alertedBefore, String price,
                                            String currency) {
        return DropRule.decide(eur(reference), target == null ? null : new BigDecimal(target), alertedBefore,
                new Money(new BigDecimal(price), currency), THREE_PERCENT);
    }

    private static Money eur(String amount) {
        return new Money(new BigDecimal(amount), "EUR");
    }
}
