package dev.aftersales.plugins.pricealert;

import dev.aftersales.api.graphql.UserError;
import java.util.List;

/**
 * The payloads of the price-alert mutations, as the schema fragment declares them. On a user error the result fields
 * are null and nothing was changed. Public because the host reads their components by reflection.
 */
public final class Payloads {

    private Payloads() {
    }

    /** {@code PriceAlertSubscribePayload}. */
    public record SubscribePayload(PriceAlert priceAlert, boolean confirmationRequired, List<UserError> userErrors) {

        static SubscribePayload failed(UserError error) {
            return new SubscribePayload(null, false, List.of(error));
        }
    }

    /** {@code PriceAlertCancelPayload}. */
    public record CancelPayload(String cancelledPriceAlertId, List<UserError> userErrors) {
    }

    /** {@code PriceAlertWatchWishlistPayload}. */
    public record WatchWishlistPayload(Boolean watchesWishlistPrices, List<UserError> userErrors) {
    }
}
