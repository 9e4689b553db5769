package dev.aftersales.plugins.wishlist;

import dev.aftersales.api.graphql.UserError;
import java.util.Optional;

/**
 * The rules an input must meet before anything is written: names, notes, quantities and the shop's limits. Pure
 * functions, so they are unit-tested without a database; the mutations call them before (and, for counts, inside)
 * their transaction.
 */
final class WishlistRules {

    /** Matches {@code wishlist_list.name}. */
    static final int MAX_NAME_LENGTH = 100;
    /** Matches {@code wishlist_item.note}. */
    static final int MAX_NOTE_LENGTH = 500;

    private WishlistRules() {
    }

    /** The name as it is stored: without surrounding white space. */
    static String normalizeName(String name) {
        return name == null ? "" : name.strip();
    }

    /** A blank note is no note. */
    static String normalizeNote(String note) {
        return note == null || note.isBlank() ? null : note.strip();
    }

    static Optional<UserError> checkName(String normalizedName) {
        if (normalizedName.isEmpty()) {
            return Optional.of(UserErrors.invalid("A wishlist needs a name", "input", "name"));
        }
        if (normalizedName.length() > MAX_NAME_LENGTH) {
            return Optional.of(UserErrors.invalid(
                    "A wishlist name has at most " + MAX_NAME_LENGTH + " characters", "input", "name"));
        }
        return Optional.empty();
    }

    static Optional<UserError> checkNote(String normalizedNote) {
        if (normalizedNote != null && normalizedNote.length() > MAX_NOTE_LENGTH) {
            return Optional.of(UserErrors.invalid(
                    "A note has at most " + MAX_NOTE_LENGTH + " characters", "input", "note"));
        }
        return Optional.empty();
    }

    /** A quantity the customer asked for: at least 1 and within the shop's limit. */
    static Optional<UserError> checkQuantity(int quantity, int maxQuantity) {
        if (quantity < 1) {
            return Optional.of(UserErrors.invalid("The quantity must be at least 1", "input", "quantity"));
        }
        if (quantity > maxQuantity) {
            return Optional.of(UserErrors.limitExceeded(
                    "A wishlist item holds at most " + maxQuantity + " pieces", "input", "quantity"));
        }
        return Optional.empty();
    }

    /** Whether a customer who has {@code lists} lists may create one more. */
    static Optional<UserError> checkListLimit(int lists, int maxLists) {
        return lists < maxLists
                ? Optional.empty()
                : Optional.of(UserErrors.limitExceeded(
                        "A customer may keep at most " + maxLists + " wishlists", "input", "name"));
    }

    /** Whether a list holding {@code items} items may take one more variant. */
    static Optional<UserError> checkItemLimit(int items, int maxItems) {
        return items < maxItems
                ? Optional.empty()
                : Optional.of(UserErrors.limitExceeded(
                        "A wishlist holds at most " + maxItems + " items", "input", "variantId"));
    }
}
