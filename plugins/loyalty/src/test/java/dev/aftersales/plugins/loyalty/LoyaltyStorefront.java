package dev.aftersales.plugins.loyalty;

import dev.aftersales.testkit.GraphQlResult;
import dev.aftersales.testkit.TestShop;
import java.util.Map;

/** The storefront and operator documents the loyalty tests send. */
final class LoyaltyStorefront {

    static final String STANDING = """
            { viewer { loyalty { balance pending lifetimeEarned tier { name perks multiplier }
              nextTier { name missing basis } pointsExpireAt
              history(first: 20) { nodes { reason feature kind state points } }
              rewards { id name points kind affordable } } } }""";

    static final String REDEEM = """
            mutation($rewardId: ID!, $key: String!) {
              loyaltyRewardRedeem(input: {rewardId: $rewardId, idempotencyKey: $key}) {
                redemption { couponCode points } balance userErrors { code field message } } }""";

    private LoyaltyStorefront() {
    }

    static GraphQlResult standing(TestShop shop, String customerId) {
        GraphQlResult result = shop.storefront(customerId).execute(STANDING);
        result.assertNoErrors();
        return result;
    }

    static void tiers(TestShop shop, String tiersJson) {
        GraphQlResult result = shop.admin().execute("""
                mutation { loyaltyTiersSet(input: {shopId: "%s", tierBasis: "POINTS", tierPeriod: "LIFETIME",
                  tiers: %s}) { tiers { name } userErrors { code field message } } }""".formatted(shop.id(), tiersJson));
        result.assertNoErrors();
        if (!result.path("loyaltyTiersSet.userErrors").isEmpty()) {
            throw new AssertionError("Tiers refused: " + result.json());
        }
    }

    static String reward(TestShop shop, String name, int points, String amount) {
        GraphQlResult result = shop.admin().execute("""
                mutation($name: String!, $points: Int!, $amount: Decimal) { loyaltyRewardSave(input: {shopId: "%s",
                  name: $name, points: $points, kind: "AMOUNT_OFF", amount: $amount, currency: "EUR"}) {
                  reward { id } userErrors { code } } }""".formatted(shop.id()),
                Map.of("name", name, "points", points, "amount", amount));
        result.assertNoErrors();
        return result.path("loyaltyRewardSave.reward.id").asString();
    }
}
