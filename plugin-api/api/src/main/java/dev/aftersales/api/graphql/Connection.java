package dev.aftersales.api.graphql;

import java.util.List;
import java.util.function.Function;

/**
 * A Relay connection, as the schema's {@code XxxConnection} types expect ({@code edges { cursor node }},
 * {@code nodes}, {@code pageInfo}).
 *
 * <pre>{@code
 * // rows were fetched with LIMIT first + 1, ordered by the key the cursor holds
 * return Connection.of(rows, call.page(), row -> String.valueOf(row.id()));
 * }</pre>
 */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo) {

    /**
     * Builds a page from rows fetched with one more than {@code page.first()}: the extra row only tells that there is
     * a next page.
     */
    public static <T> Connection<T> of(List<T> rowsPlusOne, PageRequest page, Function<T, String> keyOf) {
        boolean hasNext = rowsPlusOne.size() > page.first();
        List<T> rows = hasNext ? rowsPlusOne.subList(0, page.first()) : rowsPlusOne;
        List<Edge<T>> edges = rows.stream().map(row -> new Edge<>(PageRequest.encode(keyOf.apply(row)), row)).toList();
        String start = edges.isEmpty() ? null : edges.getFirst().cursor();
        String end = edges.isEmpty() ? null : edges.getLast().cursor();
        return new Connection<>(edges, new PageInfo(hasNext, page.after().isPresent(), start, end));
    }

    /** The nodes without their cursors. */
    public List<T> nodes() {
        return edges.stream().map(Edge::node).toList();
    }

    public record Edge<T>(String cursor, T node) {
    }

    public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
    }
}
