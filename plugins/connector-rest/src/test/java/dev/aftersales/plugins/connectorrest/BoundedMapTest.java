package dev.aftersales.plugins.connectorrest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BoundedMapTest {

    private final AtomicInteger created = new AtomicInteger();

    @Test
    void forgetsTheLeastRecentlyUsedEntryBeyondItsSize() {
        BoundedMap<String, Integer> map = new BoundedMap<>(2);
        int a = map.get("a", v -> true, k -> created.incrementAndGet());
        map.get("b", v -> true, k -> created.incrementAndGet());
        map.get("a", v -> true, k -> created.incrementAndGet()); // a is now the most recent
        map.get("c", v -> true, k -> created.incrementAndGet()); // b goes

        assertThat(map.size()).isEqualTo(2);
        assertThat(map.get("a", v -> true, k -> created.incrementAndGet())).isEqualTo(a);
        assertThat(map.get("b", v -> true, k -> created.incrementAndGet())).as("b was forgotten").isEqualTo(4);
    }

    @Test
    void replacesAnEntryThatNoLongerFits() {
        BoundedMap<String, Integer> map = new BoundedMap<>(10);
        map.get("a", v -> true, k -> 1);

        assertThat(map.get("a", v -> v == 2, k -> 2)).isEqualTo(2);
        assertThat(map.get("a", v -> v == 2, k -> 3)).isEqualTo(2);
    }
}
