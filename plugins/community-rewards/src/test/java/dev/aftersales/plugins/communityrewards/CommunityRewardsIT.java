package dev.aftersales.plugins.communityrewards;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.api.catalog.Money;
import dev.aftersales.api.catalog.Order;
import dev.aftersales.api.catalog.OrderLine;
import dev.aftersales.api.events.ContributionApproved;
import dev.aftersales.api.events.ContributionKind;
import dev.aftersales.host.catalog.OrderService;
import dev.aftersales.testkit.AftersalesHost;
import dev.aftersales.testkit.ConcurrentCalls;
import dev.aftersales.testkit.GraphQlResult;
import dev.aftersales.testkit.TestShop;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Community points through the real host with the reviews plugin beside it: the two share only the plugin API's
 * contribution events. Points after approval, once; reversed on removal; the weekly cap under concurrent approvals.
 */
class CommunityRewardsIT {

    @RegisterExtension
    static final AftersalesHost host = AftersalesHost.withPlugins(
            Path.of(System.getProperty(AftersalesHost.PLUGIN_JAR_PROPERTY)),
            Path.of(System.getProperty("aftersales.testkit.reviews-jar")));

    private static final String SUBMIT = """
            mutation($input: ReviewSubmitInput!) { reviewSubmit(input: $input) { review { id } userErrors { code } } }""";
    private static final String MODERATE = """
            mutation($input: ReviewModerateInput!) { reviewModerate(input: $input) { review { status }
              userErrors { code } } }""";

    private static TestShop community(TestShop shop, int products) {
        shop.enable("reviews").enable("community-rewards").settings("community-rewards",
                Map.of("reviewPoints", 50, "photoBonus", 20, "answerPoints", 20, "weeklyCap", 200));
        List<OrderLine> lines = new ArrayList<>();
        for (int i = 1; i <= products; i++) {
            shop.catalog().variant("v-" + i).product("p-" + i, "Product " + i).price("20.00", "EUR").stock(5).save();
            lines.add(new OrderLine("v-" + i, "p-" + i, "Product " + i, 1, new Money(new BigDecimal("20.00"), "EUR"), 0));
        }
        host.bean(OrderService.class).save(shop.id(), new Order("o-1", "anna", host.clock().instant(),
                Order.OrderStatus.DELIVERED, new Money(new BigDecimal("20.00").multiply(BigDecimal.valueOf(products)),
                "EUR"), lines));
        return shop;
    }

    @Test
    void anApprovedReviewEarnsPointsOnceAndGivesThemBackWhenRemoved(TestShop shop) {
        community(shop, 2);
        String review = write(shop, "anna", "p-1", List.of("https://img.example/1.jpg"));
        assertThat(balance(shop, "anna")).isZero(); // pending moderation earns nothing

        moderate(shop, review, "APPROVED");
        assertThat(balance(shop, "anna")).isEqualTo(70); // 50 for the review, 20 for its photos
        GraphQlResult page = shop.storefront().execute("""
                { productReviews(productId: "p-1") { reviews { nodes { incentivized } } } }""").assertNoErrors();
        assertThat(page.path("productReviews.reviews.nodes[0].incentivized").asBoolean()).isTrue();

        // a repeated event, and an approval of the same review again, book nothing twice
        shop.publish(new ContributionApproved(ContributionKind.REVIEW, reviewKey(shop, review), "anna", "p-1", true, 1));
        moderate(shop, review, "REJECTED");
        assertThat(balance(shop, "anna")).isZero();
        moderate(shop, review, "APPROVED");
        assertThat(balance(shop, "anna")).isZero(); // once per customer and product, also after a removal

        // a review of a product ben never bought earns nothing (purchased only)
        moderate(shop, write(shop, "ben", "p-2", List.of()), "APPROVED");
        assertThat(balance(shop, "ben")).isZero();

        GraphQlResult report = shop.admin().execute("""
                query($shop: ID!, $from: DateTime!, $to: DateTime!) { shop(id: $shop) { communityRewards {
                  report(from: $from, to: $to) { kind contributions points reversedPoints } } } }""",
                Map.of("shop", shop.id(), "from", host.clock().instant().minus(Duration.ofDays(1)).toString(),
                        "to", host.clock().instant().plus(Duration.ofDays(1)).toString())).assertNoErrors();
        assertThat(report.path("shop.communityRewards.report[1].kind").asString()).isEqualTo("REVIEW");
        assertThat(report.path("shop.communityRewards.report[1].points").asInt()).isEqualTo(50);
        assertThat(report.path("shop.communityRewards.report[1].reversedPoints").asInt()).isEqualTo(50);
        assertThat(report.path("shop.communityRewards.report[0].kind").asString()).isEqualTo("PHOTO");

        assertThat(shop.export("community-rewards", "anna").toString()).contains("p-1");
        shop.erase("community-rewards", "anna");
        assertThat(shop.personalData("anna", null)).noneMatch(place -> place.startsWith("community_rewards_"));
    }

    @Test
    void theWeeklyCapHoldsWhenManyOfOneCustomersReviewsAreApprovedAtOnce(TestShop shop) {
        community(shop, 9);
        List<String> reviews = IntStream.rangeClosed(1, 8).mapToObj(i -> write(shop, "anna", "p-" + i, List.of()))
                .toList();

        ConcurrentCalls.run(8, 1, (thread, call) -> shop.admin().execute(MODERATE, Map.of("input",
                Map.of("shopId", shop.id(), "reviewId", reviews.get(thread), "status", "APPROVED"))))
                .assertNoFailures();

        assertThat(balance(shop, "anna")).isEqualTo(200); // 8 × 50 points, capped at 200 a week
        host.clock().advance(Duration.ofDays(7));
        moderate(shop, write(shop, "anna", "p-9", List.of()), "APPROVED");
        assertThat(balance(shop, "anna")).isEqualTo(250);
    }

    private static String write(TestShop shop, String customerId, String productId, List<String> photos) {
        Map<String, Object> input = new HashMap<>();
        input.put("productId", productId);
        input.put("rating", 5);
        input.put("text", "Very good");
        input.put("photoUrls", photos);
        return shop.storefront(customerId).execute(SUBMIT, Map.of("input", input)).assertNoErrors()
                .path("reviewSubmit.review.id").asString();
    }

    private static void moderate(TestShop shop, String reviewId, String status) {
        GraphQlResult result = shop.admin().execute(MODERATE, Map.of("input", Map.of("shopId", shop.id(),
                "reviewId", reviewId, "status", status))).assertNoErrors();
        assertThat(result.path("reviewModerate.review.status").asString()).isEqualTo(status);
    }

    private static long balance(TestShop shop, String customerId) {
        return shop.admin().execute("""
                query($shop: ID!, $customer: ID!) { shop(id: $shop) { rewards { balance(customerId: $customer) {
                  available } } } }""", Map.of("shop", shop.id(), "customer", customerId)).assertNoErrors()
                .path("shop.rewards.balance.available").asLong();
    }

    /** The reviews plugin's own id of a review, as its events carry it. */
    private static String reviewKey(TestShop shop, String globalId) {
        return dev.aftersales.api.graphql.GlobalId.decodeLong("Review", globalId).orElseThrow().toString();
    }
}
