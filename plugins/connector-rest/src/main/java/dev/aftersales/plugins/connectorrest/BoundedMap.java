package dev.aftersales.plugins.connectorrest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A thread-safe map that forgets its least recently used entry beyond a fixed size, for state the connector keeps
 * per shop in memory (one instance serves every shop of the host).
 */
final class BoundedMap<K, V> {

    private final Map<K, V> entries;

    BoundedMap(int maxEntries) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > maxEntries;
            }
        };
    }

    /** The value for {@code key}; a new one when there is none or the present one no longer {@code fits}. */
    synchronized V get(K key, Predicate<V> fits, Function<K, V> create) {
        V value = entries.get(key);
        if (value == null || !fits.test(value)) {
            value = create.apply(key);
            entries.put(key, value);
        }
        return value;
    }

    synchronized int size() {
        return entries.size();
    }
}
