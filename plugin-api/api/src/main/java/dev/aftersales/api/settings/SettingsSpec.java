package dev.aftersales.api.settings;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The settings a feature accepts, declared as data so the host can validate values, apply defaults and describe
 * them to operators.
 *
 * <pre>{@code
 * SettingsSpec.builder()
 *     .integer("maxListsPerCustomer", 10, 1, 100, "How many lists a customer may keep")
 *     .bool("sharingEnabled", true, "Whether customers may share lists by link")
 *     .build();
 * }</pre>
 */
public record SettingsSpec(List<SettingDefinition> definitions) {

    public SettingsSpec {
        definitions = List.copyOf(definitions);
    }

    public static SettingsSpec none() {
        return new SettingsSpec(List.of());
    }

    public static Builder builder() {
        return new Builder();
    }

    public Optional<SettingDefinition> definition(String key) {
        return definitions.stream().filter(d -> d.key().equals(key)).findFirst();
    }

    /** The default value of every setting. */
    public Map<String, Object> defaults() {
        Map<String, Object> defaults = new LinkedHashMap<>();
        definitions.forEach(d -> defaults.put(d.key(), d.defaultValue()));
        return defaults;
    }

    /** Collects setting definitions in declaration order. */
    public static final class Builder {

        private final List<SettingDefinition> definitions = new ArrayList<>();

        public Builder integer(String key, int defaultValue, int min, int max, String description) {
            return add(new SettingDefinition(key, SettingType.INTEGER, defaultValue, BigDecimal.valueOf(min),
                    BigDecimal.valueOf(max), description));
        }

        public Builder decimal(String key, BigDecimal defaultValue, BigDecimal min, BigDecimal max, String description) {
            return add(new SettingDefinition(key, SettingType.DECIMAL, defaultValue, min, max, description));
        }

        public Builder bool(String key, boolean defaultValue, String description) {
            return add(new SettingDefinition(key, SettingType.BOOLEAN, defaultValue, null, null, description));
        }

        public Builder string(String key, String defaultValue, int maxLength, String description) {
            return add(new SettingDefinition(key, SettingType.STRING, defaultValue, null, BigDecimal.valueOf(maxLength),
                    description));
        }

        /**
         * A write-only string, empty until the operator sets it (see {@link SettingType#SECRET}). Since plugin API
         * 1.1.
         *
         * <pre>{@code
         * .secret("apiKey", 500, "API key the platform issued")
         * }</pre>
         */
        public Builder secret(String key, int maxLength, String description) {
            return add(new SettingDefinition(key, SettingType.SECRET, "", null, BigDecimal.valueOf(maxLength),
                    description));
        }

        private Builder add(SettingDefinition definition) {
            if (definitions.stream().anyMatch(d -> d.key().equals(definition.key()))) {
                throw new IllegalArgumentException("Setting declared twice: " + definition.key());
            }
            definitions.add(definition);
            return this;
        }

        public SettingsSpec build() {
            return new SettingsSpec(definitions);
        }
    }
}
