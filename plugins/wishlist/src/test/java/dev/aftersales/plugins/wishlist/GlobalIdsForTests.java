package dev.aftersales.plugins.wishlist;

import dev.aftersales.api.graphql.GlobalId;

/** Ids a client could make up: well-formed, but naming rows the caller does not own (or no row at all). */
final class GlobalIdsForTests {

    private GlobalIdsForTests() {
    }

    static String wishlist(long id) {
        return GlobalId.encode("Wishlist", id);
    }

    static String item(long id) {
        return GlobalId.encode("WishlistItem", id);
    }
}
