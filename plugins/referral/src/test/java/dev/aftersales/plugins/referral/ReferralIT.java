package dev.aftersales.plugins.referral;

import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.api.events.OrderPlaced;
import dev.aftersales.api.events.OrderStatusChanged;
import dev.aftersales.api.catalog.Order;
import dev.aftersales.testkit.AftersalesHost;
import dev.aftersales.testkit.ConcurrentCalls;
import dev.aftersales.testkit.GraphQlResult;
import dev.aftersales.testkit.TestMails;
import dev.aftersales.testkit.TestShop;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A referral from the link to the available reward, returns, bad input, concurrency and GDPR, through the host. */
class ReferralIT {

    @RegisterExtension
    static final AftersalesHost host = Programme.HOST;

    @Test
    void aReferralGoesFromTheLinkVisitToAnAvailableRewardAfterTheReturnWindow(TestShop shop) {
        Programme programme = Programme.start(shop, Map.of());
        shop.customer("anna", "anna@example.com", "de");
        String token = programme.token("anna");

        GraphQlResult landing = programme.guest("ben").execute(Programme.VISIT, Map.of("code", token));
        assertThat(landing.path("referralVisit.status").asString()).isEqualTo("VALID");
        assertThat(landing.path("referralVisit.friendDiscountPercent").asInt()).isEqualTo(15);

        GraphQlResult claim = programme.claim(programme.guest("ben"), token, "ben@example.org");
        assertThat(claim.path("referralClaim.userErrors").isEmpty()).isTrue();
        String coupon = claim.path("referralClaim.coupon.code").asString();
        host.wireMock().verify(1, postRequestedFor(urlEqualTo("/platform-" + shop.id() + "/coupons"))
                .withRequestBody(matchingJsonPath("$.kind", com.github.tomakehurst.wiremock.client.WireMock
                        .equalTo("PERCENTAGE"))));

        // the friend's first order reports the coupon; it is the friend's first order and above the minimum
        Map<String, Object> signals = Map.of("email", "ben@example.org", "couponCodes", List.of(coupon));
        programme.placed("o-ben-1", "ben", "59.90", signals);
        assertThat(programme.state("ben")).isEqualTo("QUALIFIED");
        MimeMessage qualified = TestMails.await(shop, host.mail(), "anna@example.com", 1).getFirst();
        assertThat(TestMails.subject(qualified)).isEqualTo("Ihr Freund hat bestellt: 500 Punkte sind unterwegs");

        programme.delivered("o-ben-1", "ben", "59.90", signals);
        GraphQlResult pending = programme.standing("anna");
        assertThat(pending.path("viewer.referral.referredCount").asInt()).isEqualTo(1);
        assertThat(pending.path("viewer.referral.pendingRewards").asInt()).isEqualTo(500);
        assertThat(pending.path("viewer.referral.earnedRewards").asInt()).isZero();
        assertThat(pending.path("viewer.referral.friends.nodes[0].name").asString()).isEqualTo("b***@e***.org");
        assertThat(programme.ledger("anna").path("shop.rewards.balance.pending").asInt()).isEqualTo(500);

        host.clock().advance(Duration.ofDays(14));
        shop.runJob("referral", RewardRelease.JOB);

        GraphQlResult available = programme.standing("anna");
        assertThat(available.path("viewer.referral.earnedRewards").asInt()).isEqualTo(500);
        assertThat(available.path("viewer.referral.pendingRewards").asInt()).isZero();
        assertThat(programme.ledger("anna").path("shop.rewards.balance.available").asInt()).isEqualTo(500);
        MimeMessage ready = TestMails.await(shop, host.mail(), "anna@example.com", 2).get(1);
        assertThat(TestMails.subject(ready)).isEqualTo("Ihre 500 Empfehlungspunkte sind da");

        GraphQlResult report = shop.admin().execute("""
                query($shop: ID!) { shop(id: $shop) { referral { report { visits signUps firstOrders
                  rewardedReferrals pointsRewarded friendCoupons revenue { amount currencyCode } } } } }""",
                Map.of("shop", shop.id())).assertNoErrors();
        assertThat(report.path("shop.referral.report.visits").asInt()).isEqualTo(1);
        assertThat(report.path("shop.referral.report.signUps").asInt()).isEqualTo(1);
        assertThat(report.path("shop.referral.report.firstOrders").asInt()).isEqualTo(1);
        assertThat(report.path("shop.referral.report.pointsRewarded").asInt()).isEqualTo(500);
        assertThat(report.path("shop.referral.report.revenue[0].amount").asString()).isEqualTo("59.90");
    }

