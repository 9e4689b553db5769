package dev.aftersales.plugins.pricealert;

/**
 * The operator's figures of one shop ({@code Shop.priceAlertReport}); public because the host reads its components.
 *
 * @param activeSubscriptions  subscriptions people asked for that alert now
 * @param pendingConfirmations guests' subscriptions waiting for the double opt-in
 * @param wishlistItems        wishlisted variants the feature keeps a reference price for
 * @param wishlistWatchers     customers who watch their wishlist's prices
 * @param alertsSent           price-drop alerts queued since the feature was enabled
 */
public record PriceAlertReport(int activeSubscriptions, int pendingConfirmations, int wishlistItems,
                               int wishlistWatchers, int alertsSent) {
}
