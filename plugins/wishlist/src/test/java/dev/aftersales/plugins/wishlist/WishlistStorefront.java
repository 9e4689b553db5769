package dev.aftersales.plugins.wishlist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.testkit.GraphQlClient;
import dev.aftersales.testkit.GraphQlResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * One caller's storefront (a customer or a guest) speaking the wishlist API, so the integration tests read as what
 * a user does. Every call goes over HTTP to the real host through the testkit's {@link GraphQlClient}.
 */
final class WishlistStorefront {

    private final GraphQlClient client;

    WishlistStorefront(GraphQlClient client) {
        this.client = client;
    }

    GraphQlResult execute(String document, Map<String, Object> variables) {
        return client.execute(document, variables);
    }

    /** Runs a mutation document with {@code input} as its only variable; fails on GraphQL errors. */
    GraphQlResult mutate(String document, Map<String, Object> input) {
        return client.execute(document, Map.of("input", input)).assertNoErrors();
    }

    String createList(String name) {
        GraphQlResult result = mutate(WishlistDocuments.CREATE, Map.of("name", name));
        assertNoUserErrors(result, "wishlistCreate");
        return result.path("wishlistCreate.wishlist.id").asString();
    }

    /** Adds to a named list; returns the item's id. */
    String addItem(String wishlistId, String variantId, int quantity) {
        return addItem(Map.of("wishlistId", wishlistId, "variantId", variantId, "quantity", quantity));
    }

    /** Adds to the default list (created on the first add); returns the item's id. */
    String addToDefault(String variantId, int quantity) {
        return addItem(Map.of("variantId", variantId, "quantity", quantity));
    }

    String addItem(Map<String, Object> input) {
        GraphQlResult result = mutate(WishlistDocuments.ITEM_ADD, input);
        assertNoUserErrors(result, "wishlistItemAdd");
        return result.path("wishlistItemAdd.item.id").asString();
    }

    /** {@code viewer.wishlist(id)} with its first items; a {@code NullNode} when the viewer has no such list. */
    JsonNode list(String wishlistId, int first) {
        return execute(WishlistDocuments.LIST, Map.of("id", wishlistId, "first", first)).assertNoErrors()
                .path("viewer.wishlist");
    }

    /** The variant ids of a list's first 100 items, newest first. */
    List<String> variantIds(String wishlistId) {
        List<String> ids = new ArrayList<>();
        list(wishlistId, 100).path("items").path("nodes").forEach(item -> ids.add(item.path("variantId").asString()));
        return ids;
    }

    /** Quantity per variant id of a list's first 100 items. */
    Map<String, Integer> quantities(String wishlistId) {
        Map<String, Integer> quantities = new HashMap<>();
        list(wishlistId, 100).path("items").path("nodes")
                .forEach(item -> quantities.put(item.path("variantId").asString(), item.path("quantity").asInt()));
        return quantities;
    }

    JsonNode lists(int first) {
        return execute(WishlistDocuments.LISTS, Map.of("first", first)).assertNoErrors().path("viewer.wishlists");
    }

    String startGuest() {
        GraphQlResult result = mutate(WishlistDocuments.GUEST_START, Map.of());
        assertNoUserErrors(result, "guestWishlistStart");
        return result.path("guestWishlistStart.guestToken").asString();
    }

    /** The codes of a mutation's user errors, in order. */
    static List<String> userErrorCodes(GraphQlResult result, String mutation) {
        List<String> codes = new ArrayList<>();
        result.path(mutation + ".userErrors").forEach(error -> codes.add(error.path("code").asString()));
        return codes;
    }

    static void assertNoUserErrors(GraphQlResult result, String mutation) {
        assertThat(result.path(mutation + ".userErrors").isEmpty()).as(result.toString()).isTrue();
    }
}
