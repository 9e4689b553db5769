package dev.aftersales.plugins.stockalert;

import dev.aftersales.api.graphql.UserError;

/** The user errors of the stock alert mutations and their stable codes. */
final class UserErrors {

    /** The variant, alert or cancel token does not exist or is not the caller's (never told apart). */
    static final String NOT_FOUND = "NOT_FOUND";
    /** The variant can be bought now: there is nothing to wait for. */
    static final String IN_STOCK = "IN_STOCK";
    /** A guest gave no address, or not a valid one. */
    static final String INVALID_EMAIL = "INVALID_EMAIL";
    /** A malformed input value (e.g. a locale that is no language tag). */
    static final String INVALID = "INVALID";
    /** The address asked to receive no confirmation mails; no subscription was made. */
    static final String UNSUBSCRIBED = "UNSUBSCRIBED";

    private UserErrors() {
    }

    static UserError notFound(String what, String... field) {
        return UserError.of(NOT_FOUND, "No such " + what, field);
    }
}
