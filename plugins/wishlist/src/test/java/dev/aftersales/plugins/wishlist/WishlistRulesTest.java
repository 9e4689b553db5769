package dev.aftersales.plugins.wishlist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.api.graphql.UserError;
import java.util.List;
import org.junit.jupiter.api.Test;

class WishlistRulesTest {

    @Test
    void namesAreStrippedAndMustNotBeBlank() {
        assertThat(WishlistRules.normalizeName("  Birthday ")).isEqualTo("Birthday");
        assertThat(WishlistRules.checkName(WishlistRules.normalizeName("   "))).get()
                .extracting(UserError::code, UserError::field)
                .containsExactly("INVALID", List.of("input", "name"));
        assertThat(WishlistRules.checkName(WishlistRules.normalizeName(null))).isPresent();
    }

    @Test
    void namesHaveAtMostAHundredCharacters() {
        assertThat(WishlistRules.checkName("x".repeat(100))).isEmpty();
        assertThat(WishlistRules.checkName("x".repeat(101))).get().extracting(UserError::code).isEqualTo("INVALID");
    }

    @Test
    void blankNoteIsNoNoteAndLongNotesAreRefused() {
        assertThat(WishlistRules.normalizeNote("  ")).isNull();
        assertThat(WishlistRules.normalizeNote(" size M ")).isEqualTo("size M");
        assertThat(WishlistRules.checkNote(null)).isEmpty();
        assertThat(WishlistRules.checkNote("n".repeat(500))).isEmpty();
        assertThat(WishlistRules.checkNote("n".repeat(501))).get()
                .extracting(UserError::field).isEqualTo(List.of("input", "note"));
    }

    @Test
    void quantityBelowOneIsInvalidAndAboveTheMaximumExceedsTheLimit() {
        assertThat(WishlistRules.checkQuantity(0, 5)).get().extracting(UserError::code).isEqualTo("INVALID");
        assertThat(WishlistRules.checkQuantity(1, 5)).isEmpty();
        assertThat(WishlistRules.checkQuantity(5, 5)).isEmpty();
        assertThat(WishlistRules.checkQuantity(6, 5)).get().extracting(UserError::code).isEqualTo("LIMIT_EXCEEDED");
    }

    @Test
    void listLimitAllowsUpToTheMaximum() {
        assertThat(WishlistRules.checkListLimit(2, 3)).isEmpty();
        assertThat(WishlistRules.checkListLimit(3, 3)).get()
                .extracting(UserError::code, UserError::field)
                .containsExactly("LIMIT_EXCEEDED", List.of("input", "name"));
    }

    @Test
    void itemLimitAllowsUpToTheMaximum() {
        assertThat(WishlistRules.checkItemLimit(0, 1)).isEmpty();
        assertThat(WishlistRules.checkItemLimit(1, 1)).get()
                .extracting(UserError::code, UserError::field)
                .containsExactly("LIMIT_EXCEEDED", List.of("input", "variantId"));
    }
}
