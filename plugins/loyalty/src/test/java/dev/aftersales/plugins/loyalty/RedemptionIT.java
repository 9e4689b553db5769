package dev.aftersales.plugins.loyalty;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.aftersales.plugins.loyalty.LoyaltyIT.couponsAnswer;
import static dev.aftersales.plugins.loyalty.LoyaltyIT.redeem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.api.events.CustomerChanged;
import dev.aftersales.testkit.AftersalesHost;
import dev.aftersales.testkit.GraphQlResult;
import dev.aftersales.testkit.TestShop;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code loyaltyRewardRedeem} with the shop platform (WireMock behind the reference connector) up, down and slow. */
class RedemptionIT {

    @RegisterExtension
    static final AftersalesHost host = LoyaltyIT.host;

    private TestShop shop;
    private String reward;

    @BeforeEach
    void programme(TestShop shop) {
        this.shop = shop.enable("loyalty").settings("loyalty", Map.of("signupBonus", 600));
        shop.publish(new CustomerChanged("anna"));
        reward = LoyaltyStorefront.reward(shop, "5 € voucher", 500, "5.00");
    }

    @Test
    void theCouponIsIssuedAndOnlyThenThePointsAreSpent() {
        couponsAnswer(shop, 201, "LOYAL-5", 0);

        GraphQlResult result = redeem(shop, "anna", reward, "click-1");

        assertThat(result.path("loyaltyRewardRedeem.userErrors").isEmpty()).isTrue();
        assertThat(result.path("loyaltyRewardRedeem.redemption.couponCode").asString()).isEqualTo("LOYAL-5");
        assertThat(result.path("loyaltyRewardRedeem.balance").asInt()).isEqualTo(100);
        assertThat(LoyaltyStorefront.standing(shop, "anna").path("viewer.loyalty.history.nodes[0].state").asString())
                .isEqualTo("SPENT");
    }

    @Test
    void aDoubleClickRedeemsOnce() {
        couponsAnswer(shop, 201, "LOYAL-D", 200);

        List<GraphQlResult> results = List.of(
                CompletableFuture.supplyAsync(() -> redeem(shop, "anna", reward, "click-2")),
                CompletableFuture.supplyAsync(() -> redeem(shop, "anna", reward, "click-2")))
                .stream().map(CompletableFuture::join).toList();

        assertThat(results).allSatisfy(result ->
                assertThat(result.path("loyaltyRewardRedeem.redemption.couponCode").asString()).isEqualTo("LOYAL-D"));
        assertThat(LoyaltyStorefront.standing(shop, "anna").path("viewer.loyalty.balance").asInt()).isEqualTo(100);
        assertThat(redeem(shop, "anna", reward, "click-2").path("loyaltyRewardRedeem.redemption.couponCode")
                .asString()).isEqualTo("LOYAL-D");
    }

    @Test
    void thePlatformDownSpendsNothing() {
        couponsAnswer(shop, 503, "never", 0);

        GraphQlResult result = redeem(shop, "anna", reward, "click-3");

        assertThat(result.path("loyaltyRewardRedeem.userErrors[0].code").asString()).isEqualTo("PLATFORM_UNAVAILABLE");
        assertThat(LoyaltyStorefront.standing(shop, "anna").path("viewer.loyalty.balance").asInt()).isEqualTo(600);
    }

    @Test
    void aPlatformSlowerThanTheTimeoutSpendsNothing() {
        couponsAnswer(shop, 201, "TOO-LATE", 3_000);

        GraphQlResult result = redeem(shop, "anna", reward, "click-4");

        assertThat(result.path("loyaltyRewardRedeem.userErrors[0].code").asString()).isEqualTo("PLATFORM_UNAVAILABLE");
        assertThat(LoyaltyStorefront.standing(shop, "anna").path("viewer.loyalty.balance").asInt()).isEqualTo(600);
        host.wireMock().verify(1, postRequestedFor(urlEqualTo("/platform-" + shop.id() + "/coupons")));
    }

    @Test
    void tooFewPointsOrAnUnknownRewardAreUserErrors() {
        couponsAnswer(shop, 201, "LOYAL-X", 0);
        String dear = LoyaltyStorefront.reward(shop, "50 € voucher", 5_000, "50.00");

        assertThat(redeem(shop, "anna", dear, "click-5").path("loyaltyRewardRedeem.userErrors[0].code").asString())
                .isEqualTo("NOT_ENOUGH_POINTS");
        assertThat(redeem(shop, "anna", "bm9wZQ", "click-6").path("loyaltyRewardRedeem.userErrors[0].code")
                .asString()).isEqualTo("REWARD_UNAVAILABLE");
        host.wireMock().verify(0, postRequestedFor(urlEqualTo("/platform-" + shop.id() + "/coupons")));
    }
}
