package dev.aftersales.plugins.wishlist;

import static dev.aftersales.plugins.wishlist.WishlistStorefront.userErrorCodes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.testkit.AftersalesHost;
import dev.aftersales.testkit.GraphQlResult;
import dev.aftersales.testkit.TestShop;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Shop A's lists are invisible and untouchable from shop B, even for a customer with the same id, and from another
 * customer of shop A; a shop that has not enabled the feature does not have its fields; the items query costs the same
 * number of statements however many items it shows.
 */
class WishlistIsolationIT {

    @RegisterExtension
    static final AftersalesHost host = AftersalesHost.withPluginUnderTest();

    private TestShop shopA;
    private TestShop shopB;
    private String list;
    private String item;

    @BeforeEach
    void twoShops(TestShop shopA, TestShop shopB) {
        this.shopA = shopA.enable("wishlist");
        this.shopB = shopB.enable("wishlist");
        for (TestShop shop : List.of(shopA, shopB)) {
            shop.catalog().variant("v-1", "Jacket", "M", "49.90", 3);
            shop.catalog().variant("v-2", "Scarf", "Red", "19.99", 1);
        }
        WishlistStorefront annaInA = new WishlistStorefront(shopA.storefront("anna"));
        list = annaInA.createList("Birthday");
        item = annaInA.addItem(list, "v-1", 1);
    }

    @Test
    void theSameCustomerIdInAnotherShopSeesNothing() {
        WishlistStorefront annaInB = new WishlistStorefront(shopB.storefront("anna"));

        assertThat(annaInB.lists(10).path("nodes").isEmpty()).isTrue();
        assertThat(annaInB.list(list, 10).isNull()).isTrue();
        assertThat(annaInB.execute(WishlistDocuments.DEFAULT_LIST, Map.of()).path("viewer.defaultWishlist").isNull())
                .isTrue();
        assertThat(annaInB.execute(WishlistDocuments.IN_WISHLISTS, Map.of("id", "v-1")).path("variant.inWishlists")
                .isEmpty()).isTrue();
    }

    @Test
    void anotherShopCannotTouchTheLists() {
        assertEveryOperationIsNotFound(new WishlistStorefront(shopB.storefront("anna")));
    }

    @Test
    void anotherCustomerCannotTouchTheLists() {
        assertEveryOperationIsNotFound(new WishlistStorefront(shopA.storefront("ben")));
    }

    private void assertEveryOperationIsNotFound(WishlistStorefront intruder) {
        String ownList = intruder.createList("Mine");
        Map<String, GraphQlResult> attempts = Map.of(
                "wishlistRename", intruder.mutate(WishlistDocuments.RENAME, Map.of("wishlistId", list, "name", "x")),
                "wishlistDelete", intruder.mutate(WishlistDocuments.DELETE, Map.of("wishlistId", list)),
                "wishlistClear", intruder.mutate(WishlistDocuments.CLEAR, Map.of("wishlistId", list)),
                "wishlistItemAdd", intruder.mutate(WishlistDocuments.ITEM_ADD,
                        Map.of("wishlistId", list, "variantId", "v-2")),
                "wishlistItemUpdate", intruder.mutate(WishlistDocuments.ITEM_UPDATE,
                        Map.of("itemId", item, "quantity", 9)),
                "wishlistItemRemove", intruder.mutate(WishlistDocuments.ITEM_REMOVE, Map.of("itemId", item)),
                "wishlistItemsCopy", intruder.mutate(WishlistDocuments.ITEMS_COPY,
                        Map.of("itemIds", List.of(item), "targetWishlistId", ownList)),
                "wishlistItemsMove", intruder.mutate(WishlistDocuments.ITEMS_MOVE,
                        Map.of("itemIds", List.of(item), "targetWishlistId", ownList)),
                "wishlistShare", intruder.mutate(WishlistDocuments.SHARE, Map.of("wishlistId", list)),
                "wishlistUnshare", intruder.mutate(WishlistDocuments.UNSHARE, Map.of("wishlistId", list)));

        attempts.forEach((mutation, result) ->
                assertThat(userErrorCodes(result, mutation)).as(mutation).containsExactly("NOT_FOUND"));
        WishlistStorefront anna = new WishlistStorefront(shopA.storefront("anna"));
        assertThat(anna.list(list, 10).path("name").asString()).isEqualTo("Birthday");
        assertThat(anna.quantities(list)).containsOnly(Map.entry("v-1", 1));
        assertThat(intruder.variantIds(ownList)).isEmpty();
    }

    @Test
    void itemsQueryCostsTheSameStatementsWhateverFirstIs() {
        WishlistStorefront anna = new WishlistStorefront(shopA.storefront("anna"));
        String second = anna.createList("Christmas");
        for (int i = 0; i < 30; i++) {
            String variant = "n-" + i;
            shopA.catalog().variant(variant, "Product " + i, "Variant " + i, "1.00", i % 2);
            anna.addItem(list, variant, 1);
            anna.addItem(second, variant, 1);
        }

        long five = host.sqlStatements().count(() -> anna.execute(WishlistDocuments.LISTS_WITH_ITEMS,
                Map.of("first", 5)).assertNoErrors());
        long fifty = host.sqlStatements().count(() -> anna.execute(WishlistDocuments.LISTS_WITH_ITEMS,
                Map.of("first", 50)).assertNoErrors());

        assertThat(fifty).isEqualTo(five);
    }

    @Test
    void aShopWithoutTheFeatureGetsAGraphQlError(TestShop withoutWishlist) {
        GraphQlResult result = withoutWishlist.storefront("anna").execute(WishlistDocuments.LISTS, Map.of("first", 10));

        assertThat(result.errorCodes()).contains("FEATURE_DISABLED");
    }

    @Test
    void disablingTheFeatureHidesItsFieldsAndKeepsTheData() {
        shopA.disable("wishlist");
        GraphQlResult disabled = shopA.storefront("anna").execute(WishlistDocuments.LISTS, Map.of("first", 10));
        assertThat(disabled.errorCodes()).contains("FEATURE_DISABLED");

        shopA.enable("wishlist");
        WishlistStorefront anna = new WishlistStorefront(shopA.storefront("anna"));
        assertThat(anna.quantities(list)).containsOnly(Map.entry("v-1", 1));
    }
}
