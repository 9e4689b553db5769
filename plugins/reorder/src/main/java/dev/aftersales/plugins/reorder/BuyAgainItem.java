package dev.aftersales.plugins.reorder;

import dev.aftersales.api.catalog.Money;
import dev.aftersales.api.catalog.Variant;
import java.time.Instant;

/**
 * A variant the customer bought before: the GraphQL source of {@code BuyAgainItem} (public and named like the type
 * because the host reads its components by reflection).
 *
 * @param rank the ranking score in a form that does not change with time (see {@link BuyAgainRanking}); not in the
 *             schema, it is what the cursors hold
 */
public record BuyAgainItem(Variant variant, int timesBought, int quantityBought, Instant lastBoughtAt,
                           Money lastUnitPrice, double rank) {
}
