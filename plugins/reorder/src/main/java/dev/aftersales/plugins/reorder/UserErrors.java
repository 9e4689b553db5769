package dev.aftersales.plugins.reorder;

import dev.aftersales.api.graphql.UserError;

/** The user errors of the reorder mutations and their stable codes; clients switch on the code. */
final class UserErrors {

    /** The order is unknown or not the customer's (never told apart), or the catalog has no such variant. */
    static final String NOT_FOUND = "NOT_FOUND";
    /** The variant is sold, but none is in stock. */
    static final String OUT_OF_STOCK = "OUT_OF_STOCK";
    /** The shop no longer sells the variant. */
    static final String DISCONTINUED = "DISCONTINUED";
    /** No line of the order can go into a cart. */
    static final String NOTHING_AVAILABLE = "NOTHING_AVAILABLE";
    /** An input value is malformed. */
    static final String INVALID = "INVALID";
    /** The shop platform failed, refused or did not answer in time; no cart was made. */
    static final String PLATFORM_UNAVAILABLE = "PLATFORM_UNAVAILABLE";

    private UserErrors() {
    }

    static UserError of(String code, String message, String... field) {
        return UserError.of(code, message, field);
    }
}
