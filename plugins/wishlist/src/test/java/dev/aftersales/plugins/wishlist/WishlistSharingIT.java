package dev.aftersales.plugins.wishlist;

import static dev.aftersales.plugins.wishlist.WishlistStorefront.userErrorCodes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.testkit.AftersalesHost;
import dev.aftersales.testkit.GraphQlResult;
import dev.aftersales.testkit.TestShop;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** Read-only sharing by signed link, and its revocation. */
class WishlistSharingIT {

    @RegisterExtension
    static final AftersalesHost host = AftersalesHost.withPluginUnderTest();

    private TestShop shop;
    private WishlistStorefront anna;
    private String list;

    @BeforeEach
    void sharedList(TestShop shop) {
        this.shop = shop.enable("wishlist");
        shop.catalog().variant("v-1", "Jacket", "M", "49.90", 3);
        anna = new WishlistStorefront(shop.storefront("anna"));
        list = anna.createList("Birthday");
        anna.addItem(Map.of("wishlistId", list, "variantId", "v-1", "quantity", 2, "note", "size M, please"));
    }

    private String share() {
        GraphQlResult shared = anna.mutate(WishlistDocuments.SHARE, Map.of("wishlistId", list));
        assertThat(shared.path("wishlistShare.wishlist.shared").asBoolean()).isTrue();
        return shared.path("wishlistShare.shareToken").asString();
    }

    private JsonNode readShared(TestShop inShop, String token) {
        return inShop.storefront().execute(WishlistDocuments.SHARED, Map.of("token", token)).assertNoErrors()
                .path("sharedWishlist");
    }

    @Test
    void anyoneWithTheTokenReadsTheList() {
        String token = share();

        JsonNode shared = readShared(shop, token);

        assertThat(shared.path("name").asString()).isEqualTo("Birthday");
        assertThat(shared.path("itemCount").asInt()).isEqualTo(1);
        JsonNode item = shared.path("items").path("nodes").get(0);
        assertThat(item.path("variantId").asString()).isEqualTo("v-1");
        assertThat(item.path("quantity").asInt()).isEqualTo(2);
        assertThat(item.path("variant").path("name").asString()).isEqualTo("M");
        assertThat(anna.list(list, 1).path("shareToken").isNull()).isFalse();
    }

    @Test
    void unshareRevokesTheTokenAndSharingAgainGivesANewOne() {
        String token = share();

        GraphQlResult unshared = anna.mutate(WishlistDocuments.UNSHARE, Map.of("wishlistId", list));
        assertThat(unshared.path("wishlistUnshare.wishlist.shared").asBoolean()).isFalse();
        assertThat(unshared.path("wishlistUnshare.wishlist.shareToken").isNull()).isTrue();
        assertThat(readShared(shop, token).isNull()).isTrue();

        String newToken = share();
        assertThat(readShared(shop, token).isNull()).as("a revoked token stays revoked").isTrue();
        assertThat(readShared(shop, newToken).path("name").asString()).isEqualTo("Birthday");
    }

    @Test
    void forgedTokensReadNothing() {
        String token = share();

        assertThat(readShared(shop, token + "x").isNull()).isTrue();
        assertThat(readShared(shop, "not-a-token").isNull()).isTrue();
        assertThat(readShared(shop, new StringBuilder(token).reverse().toString()).isNull()).isTrue();
    }

    @Test
    void aTokenOfAnotherShopReadsNothing(TestShop otherShop) {
        otherShop.enable("wishlist");
        String token = share();

        assertThat(readShared(otherShop, token).isNull()).isTrue();
    }

    @Test
    void onlyTheOwnerCanShare() {
        GraphQlResult byBen = new WishlistStorefront(shop.storefront("ben"))
                .mutate(WishlistDocuments.SHARE, Map.of("wishlistId", list));

        assertThat(userErrorCodes(byBen, "wishlistShare")).containsExactly("NOT_FOUND");
    }

    @Test
    void theShopCanSwitchSharingOff() {
        String token = share();

        shop.settings("wishlist", Map.of("sharingEnabled", false));

        assertThat(readShared(shop, token).isNull()).isTrue();
        GraphQlResult refused = anna.mutate(WishlistDocuments.SHARE, Map.of("wishlistId", list));
        assertThat(userErrorCodes(refused, "wishlistShare")).containsExactly("SHARING_DISABLED");
    }
}
