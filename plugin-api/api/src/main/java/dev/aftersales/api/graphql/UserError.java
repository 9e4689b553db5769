package dev.aftersales.api.graphql;

import java.util.List;

/**
 * An expected failure of a mutation, returned in its payload's {@code userErrors}. {@code field} is the path to the
 * input field at fault (e.g. {@code ["input", "variantId"]}), {@code code} a stable upper-case code a client can
 * switch on, {@code message} a sentence for people.
 *
 * <pre>{@code
 * return Map.of("wishlist", null, "userErrors",
 *         List.of(UserError.of("LIMIT_EXCEEDED", "A customer may keep at most 10 lists", "input", "name")));
 * }</pre>
 */
public record UserError(List<String> field, String code, String message) {

    public static UserError of(String code, String message, String... field) {
        return new UserError(List.of(field), code, message);
    }
}
