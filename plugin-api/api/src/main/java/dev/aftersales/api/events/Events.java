package dev.aftersales.api.events;

/**
 * Publishes an event to the listeners of the features enabled in the shop, so features cooperate without depending
 * on each other.
 *
 * <pre>{@code
 * shop.events().publish(new WishlistItemAdded(customerId, variantId));
 * }</pre>
 */
public interface Events {

    void publish(Event event);
}
