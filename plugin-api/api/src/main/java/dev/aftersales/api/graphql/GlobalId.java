package dev.aftersales.api.graphql;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Opaque ids for a feature's own objects: the type name and the local key, encoded so clients treat them as opaque
 * and an id of one type cannot be passed for another.
 *
 * <pre>{@code
 * String id = GlobalId.encode("Wishlist", 42);                      // "V2lzaGxpc3Q6NDI"
 * Optional<Long> listId = GlobalId.decodeLong("Wishlist", id);      // empty for a malformed or foreign id
 * }</pre>
 */
public final class GlobalId {

    private GlobalId() {
    }

    public static String encode(String type, Object key) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((type + ":" + key).getBytes(StandardCharsets.UTF_8));
    }

    /** The key of an id of {@code type}, or empty when the id is malformed or names another type. */
    public static Optional<String> decode(String type, String id) {
        if (id == null) {
            return Optional.empty();
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(id), StandardCharsets.UTF_8);
            String prefix = type + ":";
            return raw.startsWith(prefix) && raw.length() > prefix.length()
                    ? Optional.of(raw.substring(prefix.length()))
                    : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Like {@link #decode} for numeric keys. */
    public static Optional<Long> decodeLong(String type, String id) {
        return decode(type, id).flatMap(key -> {
            try {
                return Optional.of(Long.parseLong(key));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }
}
