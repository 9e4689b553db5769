package dev.aftersales.plugins.connectorrest;

import dev.aftersales.api.catalog.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Typed, checked access to one JSON object (as maps, lists, strings, numbers and booleans) that knows its path, so
 * every problem names the exact field. Required fields must be present and not null; {@code optional…} fields may be
 * absent or null.
 */
final class JsonFields {

    /** A non-negative decimal with at most 15 digits before and 4 after the point: what DECIMAL(19,4) holds. */
    private static final Pattern AMOUNT = Pattern.compile("\\d{1,15}(\\.\\d{1,4})?");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private final Map<?, ?> values;
    private final String path;

    private JsonFields(Map<?, ?> values, String path) {
        this.values = values;
        this.path = path;
    }

    /** The object at {@code path}; {@code path} is empty for the root of an HTTP answer. */
    static JsonFields of(Object value, String path) {
        if (value == null) {
            throw new InvalidPayload(path.isEmpty() ? "the answer" : path, "is missing");
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new InvalidPayload(path.isEmpty() ? "the answer" : path, "must be a JSON object");
        }
        return new JsonFields(map, path);
    }

    String path(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    String text(String key, int maxLength) {
        String value = optionalText(key, maxLength);
        if (value == null) {
            throw new InvalidPayload(path(key), "is missing");
        }
        return value;
    }

    /** A string that may be absent or null, but not empty or too long. */
    String optionalText(String key, int maxLength) {
        Object value = values.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text)) {
            throw new InvalidPayload(path(key), "must be a string");
        }
        if (text.isBlank()) {
            throw new InvalidPayload(path(key), "must not be empty");
        }
        if (text.length() > maxLength) {
            throw new InvalidPayload(path(key), "must be at most " + maxLength + " characters");
        }
        return text;
    }

    int integer(String key, int min) {
        Object value = required(key);
        if (!(value instanceof Number number)) {
            throw new InvalidPayload(path(key), "must be a whole number");
        }
        int whole;
        try {
            whole = new BigDecimal(number.toString()).intValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw new InvalidPayload(path(key), "must be a whole number");
        }
        if (whole < min) {
            throw new InvalidPayload(path(key), "must be at least " + min);
        }
        return whole;
    }

    boolean bool(String key) {
        if (!(required(key) instanceof Boolean value)) {
            throw new InvalidPayload(path(key), "must be true or false");
        }
        return value;
    }

    Instant instant(String key) {
        Instant value = optionalInstant(key);
        if (value == null) {
            throw new InvalidPayload(path(key), "is missing");
        }
        return value;
    }

    Instant optionalInstant(String key) {
        Object value = values.get(key);
        if (value == null) {
            return null;
        }
        String problem = "must be an ISO-8601 time with offset, such as \"2026-11-23T10:15:30Z\"";
        if (!(value instanceof String text)) {
            throw new InvalidPayload(path(key), problem);
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidPayload(path(key), problem);
        }
    }

    /** {@code {"amount": "19.90", "currency": "EUR"}}: the amount a decimal string, never a JSON number. */
    Money money(String key) {
        JsonFields money = object(key);
        Object amount = money.required("amount");
        if (!(amount instanceof String text) || !AMOUNT.matcher(text).matches()) {
            throw new InvalidPayload(money.path("amount"),
                    "must be a decimal string such as \"19.90\" (not negative, at most 4 decimals)");
        }
        Object currency = money.required("currency");
        if (!(currency instanceof String code) || !CURRENCY.matcher(code).matches()) {
            throw new InvalidPayload(money.path("currency"), "must be an ISO 4217 currency code such as \"EUR\"");
        }
        return new Money(new BigDecimal(text), code);
    }

    <E extends Enum<E>> E enumValue(String key, Class<E> type) {
        Object value = required(key);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        throw new InvalidPayload(path(key), "must be one of " + Arrays.toString(type.getEnumConstants()));
    }

    JsonFields object(String key) {
        return of(required(key), path(key));
    }

    /** A list of objects, each with its index in its path. */
    List<JsonFields> objects(String key) {
        if (!(required(key) instanceof List<?> list)) {
            throw new InvalidPayload(path(key), "must be a list");
        }
        List<JsonFields> objects = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            objects.add(of(list.get(i), path(key) + "[" + i + "]"));
        }
        return objects;
    }

    /** A list of non-empty strings that may be absent or null; each at most {@code maxLength}, at most {@code maxItems}. */
    List<String> optionalTexts(String key, int maxItems, int maxLength) {
        Object value = values.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new InvalidPayload(path(key), "must be a list of strings");
        }
        if (list.size() > maxItems) {
            throw new InvalidPayload(path(key), "must have at most " + maxItems + " entries");
        }
        List<String> texts = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof String text) || text.isBlank() || text.length() > maxLength
                    || text.chars().anyMatch(Character::isWhitespace)) {
                throw new InvalidPayload(path(key) + "[" + i + "]",
                        "must be a string of 1 to " + maxLength + " characters without spaces");
            }
            texts.add(text);
        }
        return texts;
    }

    private Object required(String key) {
        Object value = values.get(key);
        if (value == null) {
            throw new InvalidPayload(path(key), "is missing");
        }
        return value;
    }
}
