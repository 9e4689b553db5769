package dev.aftersales.plugins.referral;

import dev.aftersales.api.FeatureContext;
import dev.aftersales.plugins.referral.jooq.tables.records.ReferralFriendRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GDPR export and erasure of what the programme keeps about a customer, as a referrer (code, revoked codes, the
 * referrals they made, with their friends' addresses masked) and as a friend (the referral that brought them). The
 * referrer's points are ledger entries: the host exports and anonymises those.
 */
final class ReferralPrivacy {

    Map<String, Object> export(FeatureContext shop, String customerId) {
        ReferralStore store = ReferralStore.of(shop);
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("code", store.codeOf(customerId).map(code -> Map.<String, Object>of("code", code.getCode(),
                "shares", code.getShares(), "createdAt", ReferralStore.instant(code.getCreatedAt()).toString()))
                .orElse(null));
        export.put("revokedCodes", store.revokedCodesOf(customerId).stream().map(code -> Map.<String, Object>of(
                "code", code.getCode(), "reason", code.getReason(),
                "revokedAt", ReferralStore.instant(code.getRevokedAt()).toString())).toList());
        export.put("referralsMade", store.allOfReferrer(customerId).stream()
                .map(r -> row(r, Emails.masked(r.getFriendEmail()))).toList());
        List<Map<String, Object>> asFriend = store.ofFriend(customerId).stream()
                .map(r -> row(r, r.getFriendEmail())).toList();
        export.put("referredAsFriend", asFriend);
        return export;
    }

    void erase(FeatureContext shop, String customerId) {
        shop.inTransaction(tx -> {
            ReferralStore.in(tx.dsl(), shop).erase(customerId);
            return null;
        });
    }

    private static Map<String, Object> row(ReferralFriendRecord r, String email) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("referrerId", r.getReferrerId());
        row.put("friendEmail", email);
        row.put("state", r.getState());
        row.put("couponCode", r.getCouponCode());
        row.put("orderId", r.getOrderId());
        row.put("points", r.getPoints());
        row.put("createdAt", ReferralStore.instant(r.getCreatedAt()).toString());
        return row;
    }
}
