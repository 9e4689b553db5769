package dev.aftersales.plugins.wishlist;

import static dev.aftersales.plugins.wishlist.jooq.Tables.WISHLIST_ITEM;
import static dev.aftersales.plugins.wishlist.jooq.Tables.WISHLIST_LIST;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.testkit.AftersalesHost;
import dev.aftersales.testkit.ConcurrentCalls;
import dev.aftersales.testkit.GraphQlResult;
import dev.aftersales.testkit.TestShop;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Many customers on one variant, and one customer's parallel clicks on one list: no call fails, every customer has
 * exactly one default list, and the limits hold.
 */
class WishlistConcurrencyIT {

    @RegisterExtension
    static final AftersalesHost host = AftersalesHost.withPluginUnderTest();

    private static final int THREADS = 8;
    private static final int CALLS = 40;

    @Test
    void manyCustomersFirstAddOfOneVariantCreatesOneDefaultListEach(TestShop shop) {
        hotVariant(shop);

        ConcurrentCalls.run(THREADS, CALLS, (thread, call) -> shop.storefront("c-" + thread + "-" + call)
                        .execute(WishlistDocuments.ITEM_ADD, Map.of("input", Map.of("variantId", "v-hot"))))
                .assertNoFailures();

        assertThat(lists(shop)).isEqualTo(THREADS * CALLS);
        assertThat(shop.sql().fetchCount(WISHLIST_LIST, WISHLIST_LIST.SHOP_ID.eq(shop.id())
                .and(WISHLIST_LIST.IS_DEFAULT.isTrue()))).isEqualTo(THREADS * CALLS);
        assertThat(shop.sql().fetchCount(WISHLIST_ITEM, WISHLIST_ITEM.SHOP_ID.eq(shop.id())
                .and(WISHLIST_ITEM.VARIANT_ID.eq("v-hot")))).isEqualTo(THREADS * CALLS);
    }

    @Test
    void oneCustomersParallelAddsLandOnOneDefaultListWithEveryQuantity(TestShop shop) {
        hotVariant(shop);
        shop.catalog().variant("v-other", "Scarf", "One size", "19.00", 0);
        shop.settings("wishlist", Map.of("maxQuantityPerItem", 99));

        ConcurrentCalls.run(THREADS, 5, (thread, call) -> shop.storefront("anna").execute(WishlistDocuments.ITEM_ADD,
                        Map.of("input", Map.of("variantId", thread % 2 == 0 ? "v-hot" : "v-other", "quantity", 2))))
                .assertNoFailures()
                .results().forEach(result -> assertThat(userErrors(result, "wishlistItemAdd")).isEmpty());

        assertThat(lists(shop)).isEqualTo(1);
        assertThat(shop.sql().select(WISHLIST_ITEM.VARIANT_ID, WISHLIST_ITEM.QUANTITY).from(WISHLIST_ITEM)
                .where(WISHLIST_ITEM.SHOP_ID.eq(shop.id())).fetchMap(WISHLIST_ITEM.VARIANT_ID, WISHLIST_ITEM.QUANTITY))
                .as("4 threads x 5 clicks x quantity 2 per variant")
                .containsOnly(Map.entry("v-hot", 40), Map.entry("v-other", 40));
    }

    @Test
    void parallelCreatesAndAddsRespectTheLimits(TestShop shop) {
        hotVariant(shop);
        shop.settings("wishlist", Map.of("maxListsPerCustomer", 5, "maxItemsPerList", 10));
        for (int v = 0; v < THREADS * 3; v++) {
            shop.catalog().variant("v-" + v, "Jacket", "Size " + v, "99.00", 1);
        }

        ConcurrentCalls.Report report = ConcurrentCalls.run(THREADS, 3, (thread, call) -> {
            var anna = shop.storefront("anna");
            return thread % 2 == 0
                    ? anna.execute(WishlistDocuments.CREATE, Map.of("input", Map.of("name", "List " + thread + call)))
                    : anna.execute(WishlistDocuments.ITEM_ADD,
                            Map.of("input", Map.of("variantId", "v-" + (thread * 3 + call))));
        }).assertNoFailures();

        long refused = report.results().stream()
                .flatMap(result -> result.json().path("data").properties().stream()
                        .flatMap(field -> field.getValue().path("userErrors").valueStream()))
                .filter(error -> error.path("code").asString().equals("LIMIT_EXCEEDED"))
                .count();
        assertThat(lists(shop)).isEqualTo(5);
        assertThat(shop.sql().fetchCount(WISHLIST_LIST, WISHLIST_LIST.SHOP_ID.eq(shop.id())
                .and(WISHLIST_LIST.IS_DEFAULT.isTrue()))).isEqualTo(1);
        assertThat(shop.sql().fetchCount(WISHLIST_ITEM, WISHLIST_ITEM.SHOP_ID.eq(shop.id()))).isEqualTo(10);
        // 12 creates for 5 lists (the first add may have made the default one), 12 adds for 10 places
        assertThat(refused).isBetween(9L, 10L);
    }

    private static void hotVariant(TestShop shop) {
        shop.enable("wishlist");
        shop.catalog().variant("v-hot", "Alpine Jacket", "M", "189.00", 0);
    }

    private static int lists(TestShop shop) {
        return shop.sql().fetchCount(WISHLIST_LIST, WISHLIST_LIST.SHOP_ID.eq(shop.id()));
    }

    private static List<String> userErrors(GraphQlResult result, String mutation) {
        return result.path(mutation + ".userErrors").valueStream().map(error -> error.path("code").asString())
                .toList();
    }
}
