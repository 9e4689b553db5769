package dev.aftersales.plugins.pricealert;

import dev.aftersales.api.FeatureContext;
import dev.aftersales.api.Wiring;
import dev.aftersales.api.events.WishlistItemAdded;
import dev.aftersales.api.events.WishlistItemRemoved;

/**
 * The local copy of customers' wishlisted variants, kept from the wishlist feature's events so that this feature
 * depends on neither its classes nor its tables: without the wishlist feature no event arrives and the copy stays
 * empty. Each copy is an "any drop" subscription with the price when the event arrived as reference; it alerts only
 * while the customer watches their wishlist's prices ({@code priceAlertWatchWishlist}). The copy is kept whether or
 * not the customer watches, so that turning the toggle on covers what is on the wishlist already.
 */
final class WishlistCopy {

    void register(Wiring wiring) {
        wiring.listen(WishlistItemAdded.class, this::added);
        wiring.listen(WishlistItemRemoved.class, (shop, event) ->
                PriceAlertRepository.of(shop).deleteWishlistCopy(event.customerId(), event.variantId()));
    }

    /** A variant the mirror does not know has no price to measure against: nothing is kept. */
    void added(FeatureContext shop, WishlistItemAdded event) {
        shop.catalog().variant(event.variantId()).ifPresent(variant -> shop.db().transaction(tx ->
                PriceAlertRepository.in(tx, shop).insertIfAbsent(PriceAlert.WISHLIST, variant.id(),
                        event.customerId(), null, null, null, variant.price(), PriceAlert.ACTIVE,
                        shop.clock().instant())));
    }
}
