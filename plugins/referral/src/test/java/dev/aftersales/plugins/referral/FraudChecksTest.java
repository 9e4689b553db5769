package dev.aftersales.plugins.referral;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.plugins.referral.FraudChecks.Facts;
import dev.aftersales.plugins.referral.FraudChecks.Reason;
import dev.aftersales.plugins.referral.ReferralSettings.Action;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class FraudChecksTest {

    private static ReferralSettings settings(Action leaked, Action cap) {
        return new ReferralSettings(500, 10, Duration.ofDays(30), BigDecimal.TEN, Duration.ofDays(14), 3, 5,
                "https://shop.example/r", Action.BLOCK, Action.BLOCK, Action.FLAG, Action.BLOCK, Action.FLAG, cap,
                leaked);
    }

    private static Facts facts(int thisMonth, int uses, int shares) {
        return new Facts("anna", "ben", List.of("ben@example.org"), null, false, List.of(), thisMonth, uses, shares);
    }

    @Test
    void aCodeCountsAsLeakedBeyondItsUsesPerShareWithAtLeastOneShareAssumed() {
        assertThat(FraudChecks.run(settings(Action.FLAG, Action.OFF), facts(0, 5, 0))).isEmpty();
        assertThat(FraudChecks.run(settings(Action.FLAG, Action.OFF), facts(0, 6, 0)))
                .extracting(FraudChecks.Signal::reason).containsExactly(Reason.LEAKED_CODE);
        assertThat(FraudChecks.run(settings(Action.FLAG, Action.OFF), facts(0, 10, 2))).isEmpty();
    }

    @Test
    void theCapFiresFromTheCapOnAndAChecksActionDecidesBlockOrFlag() {
        assertThat(FraudChecks.run(settings(Action.OFF, Action.BLOCK), facts(2, 1, 0))).isEmpty();
        List<FraudChecks.Signal> atCap = FraudChecks.run(settings(Action.OFF, Action.BLOCK), facts(3, 1, 0));
        assertThat(atCap).extracting(FraudChecks.Signal::reason).containsExactly(Reason.MONTHLY_CAP);
        assertThat(FraudChecks.blocks(atCap)).isTrue();
        assertThat(FraudChecks.blocks(FraudChecks.run(settings(Action.OFF, Action.FLAG), facts(3, 1, 0)))).isFalse();
    }

    @Test
    void checksSetToOffNeverFire() {
        assertThat(FraudChecks.run(settings(Action.OFF, Action.OFF), facts(100, 100, 0))).isEmpty();
    }
}
