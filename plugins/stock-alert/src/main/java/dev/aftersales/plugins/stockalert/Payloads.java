package dev.aftersales.plugins.stockalert;

import dev.aftersales.api.graphql.UserError;
import java.util.List;

/** Payloads of the stock alert mutations; on a user error the result fields are null and nothing changed. */
public final class Payloads {

    private Payloads() {
    }

    /** {@code StockAlertSubscribePayload}. */
    public record SubscribePayload(StockAlert stockAlert, String cancelToken, List<UserError> userErrors) {

        static SubscribePayload failed(UserError error) {
            return new SubscribePayload(null, null, List.of(error));
        }
    }

    /** {@code StockAlertCancelPayload}. */
    public record CancelPayload(String cancelledStockAlertId, List<UserError> userErrors) {

        static CancelPayload failed(UserError error) {
            return new CancelPayload(null, List.of(error));
        }
    }
}
