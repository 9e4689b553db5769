package dev.aftersales.plugins.wishlist;

import static dev.aftersales.plugins.wishlist.WishlistStorefront.userErrorCodes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.testkit.AftersalesHost;
import dev.aftersales.testkit.GraphQlResult;
import dev.aftersales.testkit.TestShop;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** A guest's wishlist on the server, held by a guest token, merged into the customer's default list at login. */
class GuestWishlistIT {

    @RegisterExtension
    static final AftersalesHost host = AftersalesHost.withPluginUnderTest();

    private TestShop shop;
    private WishlistStorefront guest;
    private WishlistStorefront anna;

    @BeforeEach
    void shop(TestShop shop) {
        this.shop = shop.enable("wishlist");
        for (String variant : new String[] {"v-1", "v-2", "v-3", "v-4"}) {
            shop.catalog().variant(variant, "Product " + variant, "Variant " + variant, "10.00", 5);
        }
        guest = new WishlistStorefront(shop.storefront());
        anna = new WishlistStorefront(shop.storefront("anna"));
    }

    private JsonNode guestList(String token) {
        return guest.execute(WishlistDocuments.GUEST_LIST, Map.of("guestToken", token)).assertNoErrors()
                .path("guestWishlist");
    }

    private GraphQlResult merge(WishlistStorefront customer, String token) {
        return customer.mutate(WishlistDocuments.MERGE_GUEST, Map.of("guestToken", token));
    }

    @Test
    void guestKeepsAListWithItsToken() {
        String token = guest.startGuest();
        String item = guest.addItem(Map.of("guestToken", token, "variantId", "v-1", "quantity", 2));
        guest.addItem(Map.of("guestToken", token, "variantId", "v-2", "quantity", 1));

        GraphQlResult updated = guest.mutate(WishlistDocuments.ITEM_UPDATE,
                Map.of("guestToken", token, "itemId", item, "quantity", 3));
        assertThat(updated.path("wishlistItemUpdate.item.quantity").asInt()).isEqualTo(3);

        JsonNode list = guestList(token);
        assertThat(list.path("itemCount").asInt()).isEqualTo(2);
        assertThat(list.path("isDefault").asBoolean()).isFalse();

        GraphQlResult cleared = guest.mutate(WishlistDocuments.CLEAR,
                Map.of("guestToken", token, "wishlistId", list.path("id").asString()));
        assertThat(cleared.path("wishlistClear.wishlist.itemCount").asInt()).isZero();
    }

    @Test
    void unknownGuestTokenIsNotFound() {
        GraphQlResult result = guest.mutate(WishlistDocuments.ITEM_ADD,
                Map.of("guestToken", "A".repeat(43), "variantId", "v-1"));

        assertThat(userErrorCodes(result, "wishlistItemAdd")).containsExactly("NOT_FOUND");
        assertThat(guestList("A".repeat(43)).isNull()).isTrue();
    }

    @Test
    void guestWithoutTokenCannotAdd() {
        GraphQlResult result = shop.storefront().execute(WishlistDocuments.ITEM_ADD,
                Map.of("input", Map.of("variantId", "v-1")));

        assertThat(result.errorCodes()).containsExactly("UNAUTHENTICATED");
    }

    @Test
    void mergeAddsTheGuestItemsToTheDefaultListAndAddsUpDuplicates() {
        String token = guest.startGuest();
        guest.addItem(Map.of("guestToken", token, "variantId", "v-1", "quantity", 2));
        guest.addItem(Map.of("guestToken", token, "variantId", "v-2", "quantity", 1, "note", "for Ben"));
        anna.addToDefault("v-1", 1);

        GraphQlResult merged = merge(anna, token);

        WishlistStorefront.assertNoUserErrors(merged, "wishlistMergeGuest");
        assertThat(merged.path("wishlistMergeGuest.mergedItemCount").asInt()).isEqualTo(2);
        assertThat(merged.path("wishlistMergeGuest.wishlist.isDefault").asBoolean()).isTrue();
        String defaultList = merged.path("wishlistMergeGuest.wishlist.id").asString();
        assertThat(anna.quantities(defaultList)).containsOnly(Map.entry("v-1", 3), Map.entry("v-2", 1));
        assertThat(guestList(token).isNull()).as("the guest list is gone after the merge").isTrue();
    }

