package dev.aftersales.plugins.wishlist;

import static dev.aftersales.plugins.wishlist.jooq.Tables.WISHLIST_GUEST;
import static dev.aftersales.plugins.wishlist.jooq.Tables.WISHLIST_ITEM;
import static dev.aftersales.plugins.wishlist.jooq.Tables.WISHLIST_LIST;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.api.events.CustomerDeleted;
import dev.aftersales.testkit.AftersalesHost;
import dev.aftersales.testkit.TestShop;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** GDPR: export names everything the feature keeps about a customer, erase leaves no row of them. */
class WishlistPrivacyIT {

    @RegisterExtension
    static final AftersalesHost host = AftersalesHost.withPluginUnderTest();

    private TestShop shop;

    @BeforeEach
    void annaWithListsAndAMergedGuestList(TestShop shop) {
        this.shop = shop.enable("wishlist");
        shop.catalog().variant("v-1", "Jacket", "M", "49.90", 3);
        shop.catalog().variant("v-2", "Scarf", "Red", "19.99", 1);
        WishlistStorefront anna = new WishlistStorefront(shop.storefront("anna"));
        String birthday = anna.createList("Birthday");
        anna.addItem(Map.of("wishlistId", birthday, "variantId", "v-1", "quantity", 1, "note", "size M"));
        anna.mutate(WishlistDocuments.SHARE, Map.of("wishlistId", birthday));

        WishlistStorefront guest = new WishlistStorefront(shop.storefront());
        String token = guest.startGuest();
        guest.addItem(Map.of("guestToken", token, "variantId", "v-2", "quantity", 1));
        anna.mutate(WishlistDocuments.MERGE_GUEST, Map.of("guestToken", token));

        new WishlistStorefront(shop.storefront("ben")).addToDefault("v-1", 1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void exportHoldsTheListsItemsAndMergedGuestLists() {
        Map<String, Object> export = shop.export("wishlist", "anna");

        List<Map<String, Object>> lists = (List<Map<String, Object>>) export.get("wishlists");
        assertThat(lists).hasSize(1);
        assertThat(lists.getFirst()).containsEntry("name", "Birthday").containsEntry("shared", true);
        List<Map<String, Object>> items = (List<Map<String, Object>>) lists.getFirst().get("items");
        assertThat(items).extracting(item -> item.get("variantId")).containsExactlyInAnyOrder("v-1", "v-2");
        assertThat(items).anySatisfy(item -> assertThat(item).containsEntry("note", "size M"));
        assertThat((List<?>) export.get("mergedGuestWishlists")).hasSize(1);
    }

    @Test
    void eraseLeavesNoRowOfTheCustomerIncludingMergedGuestLists() {
        shop.erase("wishlist", "anna");

        assertNoRowsOf("anna");
        assertThat(new WishlistStorefront(shop.storefront("anna")).lists(10).path("nodes").isEmpty()).isTrue();
        assertThat(new WishlistStorefront(shop.storefront("ben")).lists(10).path("nodes").size())
                .as("other customers keep their lists").isEqualTo(1);
    }

    @Test
    void customerDeletedInTheShopErasesThem() {
        assertThat(shop.publish(new CustomerDeleted("anna"))).isZero();

        assertNoRowsOf("anna");
    }

    private void assertNoRowsOf(String customerId) {
        var db = shop.sql();
        assertThat(db.fetchCount(WISHLIST_LIST,
                WISHLIST_LIST.SHOP_ID.eq(shop.id()).and(WISHLIST_LIST.CUSTOMER_ID.eq(customerId)))).isZero();
        assertThat(db.fetchCount(WISHLIST_GUEST,
                WISHLIST_GUEST.SHOP_ID.eq(shop.id()).and(WISHLIST_GUEST.MERGED_CUSTOMER_ID.eq(customerId)))).isZero();
        // only ben's item is left in the shop
        assertThat(db.fetchCount(WISHLIST_ITEM, WISHLIST_ITEM.SHOP_ID.eq(shop.id()))).isEqualTo(1);
        assertThat(shop.personalData(customerId, null)).as("no column of any table names them").isEmpty();
    }
}
