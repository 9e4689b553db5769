package dev.aftersales.plugins.pricealert;

import dev.aftersales.api.Wiring;
import dev.aftersales.api.catalog.Catalog;
import dev.aftersales.api.graphql.Connection;
import dev.aftersales.api.graphql.FieldCall;
import dev.aftersales.api.graphql.GlobalId;
import dev.aftersales.api.graphql.PageRequest;
import java.util.List;

/** The read side: {@code Customer.priceAlerts}, {@code Customer.watchesWishlistPrices} and the alert's own fields. */
final class PriceAlertFetchers {

    void register(Wiring wiring) {
        wiring.field("Customer", "priceAlerts", this::priceAlerts);
        wiring.field("Customer", "watchesWishlistPrices",
                call -> PriceAlertRepository.of(call.shop()).watches(call.viewer().requireCustomer()));
        wiring.field("PriceAlert", "id",
                call -> GlobalId.encode(Subscriptions.ALERT_ID_TYPE, call.<PriceAlert>source().id()));
        wiring.field("PriceAlert", "variant",
                call -> call.load(Catalog.VARIANT_LOADER, call.<PriceAlert>source().variantId()));
    }

    /** The customer's own subscriptions, newest first; {@code after} holds the id of the last one seen. */
    Connection<PriceAlert> priceAlerts(FieldCall call) {
        String customerId = call.viewer().requireCustomer();
        PageRequest page = call.page();
        Long beforeId = page.after().map(PriceAlertFetchers::cursorKey).orElse(null);
        List<PriceAlert> rows = PriceAlertRepository.of(call.shop()).subscriptionsOf(customerId, beforeId,
                page.first() + 1);
        return Connection.of(rows, page, row -> String.valueOf(row.id()));
    }

    private static long cursorKey(String key) {
        try {
            return Long.parseLong(key);
        } catch (NumberFormatException e) {
            throw new dev.aftersales.api.FeatureException(dev.aftersales.api.FeatureException.ErrorCode.BAD_REQUEST,
                    "'after' is not a cursor of this list");
        }
    }
}
