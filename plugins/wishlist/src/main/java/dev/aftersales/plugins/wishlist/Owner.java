package dev.aftersales.plugins.wishlist;

/**
 * Who a wishlist belongs to: a signed-in customer or a guest holding a guest token. Every read and write of a list
 * or an item is filtered by its owner, so an id of someone else's list behaves exactly like an unknown id.
 */
sealed interface Owner {

    /** A customer of the shop, identified by the shop platform's customer id. */
    record Customer(String customerId) implements Owner {
    }

    /** A guest, identified by the id of its row in {@code wishlist_guest} (never by the token itself). */
    record Guest(long guestId) implements Owner {
    }

    /** The customer id, or null for a guest (guests publish no events and have no GDPR data of their own). */
    default String customerIdOrNull() {
        return this instanceof Customer customer ? customer.customerId() : null;
    }
}
