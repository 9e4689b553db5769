package dev.aftersales.host.it.rewards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aftersales.api.rewards.EntryState;
import dev.aftersales.api.rewards.LedgerEntry;
import dev.aftersales.api.rewards.Rewards;
import dev.aftersales.api.rewards.RewardsBalance;
import dev.aftersales.host.rewards.DriftCheck;
import dev.aftersales.host.rewards.RewardsJobs;
import dev.aftersales.host.rewards.RewardsLedger;
import dev.aftersales.host.rewards.RewardsPrivacy;
import dev.aftersales.testkit.AftersalesHost;
import dev.aftersales.testkit.GraphQlResult;
import dev.aftersales.testkit.TestShop;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The ledger's rules, through the host's service and its operator API, on the real database. */
class RewardsLedgerTest {

    @RegisterExtension
    static final AftersalesHost host = AftersalesHost.withPlugins();

    private static Rewards rewards(TestShop shop, String feature) {
        return host.bean(RewardsLedger.class).forShop(shop.id(), feature);
    }

    @Test
    void theSameKeyTwiceBooksOnceAndReturnsTheFirstEntry(TestShop shop) {
        Rewards rewards = rewards(shop, "loyalty");

        LedgerEntry first = rewards.earn("anna", 100, "Order 1", "order:1", "loyalty:order:1", null);
        LedgerEntry again = rewards.earn("anna", 999, "Order 1 again", "order:1", "loyalty:order:1", null);

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.amount()).isEqualTo(100);
        assertThat(again.featureId()).isEqualTo("loyalty");
        assertThat(rewards.balance("anna").available()).isEqualTo(100);
        assertThatThrownBy(() -> rewards(shop, "community").earn("anna", 5, "x", null, "loyalty:order:1", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("feature loyalty");
    }

    @Test
    void pendingPointsBecomeAvailableWhenTheirTimeHasCome(TestShop shop) {
        Rewards rewards = rewards(shop, "loyalty");
        LedgerEntry entry = rewards.earn("anna", 80, "Order 2", "order:2", "loyalty:order:2",
                host.clock().instant().plus(Duration.ofDays(14)));

        assertThat(entry.state()).isEqualTo(EntryState.PENDING);
        assertThat(rewards.balance("anna")).extracting(RewardsBalance::available, RewardsBalance::pending)
                .containsExactly(0L, 80L);
        assertThat(rewards.reserve("anna", 10, "Coupon", null, "loyalty:redeem:early")).isEmpty();

        host.clock().advance(Duration.ofDays(14));

        assertThat(rewards.balance("anna")).extracting(RewardsBalance::available, RewardsBalance::pending,
                RewardsBalance::lifetimeEarned).containsExactly(80L, 0L, 80L);
        assertThat(rewards.entry("loyalty:order:2").orElseThrow().state()).isEqualTo(EntryState.AVAILABLE);
        assertThat(host.bean(DriftCheck.class).check(shop.id()).customersWithDrift()).isZero();
    }

    @Test
    void theMaturationJobMakesDuePointsAvailableWithoutARead(TestShop shop) {
        Rewards rewards = rewards(shop, "loyalty");
        rewards.earn("anna", 30, "Order 3", null, "loyalty:order:3", host.clock().instant().plus(Duration.ofDays(1)));
        host.clock().advance(Duration.ofDays(1));

        assertThat(host.bean(RewardsJobs.class).matureDue()).isGreaterThanOrEqualTo(1);

        assertThat(rewards.entry("loyalty:order:3").orElseThrow().state()).isEqualTo(EntryState.AVAILABLE);
    }

    @Test
    void aReversalOfSpentPointsStopsAtZeroAndRecordsTheShortfall(TestShop shop) {
        Rewards rewards = rewards(shop, "loyalty");
        rewards.earn("anna", 100, "Order 4", "order:4", "loyalty:order:4", null);
        rewards.spend("anna", 70, "Coupon", null, "loyalty:redeem:4").orElseThrow();

        LedgerEntry reversal = rewards.reverse("loyalty:order:4", 100, "Return of order 4", "loyalty:return:4");

        assertThat(reversal.amount()).isEqualTo(-30);
        assertThat(reversal.shortfall()).isEqualTo(70);
        assertThat(reversal.originalKey()).isEqualTo("loyalty:order:4");
        assertThat(rewards.balance("anna").available()).isZero();
        assertThat(rewards.entry("loyalty:order:4").orElseThrow().state()).isEqualTo(EntryState.REVERSED);
        assertThat(host.bean(DriftCheck.class).check(shop.id()).customersWithDrift()).isZero();
    }

    @Test
    void aPartialReversalOfPendingPointsCancelsOnlyThatShare(TestShop shop) {
        Rewards rewards = rewards(shop, "loyalty");
        rewards.earn("anna", 90, "Order 5", "order:5", "loyalty:order:5",
                host.clock().instant().plus(Duration.ofDays(3)));

        rewards.reverse("loyalty:order:5", 30, "Partial return", "loyalty:return:5:1");
        host.clock().advance(Duration.ofDays(3));

        assertThat(rewards.balance("anna")).extracting(RewardsBalance::available, RewardsBalance::pending,
                RewardsBalance::lifetimeEarned).containsExactly(60L, 0L, 60L);
        assertThat(host.bean(DriftCheck.class).check(shop.id()).customersWithDrift()).isZero();
    }

    @Test
    void aReleasedHoldGivesThePointsBackAndConfirmingItIsRefused(TestShop shop) {
        Rewards rewards = rewards(shop, "loyalty");
        rewards.earn("anna", 50, "Bonus", null, "loyalty:bonus", null);
        LedgerEntry hold = rewards.reserve("anna", 50, "Coupon", null, "loyalty:redeem:6").orElseThrow();
        assertThat(rewards.balance("anna")).extracting(RewardsBalance::available, RewardsBalance::reserved)
                .containsExactly(0L, 50L);

        rewards.release(hold.idempotencyKey());
        rewards.release(hold.idempotencyKey());

        assertThat(rewards.balance("anna")).extracting(RewardsBalance::available, RewardsBalance::reserved)
                .containsExactly(50L, 0L);
        assertThatThrownBy(() -> rewards.confirm(hold.idempotencyKey())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void expiryTakesEveryAvailablePointOnce(TestShop shop) {
        Rewards rewards = rewards(shop, "loyalty");
        rewards.earn("anna", 40, "Bonus", null, "loyalty:bonus", null);

        assertThat(rewards.expire("anna", "No activity", "loyalty:expire:1").orElseThrow().amount()).isEqualTo(-40);
        assertThat(rewards.expire("anna", "No activity", "loyalty:expire:2")).isEmpty();
        assertThat(rewards.balance("anna").available()).isZero();
    }

    @Test
    void eraseKeepsAnonymisedSumsAndExportListsTheEntries(TestShop shop) {
        Rewards rewards = rewards(shop, "loyalty");
        rewards.earn("anna", 40, "Order 7", "order:7", "loyalty:order:7:anna", null);
        RewardsPrivacy privacy = host.bean(RewardsPrivacy.class);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> exported = (List<Map<String, Object>>) privacy.export(shop.id(), "anna").get("entries");
        assertThat(exported).singleElement().satisfies(entry -> assertThat(entry).containsEntry("amount", 40L));

        privacy.erase(shop.id(), "anna");

        assertThat(rewards.balance("anna").available()).isZero();
        assertThat(rewards.entry("loyalty:order:7:anna")).isEmpty();
        GraphQlResult liability = shop.admin().execute("{ shop(id: \"" + shop.id()
                + "\") { rewards { liability { available customers } drift { customersWithDrift } } } }");
        assertThat(liability.path("shop.rewards.liability.available").asInt()).isEqualTo(40);
        assertThat(liability.path("shop.rewards.drift.customersWithDrift").asInt()).isZero();
    }

    @Test
    void operatorsCorrectABalanceOnceWithAReason(TestShop shop) {
        rewards(shop, "loyalty").earn("anna", 20, "Bonus", null, "loyalty:bonus", null);
        String adjust = """
                mutation($points: Int!, $reason: String!) { rewardsAdjust(input: {shopId: "%s", customerId: "anna",
                  points: $points, reason: $reason, idempotencyKey: "k-1"}) {
                  entry { amount feature } balance { available } userErrors { code field } } }""".formatted(shop.id());

        GraphQlResult first = shop.admin().execute(adjust, Map.of("points", 15, "reason", "Goodwill"));
        GraphQlResult doubleClick = shop.admin().execute(adjust, Map.of("points", 15, "reason", "Goodwill"));
        GraphQlResult noReason = shop.admin().execute(adjust.replace("k-1", "k-2"), Map.of("points", 5, "reason", " "));
        GraphQlResult tooMuch = shop.admin().execute(adjust.replace("k-1", "k-3"),
                Map.of("points", -500, "reason", "Fix"));

        assertThat(first.path("rewardsAdjust.entry.feature").asText()).isEqualTo("operator");
        assertThat(doubleClick.path("rewardsAdjust.balance.available").asInt()).isEqualTo(35);
        assertThat(noReason.path("rewardsAdjust.userErrors[0].code").asText()).isEqualTo("INVALID");
        assertThat(tooMuch.path("rewardsAdjust.userErrors[0].code").asText()).isEqualTo("NOT_ENOUGH_POINTS");
        assertThat(rewards(shop, "loyalty").balance("anna").available()).isEqualTo(35);
    }
}
