package dev.aftersales.host.console;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.util.MultiValueMap;

/**
 * A settings form generated from a plugin's setting definitions (the operator API's {@code settingDefinitions}):
 * each definition becomes an input of its type with its bounds, default and help text; a posted form becomes the
 * change for {@code pluginSettingsUpdate}. The host validates it: a value the form cannot read as its type is sent
 * as typed, so the operator sees the host's own reason.
 *
 * <p>Secrets (a key naming a secret, password, API key or token) are write-only: never rendered, and left unchanged
 * when their field stays empty.
 */
final class SettingsForm {

    static final String PREFIX = "setting.";
    private static final Pattern SECRET = Pattern.compile("(?i).*(secret|password|apikey|api_key|token).*");

    private SettingsForm() {
    }

    static boolean isSecret(String key) {
        return SECRET.matcher(key).matches();
    }

    /** The definitions with the values to show: the shop's setting, or what was just posted; never a secret. */
    static List<Map<String, Object>> fields(List<Map<String, Object>> definitions, Map<String, Object> values,
                                            Map<String, String> posted) {
        return definitions.stream().map(definition -> {
            String key = (String) definition.get("key");
            Map<String, Object> field = new LinkedHashMap<>(definition);
            boolean secret = isSecret(key);
            Object value = posted.containsKey(key) ? posted.get(key) : values.get(key);
            field.put("secret", secret);
            field.put("secretSet", secret && values.get(key) != null && !String.valueOf(values.get(key)).isEmpty());
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
            if (raw == null || isSecret(key) && raw.isEmpty()) {
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
