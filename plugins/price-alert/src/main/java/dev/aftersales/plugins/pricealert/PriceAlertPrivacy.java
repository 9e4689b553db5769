package dev.aftersales.plugins.pricealert;

import dev.aftersales.api.FeatureContext;
import dev.aftersales.api.graphql.GlobalId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GDPR export and erasure of what the feature keeps about a customer: their subscriptions, the copy of their
 * wishlisted variants, whether they watch their wishlist, and the alerts they were sent. Guests' rows name an
 * address, not a customer; they go when the address unsubscribes (ConsentRevoked) or the host erases it.
 */
final class PriceAlertPrivacy {

    Map<String, Object> export(FeatureContext shop, String customerId) {
        PriceAlertRepository repository = PriceAlertRepository.of(shop);
        List<Map<String, Object>> alerts = repository.allOf(customerId).stream().map(alert -> {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("id", GlobalId.encode(Subscriptions.ALERT_ID_TYPE, alert.id()));
            map.put("origin", alert.origin());
            map.put("variantId", alert.variantId());
            map.put("targetPrice", alert.targetPrice() == null ? null : Prices.format(alert.targetPrice()));
            map.put("referencePrice", Prices.format(alert.referencePrice()));
            map.put("status", alert.status());
            map.put("alertsSent", alert.alertsSent());
            map.put("createdAt", alert.createdAt().toString());
            return map;
        }).toList();
        List<Map<String, Object>> sent = repository.sentTo(customerId).stream().map(row -> {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("variantId", row.getVariantId());
            map.put("oldPrice", row.getOldPrice().toPlainString() + " " + row.getCurrency());
            map.put("newPrice", row.getNewPrice().toPlainString() + " " + row.getCurrency());
            map.put("sentAt", PriceAlertRepository.fromDb(row.getSentAt()).toString());
            return map;
        }).toList();
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("priceAlerts", alerts);
        export.put("watchesWishlistPrices", repository.watches(customerId));
        export.put("alertsSent", sent);
        return export;
    }

    void erase(FeatureContext shop, String customerId) {
        shop.db().transaction(tx -> PriceAlertRepository.in(tx, shop).eraseCustomer(customerId));
    }
}
