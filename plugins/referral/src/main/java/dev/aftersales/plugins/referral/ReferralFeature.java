package dev.aftersales.plugins.referral;

import dev.aftersales.api.Feature;
import dev.aftersales.api.FeatureContext;
import dev.aftersales.api.FeatureDescriptor;
import dev.aftersales.api.Wiring;
import dev.aftersales.api.events.CustomerDeleted;
import dev.aftersales.api.events.OrderPlaced;
import dev.aftersales.api.events.OrderReturned;
import dev.aftersales.api.events.OrderStatusChanged;
import java.util.Map;
import org.pf4j.Extension;

/**
 * Referral rewards that fraud cannot farm: each customer gets a signed, revocable link and code; a friend who follows
 * it gets a single-use coupon; the friend's first qualifying order earns the referrer points in the host's rewards
 * ledger, pending until the return window closes and reversed on a return. Fraud checks block or flag referrals for
 * an operator's review.
 * <ul>
 *   <li>{@link ReferralCodes} — codes and signed links; {@link Landing} — visit, claim, share;</li>
 *   <li>{@link Qualifying} — order events; {@link FraudChecks} — the checks; {@link RewardRelease} — the job;</li>
 *   <li>{@link ReferralFetchers} — {@code Customer.referral}; {@link ReferralAdmin} — the operator API;</li>
 *   <li>{@link ReferralStore} — all SQL, always scoped to the shop; {@link ReferralPrivacy} — GDPR.</li>
 * </ul>
 */
@Extension
public class ReferralFeature implements Feature {

    /** The feature id: schema, migrations, templates, table prefix ({@code referral_}) and ledger keys use it. */
    public static final String ID = "referral";

    private final ReferralCodes codes = new ReferralCodes();
    private final Landing landing = new Landing();
    private final Qualifying qualifying = new Qualifying();
    private final RewardRelease release = new RewardRelease();
    private final ReferralFetchers fetchers = new ReferralFetchers(codes);
    private final ReferralAdmin admin = new ReferralAdmin();
    private final ReferralPrivacy privacy = new ReferralPrivacy();

    @Override
    public FeatureDescriptor descriptor() {
        return new FeatureDescriptor(ID, "Referral programme",
                "Customers refer friends with a signed link or code; friends get a coupon, referrers points after the "
                        + "return window; self-referrals, shared devices and leaked codes are blocked or reviewed.",
                ReferralSettings.SPEC);
    }

    @Override
    public void register(Wiring wiring) {
        fetchers.register(wiring);
        admin.register(wiring);
        wiring.query("referralVisit", landing::visit);
        wiring.mutation("referralClaim", call -> landing.claim(call, codes));
        wiring.mutation("referralLinkShare", call -> landing.share(call, codes));
        wiring.listen(OrderPlaced.class, qualifying::onPlaced);
        wiring.listen(OrderStatusChanged.class, qualifying::onStatusChanged);
        wiring.listen(OrderReturned.class, qualifying::onReturned);
        wiring.listen(CustomerDeleted.class, (shop, event) -> privacy.erase(shop, event.customerId()));
        wiring.job(RewardRelease.JOB, RewardRelease.INTERVAL, release::run);
    }

    @Override
    public Map<String, Object> export(FeatureContext shop, String customerId) {
        return privacy.export(shop, customerId);
    }

    @Override
    public void erase(FeatureContext shop, String customerId) {
        privacy.erase(shop, customerId);
    }
}
