package dev.aftersales.host.console;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.util.MultiValueMap;

/**
 * A settings form generated from a plugin's setting definitions (the operator API's {@code settingDefinitions}):
 * each definition becomes an input of its type with its bounds, default and help text; a posted form becomes the
 * change for {@code pluginSettingsUpdate}. The host validates it: a value the form cannot read as its type is sent
 * as typed, so the operator sees the host's own reason.
 *
 * <p>Secrets (settings of type {@code SECRET}) are write-only: never rendered, and left unchanged when their field
 * stays empty.
 */
final class SettingsForm {

    static final String PREFIX = "setting.";
    private SettingsForm() {
    }

    static boolean isSecret(Map<String, Object> definition) {
        return "SECRET".equals(definition.get("type"));
    }

    /**
     * The definitions with the values to show: the shop's setting, or what was just posted; of a secret only whether
     * it is set ({@code secretsSet}, as the operator API reports it).
     */
    static List<Map<String, Object>> fields(List<Map<String, Object>> definitions, Map<String, Object> values,
                                            List<String> secretsSet, Map<String, String> posted) {
        return definitions.stream().map(definition -> {
            String key = (String) definition.get("key");
            Map<String, Object> field = new LinkedHashMap<>(definition);
            boolean secret = isSecret(definition);
            Object value = posted.containsKey(key) ? posted.get(key) : values.get(key);
            field.put("secret", secret);
            field.put("secretSet", secret && secretsSet.contains(key));
            field.put("value", secret || value == null ? "" : String.valueOf(value));
            field.put("step", "DECIMAL".equals(definition.get("type")) ? "any" : "1");
            return field;
        }).toList();
    }

    /** The posted values by key, booleans as "true"/"false" (a hidden "false" precedes each checkbox). */
    static Map<String, String> posted(MultiValueMap<String, String> form) {
        Map<String, String> posted = new LinkedHashMap<>();
        form.forEach((name, values) -> {
            if (name.startsWith(PREFIX) && !values.isEmpty()) {
                posted.put(name.substring(PREFIX.length()), values.getLast());
            }
        });
        return posted;
    }

    /** The change to send: every posted setting as its type, secrets only when a new one was typed. */
    static Map<String, Object> change(List<Map<String, Object>> definitions, Map<String, String> posted) {
        Map<String, Object> change = new LinkedHashMap<>();
        for (Map<String, Object> definition : definitions) {
            String key = (String) definition.get("key");
            String raw = posted.get(key);
            if (raw == null || isSecret(definition) && raw.isEmpty()) {
                continue;
            }
            change.put(key, typed(String.valueOf(definition.get("type")), raw.trim()));
        }
        return change;
    }

    private static Object typed(String type, String raw) {
        try {
            return switch (type) {
                case "INTEGER" -> Long.parseLong(raw);
                case "DECIMAL" -> new BigDecimal(raw);
                case "BOOLEAN" -> Boolean.parseBoolean(raw);
                default -> raw;
            };
        } catch (NumberFormatException notANumber) {
            return raw;
        }
    }
}