    @Test
    void aReturnInsideTheWindowCancelsThePendingPointsAndOneAfterItReportsTheShortfall(TestShop shop) {
        Programme programme = Programme.start(shop, Map.of());
        String code = programme.code("anna");
        // ben returns inside the window: the pending points are cancelled
        programme.claim(programme.as("ben"), code, null);
        programme.placed("o-ben", "ben", "40.00", Map.of());
        programme.delivered("o-ben", "ben", "40.00", Map.of());
        programme.order("order.returned", "o-ben", "ben", "RETURNED", "40.00", 1, Map.of());
        assertThat(programme.state("ben")).isEqualTo("REVERSED");
        assertThat(programme.ledger("anna").path("shop.rewards.balance.pending").asInt()).isZero();

        // cleo's reward became available and anna spent 300 of it before cleo returned the order
        programme.claim(programme.as("cleo"), code, null);
        programme.placed("o-cleo", "cleo", "40.00", Map.of());
        programme.delivered("o-cleo", "cleo", "40.00", Map.of());
        host.clock().advance(Duration.ofDays(15));
        shop.runJob("referral", RewardRelease.JOB);
        shop.admin().execute("""
                mutation($shop: ID!) { rewardsAdjust(input: {shopId: $shop, customerId: "anna", points: -300,
                  reason: "Spent in store", idempotencyKey: "spend-1"}) { userErrors { code } } }""",
                Map.of("shop", shop.id())).assertNoErrors();
        programme.order("order.cancelled", "o-cleo", "cleo", "CANCELLED", "40.00", 0, Map.of());
        programme.order("order.cancelled", "o-cleo", "cleo", "CANCELLED", "40.00", 0, Map.of()); // reported twice

        assertThat(programme.state("cleo")).isEqualTo("REVERSED");
        GraphQlResult ledger = programme.ledger("anna");
        assertThat(ledger.path("shop.rewards.balance.available").asInt()).isZero();
        assertThat(ledger.path("shop.rewards.entries.nodes[0].kind").asString()).isEqualTo("REVERSAL");
        assertThat(ledger.path("shop.rewards.entries.nodes[0].shortfall").asInt()).isEqualTo(300);
        assertThat(shop.sql().resultQuery("SELECT shortfall FROM referral_friend WHERE shop_id = ? AND order_id = 'o-cleo'",
                shop.id()).fetchOne(0, Long.class)).isEqualTo(300L);
    }

    @Test
    void badCodesSecondFirstOrdersAndExistingCustomersGetClearOutcomesAndNothingIsPaidTwice(TestShop shop) {
        TestShop other = host.newShop();
        Programme programme = Programme.start(shop, Map.of());
        String code = programme.code("anna");
        String foreignCode = Programme.start(other, Map.of()).code("zoe");

        assertThat(programme.claimError(programme.guest("x"), "NOPE000000", "x@example.org")).isEqualTo("UNKNOWN_CODE");
        assertThat(programme.claimError(programme.guest("x"), foreignCode, "x@example.org")).isEqualTo("UNKNOWN_CODE");
        assertThat(programme.claimError(programme.guest("x"), code + "x.forged", "x@example.org"))
                .isEqualTo("UNKNOWN_CODE");
        assertThat(programme.claimError(programme.guest("x"), code, "not-an-address")).isEqualTo("INVALID");
        assertThat(programme.claimError(programme.as("anna"), code, null)).isEqualTo("SELF_REFERRAL");
        assertThat(programme.guest("x").execute(Programme.VISIT, Map.of("code", "NOPE000000"))
                .path("referralVisit.status").asString()).isEqualTo("UNKNOWN_CODE");

        // an existing customer cannot be referred
        programme.placed("o-dora-0", "dora", "30.00", Map.of());
        assertThat(programme.claimError(programme.as("dora"), code, null)).isEqualTo("ALREADY_CUSTOMER");

        // the same friend again: the same coupon; with another code: already referred
        String first = programme.claim(programme.as("ben"), code, null).path("referralClaim.coupon.code").asString();
        assertThat(programme.claim(programme.as("ben"), code, null).path("referralClaim.coupon.code").asString())
                .isEqualTo(first);
        assertThat(programme.claimError(programme.as("ben"), programme.code("cleo"), null))
                .isEqualTo("ALREADY_REFERRED");

        // the first order twice (the same webhook delivered again), then a second order: one reward
        programme.placed("o-ben-1", "ben", "50.00", Map.of());
        programme.delivered("o-ben-1", "ben", "50.00", Map.of());
        programme.delivered("o-ben-1", "ben", "50.00", Map.of());
        programme.placed("o-ben-2", "ben", "80.00", Map.of());
        programme.delivered("o-ben-2", "ben", "80.00", Map.of());
        assertThat(programme.ledger("anna").path("shop.rewards.balance.pending").asInt()).isEqualTo(500);

        // a first order below the minimum earns nothing, and the friend's later order is not a first order
        programme.claim(programme.as("emil"), code, null);
        programme.placed("o-emil-1", "emil", "9.90", Map.of());
        assertThat(programme.state("emil")).isEqualTo("VOID");

        // the code is revoked by the operator: the old code is refused, anna gets a new one
        GraphQlResult revoked = shop.admin().execute("""
                mutation($shop: ID!) { referralCodeRevoke(input: {shopId: $shop, customerId: "anna",
                  reason: "Posted on a coupon site"}) { revokedCode userErrors { code } } }""",
                Map.of("shop", shop.id())).assertNoErrors();
        assertThat(revoked.path("referralCodeRevoke.revokedCode").asString()).isEqualTo(code);
        assertThat(programme.claimError(programme.guest("y"), code, "y@example.org")).isEqualTo("REVOKED_CODE");
        assertThat(programme.code("anna")).isNotEqualTo(code);
    }

