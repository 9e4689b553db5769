package dev.aftersales.plugins.stockalert;

import dev.aftersales.api.FeatureException;
import dev.aftersales.api.Wiring;
import dev.aftersales.api.catalog.Catalog;
import dev.aftersales.api.graphql.Connection;
import dev.aftersales.api.graphql.FieldCall;
import dev.aftersales.api.graphql.GlobalId;
import dev.aftersales.api.graphql.PageRequest;
import java.util.List;

/** The read side: {@code Customer.stockAlerts} and the fields of {@code StockAlert}. */
final class StockAlertFetchers {

    void register(Wiring wiring) {
        wiring.field("Customer", "stockAlerts", this::stockAlerts);
        wiring.field("StockAlert", "id", call -> GlobalId.encode("StockAlert", call.<StockAlert>source().id()));
        wiring.field("StockAlert", "variant",
                call -> call.load(Catalog.VARIANT_LOADER, call.<StockAlert>source().variantId()));
    }

    /** The viewer's subscriptions, newest first; the cursor holds the id of the last one seen. */
    Connection<StockAlert> stockAlerts(FieldCall call) {
        String customerId = call.viewer().requireCustomer();
        PageRequest page = call.page();
        Long beforeId = page.after().map(StockAlertFetchers::cursorKey).orElse(null);
        List<StockAlert> rows = Subscriptions.of(call.shop()).ofCustomer(customerId, beforeId, page.first() + 1);
        return Connection.of(rows, page, row -> String.valueOf(row.id()));
    }

    private static long cursorKey(String key) {
        try {
            return Long.parseLong(key);
        } catch (NumberFormatException e) {
            throw new FeatureException(FeatureException.ErrorCode.BAD_REQUEST, "'after' is not a cursor of this list");
        }
    }
}
