package dev.aftersales.plugins.connectorvendure;

import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.ValueInstantiationException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads Vendure's JSON into {@link VendureShapes} and writes request bodies. A value that does not fit becomes an
 * {@link Unreadable} naming the field's path, e.g. {@code lines[0].productVariant: id is missing}.
 */
final class VendureJson {

    static final JsonMapper MAPPER = JsonMapper.builder()
            // absent and null are the same; the shapes' constructors name the required fields that are missing
            .disable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private VendureJson() {
    }

    /** The value of a webhook's data (maps, lists, strings, numbers) or of an Admin API answer as {@code type}. */
    static <T> T read(Object value, Class<T> type, String path) {
        try {
            JsonNode tree = value instanceof JsonNode node ? node : MAPPER.valueToTree(value);
            if (tree == null || tree.isNull() || tree.isMissingNode()) {
                throw new Unreadable(path + " is missing");
            }
            return MAPPER.treeToValue(tree, type);
        } catch (ValueInstantiationException e) {
            throw new Unreadable(where(path, e) + ": " + e.getCause().getMessage());
        } catch (JacksonException e) {
            String problem = e.getOriginalMessage();
            int end = problem.indexOf(" (");
            throw new Unreadable(where(path, e) + ": " + (end > 0 ? problem.substring(0, end) : problem));
        }
    }

    private static String where(String root, JacksonException e) {
        return root + e.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? "." + ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining());
    }

    /** JSON that does not have the shape the connector reads. */
    static final class Unreadable extends RuntimeException {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }
}
