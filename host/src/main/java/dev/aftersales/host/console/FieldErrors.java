package dev.aftersales.host.console;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The userErrors of a mutation by the input field they name (the last element of {@code field}, e.g. a setting's
 * key), so a form shows each reason next to its field; errors without a field are listed under {@code ""}.
 */
public final class FieldErrors {

    private FieldErrors() {
    }

    public static Map<String, String> of(List<Map<String, Object>> userErrors) {
        Map<String, String> byField = new LinkedHashMap<>();
        for (Map<String, Object> error : userErrors) {
            Object path = error.get("field");
            String field = path instanceof List<?> parts && parts.size() > 1 ? String.valueOf(parts.getLast()) : "";
            byField.merge(field, String.valueOf(error.get("message")), (a, b) -> a + " " + b);
        }
        return byField;
    }
}
