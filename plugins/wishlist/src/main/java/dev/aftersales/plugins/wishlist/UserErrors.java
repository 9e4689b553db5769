package dev.aftersales.plugins.wishlist;

import dev.aftersales.api.graphql.UserError;

/**
 * The user errors of the wishlist mutations and their stable codes. Clients switch on the code; the message is
 * for people.
 */
final class UserErrors {

    /** The list, item, variant or guest token does not exist, or belongs to someone else (never told apart). */
    static final String NOT_FOUND = "NOT_FOUND";
    /** A limit of the shop's settings would be exceeded (lists per customer, items per list, quantity). */
    static final String LIMIT_EXCEEDED = "LIMIT_EXCEEDED";
    /** An input value is malformed: blank name, too long note, quantity below 1, ... */
    static final String INVALID = "INVALID";
    /** The guest token was already merged into a customer's wishlist. */
    static final String ALREADY_MERGED = "ALREADY_MERGED";
    /** The shop does not allow sharing wishlists. */
    static final String SHARING_DISABLED = "SHARING_DISABLED";
    /** The item's variant is still sold, but none is in stock (wishlistItemsToCart). */
    static final String OUT_OF_STOCK = "OUT_OF_STOCK";
    /** The shop no longer sells the item's variant, or its catalog no longer has it (wishlistItemsToCart). */
    static final String DISCONTINUED = "DISCONTINUED";
    /** The shop platform failed, refused or did not answer in time; no cart was made (wishlistItemsToCart). */
    static final String PLATFORM_UNAVAILABLE = "PLATFORM_UNAVAILABLE";

    private UserErrors() {
    }

    static UserError notFound(String what, String... field) {
        return UserError.of(NOT_FOUND, "No such " + what, field);
    }

    static UserError limitExceeded(String message, String... field) {
        return UserError.of(LIMIT_EXCEEDED, message, field);
    }

    static UserError invalid(String message, String... field) {
        return UserError.of(INVALID, message, field);
    }
}
