package dev.aftersales.plugins.pricealert;

import dev.aftersales.api.graphql.UserError;

/** The user errors of the price-alert mutations and their stable codes; clients switch on the code. */
final class UserErrors {

    /** The variant is not in the shop's catalog, or the alert is unknown or not the customer's (never told apart). */
    static final String NOT_FOUND = "NOT_FOUND";
    /** A guest must give an e-mail address. */
    static final String EMAIL_REQUIRED = "EMAIL_REQUIRED";
    /** The e-mail address is not one the shop can send to. */
    static final String INVALID_EMAIL = "INVALID_EMAIL";
    /** The target price is not below the current price: there is nothing to wait for. */
    static final String TARGET_NOT_BELOW_PRICE = "TARGET_NOT_BELOW_PRICE";
    /** An input value is malformed (a target of zero or less, a locale that is no language tag). */
    static final String INVALID = "INVALID";
    /** The address unsubscribed from confirmation mails; no subscription was kept. */
    static final String CONSENT_REVOKED = "CONSENT_REVOKED";

    private UserErrors() {
    }

    static UserError of(String code, String message, String... field) {
        return UserError.of(code, message, field);
    }
}
