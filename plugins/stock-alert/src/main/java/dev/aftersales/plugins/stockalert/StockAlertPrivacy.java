package dev.aftersales.plugins.stockalert;

import dev.aftersales.api.FeatureContext;
import dev.aftersales.api.graphql.GlobalId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GDPR export and erasure of a customer's subscriptions. Guests' subscriptions name an address, not a customer; they
 * end with the guest's unsubscribe ({@code ConsentRevoked}), their cancel token, or expiry.
 */
final class StockAlertPrivacy {

    Map<String, Object> export(FeatureContext shop, String customerId) {
        List<Map<String, Object>> alerts = Subscriptions.of(shop).allOfCustomer(customerId).stream()
                .map(StockAlertPrivacy::alert).toList();
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("stockAlerts", alerts);
        return export;
    }

    void erase(FeatureContext shop, String customerId) {
        Subscriptions.of(shop).deleteAllOfCustomer(customerId);
    }

    private static Map<String, Object> alert(StockAlert alert) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", GlobalId.encode("StockAlert", alert.id()));
        map.put("variantId", alert.variantId());
        map.put("status", alert.status());
        map.put("locale", alert.locale());
        map.put("createdAt", iso(alert.createdAt()));
        map.put("expiresAt", iso(alert.expiresAt()));
        map.put("notifiedAt", iso(alert.notifiedAt()));
        return map;
    }

    private static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
