package dev.aftersales.plugins.loyalty;

import dev.aftersales.api.FeatureContext;
import dev.aftersales.api.graphql.Connection;
import dev.aftersales.api.graphql.PageRequest;
import dev.aftersales.api.rewards.LedgerEntry;
import dev.aftersales.api.rewards.RewardsBalance;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GDPR export and erasure. The export lists the programme's rows and the customer's ledger entries (every feature's,
 * as the customer sees them in their history). Erasure deletes the programme's rows; the ledger itself belongs to the
 * host, which anonymises it when the shop deletes the customer (sums stay for the shop's liability report).
 */
final class LoyaltyPrivacy {

    Map<String, Object> export(FeatureContext shop, String customerId) {
        Members members = Members.of(shop);
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("tier", members.member(customerId).map(m -> m.getTierName()).orElse(null));
        RewardsBalance balance = shop.rewards().balance(customerId);
        export.put("balance", Map.of("available", balance.available(), "pending", balance.pending()));
        export.put("orders", members.ordersOf(customerId).stream().map(order -> Map.<String, Object>of(
                "orderId", order.getOrderId(), "points", order.getPoints(),
                "reversedPoints", order.getReversedPoints(),
                "availableAt", Members.instant(order.getAvailableAt()).toString())).toList());
        export.put("redemptions", members.redemptionsOf(customerId).stream().map(r -> Map.<String, Object>of(
                "couponCode", r.getCouponCode(), "points", r.getPoints(),
                "createdAt", Members.instant(r.getCreatedAt()).toString())).toList());
        export.put("entries", entries(shop, customerId));
        return export;
    }

    void erase(FeatureContext shop, String customerId) {
        shop.inTransaction(tx -> {
            Members.in(tx.dsl(), shop).eraseCustomer(customerId);
            return null;
        });
    }

    private static List<Map<String, Object>> entries(FeatureContext shop, String customerId) {
        List<Map<String, Object>> entries = new ArrayList<>();
        String after = null;
        do {
            Connection<LedgerEntry> page = shop.rewards().history(customerId, PageRequest.of(PageRequest.MAX_FIRST,
                    after));
            page.nodes().forEach(entry -> {
                Map<String, Object> map = new LinkedHashMap<>();
                map.put("points", entry.amount());
                map.put("kind", entry.kind().name());
                map.put("state", entry.state().name());
                map.put("reason", entry.reason());
                map.put("feature", entry.featureId());
                map.put("createdAt", entry.createdAt().toString());
                entries.add(map);
            });
            after = page.pageInfo().hasNextPage() ? page.pageInfo().endCursor() : null;
        } while (after != null);
        return entries;
    }
}