    @Test
    void mergeCreatesTheDefaultListForANewCustomer() {
        String token = guest.startGuest();
        guest.addItem(Map.of("guestToken", token, "variantId", "v-1", "quantity", 1));

        GraphQlResult merged = merge(new WishlistStorefront(shop.storefront("new-customer")), token);

        assertThat(merged.path("wishlistMergeGuest.wishlist.isDefault").asBoolean()).isTrue();
        assertThat(merged.path("wishlistMergeGuest.wishlist.itemCount").asInt()).isEqualTo(1);
    }

    @Test
    void mergeRespectsTheShopsLimits() {
        shop.settings("wishlist", Map.of("maxItemsPerList", 3, "maxQuantityPerItem", 5));
        String token = guest.startGuest();
        guest.addItem(Map.of("guestToken", token, "variantId", "v-1", "quantity", 4));
        guest.addItem(Map.of("guestToken", token, "variantId", "v-3", "quantity", 1));
        guest.addItem(Map.of("guestToken", token, "variantId", "v-4", "quantity", 1));
        anna.addToDefault("v-1", 3);
        anna.addToDefault("v-2", 1);

        GraphQlResult merged = merge(anna, token);

        // v-1 added up (capped at 5), v-3 fits, v-4 does not: the list holds at most 3 items
        assertThat(userErrorCodes(merged, "wishlistMergeGuest")).containsExactly("LIMIT_EXCEEDED");
        assertThat(merged.path("wishlistMergeGuest.mergedItemCount").asInt()).isEqualTo(2);
        String defaultList = merged.path("wishlistMergeGuest.wishlist.id").asString();
        assertThat(anna.quantities(defaultList))
                .containsOnly(Map.entry("v-1", 5), Map.entry("v-2", 1), Map.entry("v-3", 1));
    }

    @Test
    void aGuestTokenMergedTwiceGivesAUserError() {
        String token = guest.startGuest();
        guest.addItem(Map.of("guestToken", token, "variantId", "v-1", "quantity", 1));
        merge(anna, token);

        GraphQlResult again = merge(anna, token);
        GraphQlResult byOther = merge(new WishlistStorefront(shop.storefront("ben")), token);

        assertThat(userErrorCodes(again, "wishlistMergeGuest")).containsExactly("ALREADY_MERGED");
        assertThat(userErrorCodes(byOther, "wishlistMergeGuest")).containsExactly("ALREADY_MERGED");
        String defaultList = anna.execute(WishlistDocuments.DEFAULT_LIST, Map.of()).path("viewer.defaultWishlist.id")
                .asString();
        assertThat(anna.quantities(defaultList)).as("merged once").containsOnly(Map.entry("v-1", 1));
    }

    @Test
    void mergingAnUnknownTokenIsNotFound() {
        GraphQlResult result = merge(anna, "B".repeat(43));

        assertThat(userErrorCodes(result, "wishlistMergeGuest")).containsExactly("NOT_FOUND");
    }

    @Test
    void guestListsExpireAfterTheRetentionPeriod() {
        String token = guest.startGuest();
        guest.addItem(Map.of("guestToken", token, "variantId", "v-1", "quantity", 1));

        host.clock().advance(Duration.ofDays(29));
        shop.runJob("wishlist", "expire-guest-wishlists");
        assertThat(guestList(token).isNull()).isFalse();

        host.clock().advance(Duration.ofDays(2));
        shop.runJob("wishlist", "expire-guest-wishlists");
        assertThat(guestList(token).isNull()).isTrue();
    }
}
