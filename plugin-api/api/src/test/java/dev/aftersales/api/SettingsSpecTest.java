package dev.aftersales.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aftersales.api.settings.SettingsSpec;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class SettingsSpecTest {

    private final SettingsSpec spec = SettingsSpec.builder()
            .integer("maxLists", 10, 1, 100, "Lists per customer")
            .decimal("minDrop", new BigDecimal("5"), BigDecimal.ZERO, new BigDecimal("50"), "Minimum drop in %")
            .bool("sharing", true, "Sharing allowed")
            .string("sender", "shop@example.com", 20, "Sender")
            .build();

    @Test
    void valuesAreCheckedAgainstTypeAndBounds() {
        assertThat(spec.definition("maxLists").orElseThrow().problemWith(0)).contains("must be at least 1");
        assertThat(spec.definition("maxLists").orElseThrow().problemWith(101)).contains("must be at most 100");
        assertThat(spec.definition("maxLists").orElseThrow().problemWith("ten")).contains("must be a whole number");
        assertThat(spec.definition("maxLists").orElseThrow().problemWith(7)).isEmpty();
        assertThat(spec.definition("minDrop").orElseThrow().problemWith(2.5)).isEmpty();
        assertThat(spec.definition("sharing").orElseThrow().problemWith("yes")).contains("must be true or false");
        assertThat(spec.definition("sender").orElseThrow().problemWith("x".repeat(21)))
                .contains("must be at most 20 characters");
    }

    @Test
    void defaultsAreListedInDeclarationOrder() {
        assertThat(spec.defaults()).containsExactly(
                java.util.Map.entry("maxLists", 10), java.util.Map.entry("minDrop", new BigDecimal("5")),
                java.util.Map.entry("sharing", true), java.util.Map.entry("sender", "shop@example.com"));
    }

    @Test
    void anInvalidDefaultOrADuplicateKeyIsAProgrammingError() {
        assertThatThrownBy(() -> SettingsSpec.builder().integer("x", 0, 1, 5, "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Default of setting 'x'");
        assertThatThrownBy(() -> SettingsSpec.builder().bool("x", true, "x").bool("x", false, "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("declared twice");
    }
}