    @Test
    void aReferralCodeTypedAtCheckoutCountsOnlyForANewCustomersFirstOrder(TestShop shop) {
        Programme programme = Programme.start(shop, Map.of());
        String code = programme.code("anna");

        programme.placed("o-finn", "finn", "35.00", Map.of("couponCodes", List.of(code.toLowerCase())));
        assertThat(programme.state("finn")).isEqualTo("QUALIFIED");

        programme.placed("o-gus-1", "gus", "35.00", Map.of());
        programme.placed("o-gus-2", "gus", "35.00", Map.of("couponCodes", List.of(code)));
        assertThat(programme.state("gus")).isEqualTo("VOID");
        assertThat(shop.sql().resultQuery("SELECT void_reason FROM referral_friend WHERE shop_id = ? "
                + "AND friend_customer_id = 'gus'", shop.id()).fetchOne(0, String.class)).isEqualTo("NOT_FIRST_ORDER");
    }

    @Test
    void theSameFirstOrderDeliveredManyTimesAtOncePaysOnce(TestShop shop) {
        Programme programme = Programme.start(shop, Map.of("returnWindowDays", 0));
        String code = programme.code("anna");
        // a double-clicked claim: one referral, one coupon
        ConcurrentCalls.run(4, 2, (thread, call) -> programme.as("ben").execute(Programme.CLAIM,
                Map.of("code", code))).assertNoFailures();
        assertThat(shop.sql().resultQuery("SELECT COUNT(*) FROM referral_friend WHERE shop_id = ?", shop.id())
                .fetchOne(0, Integer.class))
                .isEqualTo(1);

        shop.catalog().order("o-ben", "ben", java.time.Instant.parse("2026-11-20T08:00:00Z")).line("v-1", 1, "45.00")
                .save();
        List<CompletableFuture<Integer>> deliveries = IntStream.range(0, 8).mapToObj(i ->
                CompletableFuture.supplyAsync(() -> shop.publish(new OrderPlaced("o-ben", "ben"))
                        + shop.publish(new OrderStatusChanged("o-ben", "ben", Order.OrderStatus.FULFILLED,
                        Order.OrderStatus.DELIVERED)))).toList();
        deliveries.forEach(CompletableFuture::join);

        GraphQlResult ledger = programme.ledger("anna");
        assertThat(ledger.path("shop.rewards.balance.available").asInt()).isEqualTo(500);
        assertThat(ledger.path("shop.rewards.entries.nodes").size()).isEqualTo(1);
        assertThat(programme.state("ben")).isEqualTo("REWARDED");
    }

    @Test
    void exportListsAndEraseForgetsTheCustomersReferralData(TestShop shop) {
        Programme programme = Programme.start(shop, Map.of());
        String code = programme.code("anna");
        programme.guest("ben").execute(Programme.VISIT, Map.of("code", code));
        programme.claim(programme.as("ben"), code, "ben@example.org");

        Map<String, Object> anna = shop.export("referral", "anna");
        assertThat(anna.get("code")).asString().contains(code);
        assertThat(anna.get("referralsMade")).asString().contains("b***@e***.org").doesNotContain("ben@example.org");
        assertThat(shop.export("referral", "ben").get("referredAsFriend")).asString().contains("ben@example.org");

        shop.erase("referral", "ben");
        assertThat(shop.personalData("ben", "ben@example.org")).isEmpty();
        shop.erase("referral", "anna");
        assertThat(shop.personalData("anna", null)).isEmpty();
    }
}
