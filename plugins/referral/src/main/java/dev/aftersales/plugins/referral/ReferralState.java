package dev.aftersales.plugins.referral;

import java.util.List;

/** Where a referral stands; see the migration for the meaning of each state. */
enum ReferralState {
    CLAIMED, QUALIFIED, FLAGGED, REWARDED, AVAILABLE, BLOCKED, REJECTED, VOID, REVERSED;

    /** States whose first order counts for the referrer (revenue, rewards). */
    static final List<String> PAYING = List.of(QUALIFIED.name(), REWARDED.name(), AVAILABLE.name());
}
