package dev.aftersales.plugins.wishlist;

import dev.aftersales.api.events.Event;
import dev.aftersales.api.events.WishlistItemAdded;
import dev.aftersales.api.events.WishlistItemRemoved;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which plugin-API events a change of a customer's lists announces. Other features (price-drop or back-in-stock
 * alerts) follow what customers wish for through them:
 * <ul>
 *   <li>{@link WishlistItemAdded} for each variant that a customer's list did not hold and now holds;</li>
 *   <li>{@link WishlistItemRemoved} for each variant that left the last of the customer's lists holding it.</li>
 * </ul>
 * Guests announce nothing: without a customer id the events would name nobody. Erasure announces nothing either:
 * every feature erases its own data about the customer.
 */
final class WishlistEvents {

    private WishlistEvents() {
    }

    static List<Event> added(Owner owner, Collection<String> newVariantIds) {
        String customerId = owner.customerIdOrNull();
        if (customerId == null) {
            return List.of();
        }
        return new LinkedHashSet<>(newVariantIds).stream()
                .<Event>map(variantId -> new WishlistItemAdded(customerId, variantId))
                .toList();
    }

    /**
     * @param removedVariantIds variants that left one of the owner's lists
     * @param stillWished       those of them still on another of the owner's lists
     */
    static List<Event> removed(Owner owner, Collection<String> removedVariantIds, Set<String> stillWished) {
        String customerId = owner.customerIdOrNull();
        if (customerId == null) {
            return List.of();
        }
        return new LinkedHashSet<>(removedVariantIds).stream()
                .filter(variantId -> !stillWished.contains(variantId))
                .<Event>map(variantId -> new WishlistItemRemoved(customerId, variantId))
                .toList();
    }
}
