package dev.aftersales.api.settings;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * One setting: key, type, default, bounds (for numbers: min and max; for strings: max length) and a description for
 * operators. Build them with {@link SettingsSpec#builder()}.
 */
public record SettingDefinition(String key, SettingType type, Object defaultValue, BigDecimal min, BigDecimal max,
                                String description) {

    public SettingDefinition {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        if (defaultValue != null) {
            Optional<String> problem = check(type, defaultValue, min, max);
            if (problem.isPresent()) {
                throw new IllegalArgumentException("Default of setting '" + key + "' is invalid: " + problem.get());
            }
        }
    }

    /** Why {@code value} is not acceptable for this setting, or empty when it is. */
    public Optional<String> problemWith(Object value) {
        return check(type, value, min, max);
    }

    private static Optional<String> check(SettingType type, Object value, BigDecimal min, BigDecimal max) {
        if (value == null) {
            return Optional.of("a value is required");
        }
        return switch (type) {
            case BOOLEAN -> value instanceof Boolean ? Optional.empty() : Optional.of("must be true or false");
            case STRING, SECRET -> value instanceof String s
                    ? (max != null && s.length() > max.intValue()
                            ? Optional.of("must be at most " + max.intValue() + " characters")
                            : Optional.empty())
                    : Optional.of("must be a string");
            case INTEGER -> value instanceof Integer || value instanceof Long
                    ? inRange(new BigDecimal(value.toString()), min, max)
                    : Optional.of("must be a whole number");
            case DECIMAL -> value instanceof Number n
                    ? inRange(new BigDecimal(n.toString()), min, max)
                    : Optional.of("must be a number");
        };
    }

    private static Optional<String> inRange(BigDecimal number, BigDecimal min, BigDecimal max) {
        if (min != null && number.compareTo(min) < 0) {
            return Optional.of("must be at least " + min.toPlainString());
        }
        if (max != null && number.compareTo(max) > 0) {
            return Optional.of("must be at most " + max.toPlainString());
        }
        return Optional.empty();
    }
}
