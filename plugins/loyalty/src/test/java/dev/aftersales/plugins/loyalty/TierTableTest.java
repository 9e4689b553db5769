package dev.aftersales.plugins.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.api.graphql.UserError;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class TierTableTest {

    private static TierTable.Tier tier(String name, String threshold) {
        return new TierTable.Tier(name, new BigDecimal(threshold), BigDecimal.ONE, 0, "");
    }

    private static final TierTable TABLE = new TierTable(TierTable.POINTS, TierTable.LIFETIME,
            List.of(tier("Bronze", "0"), tier("Silver", "100"), tier("Gold", "1000")));

    @Test
    void theHighestTierReachedApplies() {
        assertThat(TABLE.tierFor(new BigDecimal("99")).orElseThrow().name()).isEqualTo("Bronze");
        assertThat(TABLE.tierFor(new BigDecimal("100")).orElseThrow().name()).isEqualTo("Silver");
        assertThat(TABLE.tierFor(new BigDecimal("5000")).orElseThrow().name()).isEqualTo("Gold");
    }

    @Test
    void theNextTierSaysWhatIsMissing() {
        TierTable.Next next = TABLE.next("Silver", new BigDecimal("298")).orElseThrow();
        assertThat(next.tier().name()).isEqualTo("Gold");
        assertThat(next.missing()).isEqualByComparingTo("702");
        assertThat(TABLE.next("Gold", new BigDecimal("5000"))).isEmpty();
    }

    @Test
    void thresholdsMustAscendAndNamesBeUnique() {
        List<UserError> problems = TierTable.problems("POINTS", "YEAR",
                List.of(tier("Gold", "100"), tier("Silver", "100"), tier("gold", "500"), tier("Platin", "-1")));

        assertThat(problems).extracting(UserError::field).containsExactly(
                List.of("input", "tiers", "1", "threshold"), List.of("input", "tiers", "2", "name"),
                List.of("input", "tiers", "3", "threshold"));
        assertThat(TierTable.problems("VISITS", "DAY", List.of())).hasSize(2);
        assertThat(TierTable.problems("SPEND", "LIFETIME", TABLE.tiers())).isEmpty();
    }
}
