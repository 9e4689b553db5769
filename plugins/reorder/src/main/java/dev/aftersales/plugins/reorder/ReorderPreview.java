package dev.aftersales.plugins.reorder;

import java.time.Instant;
import java.util.List;

/**
 * The GraphQL source of {@code ReorderPreview}: what ordering a past order again would give (public and named like
 * the type because the host reads its components by reflection).
 */
public record ReorderPreview(String orderId, Instant placedAt, List<ReorderLine> lines) {

    /** Whether at least one line would go into the cart. */
    public boolean reorderable() {
        return lines.stream().anyMatch(line -> line.status().goesIntoCart());
    }
}
