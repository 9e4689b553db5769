package dev.aftersales.host.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.api.platform.CartLine;
import dev.aftersales.api.platform.PlatformException;
import dev.aftersales.testkit.AftersalesHost;
import dev.aftersales.testkit.GraphQlResult;
import dev.aftersales.testkit.TestPlatform;
import dev.aftersales.testkit.TestShop;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The testkit's own shop platform, switched on with one line, seen through a feature that asks for carts. */
class TestPlatformTest {

    private static final String CHECKOUT = """
            mutation($input: KeeperCheckoutInput!) { keeperCheckout(input: $input) { checkoutUrl userErrors { code } } }""";

    @RegisterExtension
    static final AftersalesHost host = DailyJobsTest.host; // one host for both classes

    @Test
    void aFeaturesCartReachesTheTestPlatformWhichRecordsItAndAnswersTheCheckout(TestShop shop) {
        TestPlatform platform = shop.enable("keeper").platform();

        GraphQlResult result = shop.storefront("anna").execute(CHECKOUT,
                Map.of("input", Map.of("variantId", "v-1"))).assertNoErrors();

        assertThat(result.path("keeperCheckout.checkoutUrl").asString()).isEqualTo(platform.checkoutUrl(1));
        assertThat(platform.carts()).singleElement()
                .satisfies(cart -> assertThat(cart.lines()).containsExactly(new CartLine("v-1", 1)));
        assertThat(platform.coupons()).isEmpty();
    }

    @Test
    void aFailureTheTestAsksForReachesTheFeatureAndIsNotRecorded(TestShop shop) {
        TestPlatform platform = shop.enable("keeper").platform();
        platform.failNext(new PlatformException("The platform is down", true));

        GraphQlResult result = shop.storefront("anna").execute(CHECKOUT,
                Map.of("input", Map.of("variantId", "v-1"))).assertNoErrors();

        assertThat(result.path("keeperCheckout.userErrors[0].code").asString()).isEqualTo("PLATFORM_ERROR");
        assertThat(platform.carts()).isEmpty();
    }
}
