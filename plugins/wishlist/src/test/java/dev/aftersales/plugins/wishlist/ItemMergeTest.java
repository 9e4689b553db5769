package dev.aftersales.plugins.wishlist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.plugins.wishlist.ItemMerge.Incoming;
import dev.aftersales.plugins.wishlist.ItemMerge.Plan;
import dev.aftersales.plugins.wishlist.ItemMerge.Update;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ItemMergeTest {

    private static final Instant T = Instant.parse("2026-11-23T10:00:00Z");

    private static WishlistItem item(long id, String variantId, int quantity, String note) {
        return new WishlistItem(id, 1, variantId, quantity, note, T, T);
    }

    @Test
    void newVariantsAreInsertedInTheGivenOrder() {
        Plan plan = ItemMerge.plan(List.of(), List.of(new Incoming("v-2", 1, null), new Incoming("v-1", 3, "red")),
                10, 99);

        assertThat(plan.inserts()).containsExactly(new Incoming("v-2", 1, null), new Incoming("v-1", 3, "red"));
        assertThat(plan.updates()).isEmpty();
        assertThat(plan.skipped()).isEmpty();
        assertThat(plan.merged()).isEqualTo(2);
        assertThat(plan.isComplete()).isTrue();
    }

    @Test
    void duplicateOfATargetItemAddsTheQuantities() {
        Plan plan = ItemMerge.plan(List.of(item(7, "v-1", 2, null)), List.of(new Incoming("v-1", 3, null)), 10, 99);

        assertThat(plan.updates()).containsExactly(new Update(7, "v-1", 5, null));
        assertThat(plan.inserts()).isEmpty();
        assertThat(plan.merged()).isEqualTo(1);
    }

    @Test
    void addedQuantitiesAreCappedAtTheMaximumQuantity() {
        Plan plan = ItemMerge.plan(List.of(item(7, "v-1", 8, null)), List.of(new Incoming("v-1", 5, null)), 10, 10);

        assertThat(plan.updates()).containsExactly(new Update(7, "v-1", 10, null));
    }

    @Test
    void newItemQuantityIsCappedToo() {
        Plan plan = ItemMerge.plan(List.of(), List.of(new Incoming("v-1", 50, null)), 10, 10);

        assertThat(plan.inserts()).containsExactly(new Incoming("v-1", 10, null));
    }

    @Test
    void targetNoteWinsAndIncomingNoteFillsAnEmptyOne() {
        Plan plan = ItemMerge.plan(
                List.of(item(1, "v-1", 1, "mine"), item(2, "v-2", 1, null)),
                List.of(new Incoming("v-1", 1, "theirs"), new Incoming("v-2", 1, "theirs")), 10, 99);

        assertThat(plan.updates()).containsExactly(new Update(1, "v-1", 2, "mine"), new Update(2, "v-2", 2, "theirs"));
    }

    @Test
    void repeatedIncomingVariantCountsOnceWithTheQuantitiesAdded() {
        Plan plan = ItemMerge.plan(List.of(),
                List.of(new Incoming("v-1", 1, null), new Incoming("v-2", 1, null), new Incoming("v-1", 2, "b")),
                10, 99);

        assertThat(plan.inserts()).containsExactly(new Incoming("v-1", 3, "b"), new Incoming("v-2", 1, null));
        assertThat(plan.merged()).isEqualTo(2);
    }

    @Test
    void newVariantsBeyondTheItemLimitAreSkippedButDuplicatesStillMerge() {
        Plan plan = ItemMerge.plan(
                List.of(item(1, "v-1", 1, null), item(2, "v-2", 1, null)),
                List.of(new Incoming("v-3", 1, null), new Incoming("v-4", 1, null), new Incoming("v-1", 1, null)),
                3, 99);

        assertThat(plan.inserts()).containsExactly(new Incoming("v-3", 1, null));
        assertThat(plan.skipped()).containsExactly(new Incoming("v-4", 1, null));
        assertThat(plan.updates()).containsExactly(new Update(1, "v-1", 2, null));
        assertThat(plan.merged()).isEqualTo(2);
        assertThat(plan.isComplete()).isFalse();
    }

    @Test
    void aFullTargetTakesNoNewVariant() {
        Plan plan = ItemMerge.plan(List.of(item(1, "v-1", 1, null)), List.of(new Incoming("v-2", 1, null)), 1, 99);

        assertThat(plan.inserts()).isEmpty();
        assertThat(plan.skipped()).hasSize(1);
        assertThat(plan.merged()).isZero();
    }

    @Test
    void anUnchangedItemNeedsNoUpdate() {
        Plan plan = ItemMerge.plan(List.of(item(1, "v-1", 5, "x")), List.of(new Incoming("v-1", 3, null)), 10, 5);

        assertThat(plan.updates()).isEmpty();
        assertThat(plan.merged()).isEqualTo(1);
    }
}
