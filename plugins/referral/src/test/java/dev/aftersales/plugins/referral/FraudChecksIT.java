package dev.aftersales.plugins.referral;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.testkit.AftersalesHost;
import dev.aftersales.testkit.GraphQlResult;
import dev.aftersales.testkit.TestShop;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each fraud check blocks or flags as the shop's settings say; flagged referrals are decided in the review queue. */
class FraudChecksIT {

    @RegisterExtension
    static final AftersalesHost host = Programme.HOST;

    @Test
    void theSameInboxAfterNormalisationIsASelfReferral(TestShop shop) {
        Programme programme = Programme.start(shop, Map.of());
        programme.placed("o-anna", "anna", "30.00", Map.of("email", "anna.berg+shop@gmail.com"));
        String code = programme.code("anna");

        assertThat(programme.claimError(programme.guest("x"), code, "AnnaBerg@GoogleMail.com"))
                .isEqualTo("SELF_REFERRAL");
        // a friend who typed another address at the claim but orders with anna's: blocked at the order
        programme.claim(programme.as("alt"), code, "someone@example.org");
        programme.placed("o-alt", "alt", "30.00", Map.of("email", "ANNA.berg@gmail.com"));
        assertThat(programme.state("alt")).isEqualTo("BLOCKED");
    }

    @Test
    void theSamePaymentBlocksAndTheSameAddressFlagsForReviewWhereTheOperatorApproves(TestShop shop) {
        Programme programme = Programme.start(shop, Map.of());
        programme.placed("o-anna", "anna", "30.00", Map.of("shippingAddressHash", "addr-1",
                "paymentFingerprint", "card-1"));
        String code = programme.code("anna");

        programme.claim(programme.as("ben"), code, null);
        programme.placed("o-ben", "ben", "30.00", Map.of("paymentFingerprint", "card-1"));
        assertThat(programme.state("ben")).isEqualTo("BLOCKED");

        programme.claim(programme.as("cleo"), code, null);
        programme.placed("o-cleo", "cleo", "30.00", Map.of("shippingAddressHash", "addr-1"));
        assertThat(programme.state("cleo")).isEqualTo("FLAGGED");
        programme.delivered("o-cleo", "cleo", "30.00", Map.of("shippingAddressHash", "addr-1"));
        assertThat(programme.ledger("anna").path("shop.rewards.balance.pending").asInt()).isZero();

        GraphQlResult queue = programme.queue();
        assertThat(queue.path("shop.referral.reviewQueue.nodes").size()).isEqualTo(1);
        assertThat(queue.path("shop.referral.reviewQueue.nodes[0].friendCustomerId").asString()).isEqualTo("cleo");
        assertThat(queue.path("shop.referral.reviewQueue.nodes[0].signals[0].reason").asString())
                .isEqualTo("SAME_ADDRESS");
        String id = queue.path("shop.referral.reviewQueue.nodes[0].id").asString();

        assertThat(programme.review(id, "APPROVE").path("referralReview.state").asString()).isEqualTo("REWARDED");
        assertThat(programme.review(id, "APPROVE").path("referralReview.userErrors[0].code").asString())
                .isEqualTo("NOT_FLAGGED");
        assertThat(programme.ledger("anna").path("shop.rewards.balance.pending").asInt()).isEqualTo(500);

        GraphQlResult report = shop.admin().execute("""
                query($shop: ID!) { shop(id: $shop) { referral { report { blocked { reason count }
                  flagged { reason count } } } } }""", Map.of("shop", shop.id())).assertNoErrors();
        assertThat(report.path("shop.referral.report.blocked[0].reason").asString()).isEqualTo("SAME_PAYMENT");
        assertThat(report.path("shop.referral.report.flagged[0].reason").asString()).isEqualTo("SAME_ADDRESS");
    }

    @Test
    void theReferrersOwnDeviceFlagsAndTheOperatorRejects(TestShop shop) {
        Programme programme = Programme.start(shop, Map.of());
        String code = programme.code("anna"); // anna looks at her link on her device

        // "ben" claims on anna's device (same IP address and browser)
        assertThat(programme.claim(programme.as("anna").withHeader("Authorization",
                "Bearer " + shop.customerToken("ben")), code, null).path("referralClaim.userErrors").isEmpty()).isTrue();
        programme.placed("o-ben", "ben", "30.00", Map.of());

        assertThat(programme.state("ben")).isEqualTo("FLAGGED");
        GraphQlResult queue = programme.queue();
        assertThat(queue.path("shop.referral.reviewQueue.nodes[0].signals[0].reason").asString())
                .isEqualTo("SAME_DEVICE");
        programme.review(queue.path("shop.referral.reviewQueue.nodes[0].id").asString(), "REJECT");
        assertThat(programme.state("ben")).isEqualTo("REJECTED");
        programme.delivered("o-ben", "ben", "30.00", Map.of());
        assertThat(programme.ledger("anna").path("shop.rewards.balance.pending").asInt()).isZero();
    }

    @Test
    void theMonthlyCapAndALeakedCodeBlockOrFlagAsConfigured(TestShop shop) {
        Programme programme = Programme.start(shop, Map.of("monthlyCap", 1, "checkMonthlyCap", 2,
                "leakedCodeUsesPerShare", 2, "checkLeakedCode", 1));
        String code = programme.code("anna");
        for (String friend : List.of("ben", "cleo")) {
            programme.claim(programme.as(friend), code, null);
            programme.placed("o-" + friend, friend, "30.00", Map.of());
        }
        assertThat(programme.state("ben")).isEqualTo("QUALIFIED");
        assertThat(programme.state("cleo")).isEqualTo("BLOCKED");

        // a third use of a code never shared: flagged as leaked (it still gets the friend's coupon)
        assertThat(programme.claimError(programme.as("dora"), code, null)).isNull();
        assertThat(shop.sql().resultQuery("""
                SELECT s.reason_code FROM referral_signal s JOIN referral_friend r ON r.id = s.referral_id
                WHERE r.shop_id = ? AND r.friend_customer_id = 'dora'""", shop.id()).fetchOne(0, String.class))
                .isEqualTo("LEAKED_CODE");
        // the storefront reports each share of the link
        assertThat(programme.as("anna").execute("mutation { referralLinkShare(input: {channel: \"email\"}) { shares } }")
                .assertNoErrors().path("referralLinkShare.shares").asInt()).isEqualTo(1);
    }

    @Test
    void checksSetToOffLetTheReferralThrough(TestShop shop) {
        Programme programme = Programme.start(shop, Map.of("checkSameAddress", 0, "checkSamePayment", 0));
        programme.placed("o-anna", "anna", "30.00", Map.of("shippingAddressHash", "addr-1",
                "paymentFingerprint", "card-1"));
        programme.claim(programme.as("ben"), programme.code("anna"), null);
        programme.placed("o-ben", "ben", "30.00", Map.of("shippingAddressHash", "addr-1",
                "paymentFingerprint", "card-1"));
        assertThat(programme.state("ben")).isEqualTo("QUALIFIED");
    }
}
