package dev.aftersales.plugins.wishlist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.api.events.WishlistItemAdded;
import dev.aftersales.api.events.WishlistItemRemoved;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WishlistEventsTest {

    private final Owner customer = new Owner.Customer("c-1");
    private final Owner guest = new Owner.Guest(7);

    @Test
    void addedNamesTheCustomerOncePerVariant() {
        assertThat(WishlistEvents.added(customer, List.of("v-1", "v-2", "v-1")))
                .containsExactly(new WishlistItemAdded("c-1", "v-1"), new WishlistItemAdded("c-1", "v-2"));
    }

    @Test
    void removedOnlyForVariantsNoLongerOnAnyList() {
        assertThat(WishlistEvents.removed(customer, List.of("v-1", "v-2"), Set.of("v-2")))
                .containsExactly(new WishlistItemRemoved("c-1", "v-1"));
    }

    @Test
    void guestsAnnounceNothing() {
        assertThat(WishlistEvents.added(guest, List.of("v-1"))).isEmpty();
        assertThat(WishlistEvents.removed(guest, List.of("v-1"), Set.of())).isEmpty();
    }
}
