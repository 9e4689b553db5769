package dev.aftersales.api.graphql;

import dev.aftersales.api.FeatureContext;
import java.util.Map;
import java.util.Set;

/**
 * Loads many values in one go, so a list of 50 items costs one query, not 50. Keys without a value are left out
 * of the result (the field resolves to null).
 *
 * <pre>{@code
 * BatchLoader<Long, Integer> itemCounts = (shop, listIds) -> shop.db()
 *         .select(ITEM.LIST_ID, count()).from(ITEM)
 *         .where(ITEM.SHOP_ID.eq(shop.shopId()).and(ITEM.LIST_ID.in(listIds)))
 *         .groupBy(ITEM.LIST_ID).fetchMap(ITEM.LIST_ID, count());
 * }</pre>
 */
@FunctionalInterface
public interface BatchLoader<K, V> {

    Map<K, V> load(FeatureContext shop, Set<K> keys) throws Exception;
}
