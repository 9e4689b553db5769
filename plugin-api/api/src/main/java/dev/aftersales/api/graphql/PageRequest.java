package dev.aftersales.api.graphql;

import dev.aftersales.api.FeatureException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * {@code first} and {@code after} of a connection field. Cursors are opaque to clients; inside they hold the key the
 * feature pages by (keyset pagination).
 *
 * <pre>{@code
 * PageRequest page = call.page();
 * long afterId = page.after().map(Long::parseLong).orElse(0L);
 * List<ItemRow> rows = repository.items(listId, afterId, page.first() + 1);
 * return Connection.of(rows, page, row -> String.valueOf(row.id()));
 * }</pre>
 */
public record PageRequest(int first, Optional<String> after) {

    public static final int MAX_FIRST = 100;

    public PageRequest {
        if (first < 1 || first > MAX_FIRST) {
            throw new FeatureException(FeatureException.ErrorCode.BAD_REQUEST,
                    "'first' must be between 1 and " + MAX_FIRST + ", was " + first);
        }
    }

    /** Reads the arguments as a client sent them; {@code after} is a cursor from an earlier page. */
    public static PageRequest of(int first, String afterCursor) {
        return new PageRequest(first, Optional.ofNullable(afterCursor).map(PageRequest::decode));
    }

    static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("c:" + key).getBytes(StandardCharsets.UTF_8));
    }

    static String decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (raw.startsWith("c:")) {
                return raw.substring(2);
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below: a cursor the client made up
        }
        throw new FeatureException(FeatureException.ErrorCode.BAD_REQUEST, "'after' is not a cursor from this API");
    }
}
