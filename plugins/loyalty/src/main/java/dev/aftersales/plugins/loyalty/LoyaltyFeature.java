package dev.aftersales.plugins.loyalty;

import dev.aftersales.api.Feature;
import dev.aftersales.api.FeatureContext;
import dev.aftersales.api.FeatureDescriptor;
import dev.aftersales.api.Wiring;
import dev.aftersales.api.events.CustomerChanged;
import dev.aftersales.api.events.CustomerDeleted;
import dev.aftersales.api.events.OrderReturned;
import dev.aftersales.api.events.OrderStatusChanged;
import java.time.Duration;
import java.util.Map;
import org.pf4j.Extension;

/**
 * The loyalty programme: points for delivered orders (pending until the return window closes), a sign-up bonus,
 * operator-defined tiers with multipliers and entry bonuses, expiry with reminder mails, and rewards redeemed as shop
 * coupons. Every point is booked in the host's rewards ledger ({@code shop.rewards()}), never in this plugin's tables.
 * <ul>
 *   <li>{@link OrderRewards} — order events into ledger bookings; {@link TierReview} — tiers;</li>
 *   <li>{@link Redeeming} — {@code loyaltyRewardRedeem}; {@link PointsExpiry} — expiry and its mails;</li>
 *   <li>{@link LoyaltyFetchers} — {@code Customer.loyalty}; {@link LoyaltyAdmin} — the operator API;</li>
 *   <li>{@link Programmes}, {@link Members} — all SQL, always scoped to the shop.</li>
 * </ul>
 */
@Extension
public class LoyaltyFeature implements Feature {

    /** The feature id: schema, migrations, templates, table prefix ({@code loyalty_}) and ledger keys use it. */
    public static final String ID = "loyalty";
    static final String TIER_JOB = "tier-review";

    private final OrderRewards orders = new OrderRewards();
    private final Redeeming redeeming = new Redeeming();
    private final PointsExpiry expiry = new PointsExpiry();
    private final LoyaltyFetchers fetchers = new LoyaltyFetchers();
    private final LoyaltyAdmin admin = new LoyaltyAdmin();
    private final LoyaltyPrivacy privacy = new LoyaltyPrivacy();

    @Override
    public FeatureDescriptor descriptor() {
        return new FeatureDescriptor(ID, "Loyalty programme",
                "Points for orders, tiers with perks, expiry reminders, and rewards redeemed as shop coupons.",
                LoyaltySettings.SPEC);
    }

    @Override
    public void register(Wiring wiring) {
        fetchers.register(wiring);
        admin.register(wiring);
        wiring.mutation("loyaltyRewardRedeem", redeeming::redeem);
        wiring.listen(OrderStatusChanged.class, orders::onStatusChanged);
        wiring.listen(OrderReturned.class, orders::onReturned);
        wiring.listen(CustomerChanged.class, orders::onCustomerChanged);
        wiring.listen(CustomerDeleted.class, (shop, event) -> privacy.erase(shop, event.customerId()));
        wiring.job(PointsExpiry.JOB, PointsExpiry.INTERVAL, expiry::run);
        // points become available by time (the host's ledger moves them): review tiers regularly so upgrades follow
        wiring.job(TIER_JOB, Duration.ofHours(1), shop -> TierReview.reviewAll(shop, true));
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
