package dev.aftersales.plugins.wishlist;

import dev.aftersales.api.graphql.FieldCall;
import dev.aftersales.api.graphql.GlobalId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A mutation's {@code input} argument, as graphql-java coerced it (the schema already checked types and required
 * fields). Ids of the feature's own objects are decoded here; a malformed id reads as absent, so it is reported
 * exactly like an unknown one.
 */
record Input(Map<String, Object> values) {

    static Input of(FieldCall call) {
        return new Input(call.input());
    }

    /** Whether the client sent the field at all (an explicit null counts): tells "clear the note" from "keep it". */
    boolean has(String field) {
        return values.containsKey(field);
    }

    String string(String field) {
        return (String) values.get(field);
    }

    Integer integer(String field) {
        return (Integer) values.get(field);
    }

    @SuppressWarnings("unchecked")
    List<String> strings(String field) {
        Object value = values.get(field);
        return value == null ? List.of() : (List<String>) value;
    }

    /** The local key of a global id of {@code type} in {@code field}, or empty when absent or malformed. */
    Optional<Long> id(String type, String field) {
        return GlobalId.decodeLong(type, string(field));
    }
}
