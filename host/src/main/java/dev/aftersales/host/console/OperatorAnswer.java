package dev.aftersales.host.console;

import java.util.List;
import java.util.Map;

/** The data of an operator API answer, read by dotted paths such as {@code shop.plugins}. */
public record OperatorAnswer(Map<String, Object> data) {

    public Object at(String path) {
        Object current = data;
        for (String part : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(part);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> map(String path) {
        return (Map<String, Object>) at(path);
    }

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> list(String path) {
        Object value = at(path);
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }

    /** The {@code userErrors} of a mutation payload, empty when it succeeded. */
    public List<Map<String, Object>> userErrors(String payload) {
        return list(payload + ".userErrors");
    }
}
