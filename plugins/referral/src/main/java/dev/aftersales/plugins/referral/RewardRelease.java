package dev.aftersales.plugins.referral;

import dev.aftersales.api.FeatureContext;
import dev.aftersales.api.notify.Category;
import dev.aftersales.api.notify.Notification;
import dev.aftersales.api.notify.Recipient;
import dev.aftersales.plugins.referral.jooq.tables.records.ReferralFriendRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Job {@value #JOB}: the ledger makes a referrer's points available when the return window closes; this job marks
 * such referrals {@code AVAILABLE} and tells the referrer (once per referral, by the notifier's dedupe key).
 */
final class RewardRelease {

    static final String JOB = "reward-release";
    static final Duration INTERVAL = Duration.ofMinutes(15);
    private static final int BATCH = 200;

    void run(FeatureContext shop) {
        List<ReferralFriendRecord> due;
        do {
            Instant now = shop.clock().instant();
            due = ReferralStore.of(shop).dueForRelease(now, BATCH);
            due.forEach(referral -> release(shop, referral.getId(), now));
        } while (due.size() == BATCH);
    }

    private static void release(FeatureContext shop, long id, Instant now) {
        shop.inTransaction(tx -> {
            ReferralStore store = ReferralStore.in(tx.dsl(), shop);
            ReferralFriendRecord referral = store.lockReferral(id).orElse(null);
            if (referral == null || !ReferralState.REWARDED.name().equals(referral.getState())) {
                return null; // reversed or released meanwhile
            }
            store.setState(id, ReferralState.AVAILABLE, null, now);
            shop.notifier().enqueue(Notification.to(Recipient.customer(referral.getReferrerId()))
                    .template("referral-reward-available")
                    .category(Category.ALERT)
                    .data(Map.of("points", referral.getPoints(),
                            "balance", shop.rewards().balance(referral.getReferrerId()).available()))
                    .dedupeKey("referral:available:" + id)
                    .build());
            return null;
        });
    }
}
