package dev.aftersales.plugins.wishlist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.testkit.AftersalesHost;
import dev.aftersales.testkit.GraphQlResult;
import dev.aftersales.testkit.TestShop;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The operator API's wishlist report: figures and most-wished variants of the operator's own shop only. */
class WishlistReportsIT {

    @RegisterExtension
    static final AftersalesHost host = AftersalesHost.withPluginUnderTest();

    private static final String REPORT = """
            query($id: ID!) { shop(id: $id) { wishlistReport {
              customerWishlists guestWishlists sharedWishlists customers items
              mostWishedVariants(first: 2) { variantId customers wishlists quantity } } } }""";

    @Test
    void reportsCountsAndTheMostWishedVariants(TestShop shop, TestShop otherShop) {
        shop.enable("wishlist");
        shop.catalog().variant("v-1", "Jacket", "M", "49.90", 3);
        shop.catalog().variant("v-2", "Scarf", "Red", "19.99", 1);
        new WishlistStorefront(shop.storefront("anna")).addToDefault("v-1", 2);
        new WishlistStorefront(shop.storefront("anna")).addToDefault("v-2", 1);
        new WishlistStorefront(shop.storefront("ben")).addToDefault("v-1", 1);

        GraphQlResult report = shop.admin().execute(REPORT, Map.of("id", shop.id())).assertNoErrors();

        assertThat(report.path("shop.wishlistReport.customerWishlists").asInt()).isEqualTo(2);
        assertThat(report.path("shop.wishlistReport.customers").asInt()).isEqualTo(2);
        assertThat(report.path("shop.wishlistReport.items").asInt()).isEqualTo(3);
        assertThat(report.path("shop.wishlistReport.mostWishedVariants[0].variantId").asString()).isEqualTo("v-1");
        assertThat(report.path("shop.wishlistReport.mostWishedVariants[0].quantity").asInt()).isEqualTo(3);
        assertThat(report.path("shop.wishlistReport.mostWishedVariants[0].customers").asInt()).isEqualTo(2);

        GraphQlResult foreign = otherShop.admin().execute(REPORT, Map.of("id", shop.id())).assertNoErrors();
        assertThat(foreign.path("shop").isNull()).isTrue();
    }
}
