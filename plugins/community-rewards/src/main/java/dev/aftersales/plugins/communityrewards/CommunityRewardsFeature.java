package dev.aftersales.plugins.communityrewards;

import dev.aftersales.api.Feature;
import dev.aftersales.api.FeatureContext;
import dev.aftersales.api.FeatureDescriptor;
import dev.aftersales.api.Wiring;
import dev.aftersales.api.events.ContributionApproved;
import dev.aftersales.api.events.ContributionRemoved;
import dev.aftersales.api.events.CustomerDeleted;
import dev.aftersales.api.graphql.FieldCall;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pf4j.Extension;

/**
 * Points for community contributions through the host's rewards ledger: per approved review, a bonus for photos, per
 * accepted answer; after moderation only, once per customer and product, within a weekly cap, and reversed when the
 * content is removed. It listens to the plugin API's contribution events, so any content feature (the {@code reviews}
 * plugin today) works with it without either knowing the other's classes.
 */
@Extension
public class CommunityRewardsFeature implements Feature {

    public static final String ID = "community-rewards";

    private final ContributionPoints points = new ContributionPoints();

    @Override
    public FeatureDescriptor descriptor() {
        return new FeatureDescriptor(ID, "Community rewards",
                "Loyalty points for approved reviews, photos and accepted answers, with a weekly cap.",
                CommunitySettings.SPEC);
    }

    @Override
    public void register(Wiring wiring) {
        wiring.listen(ContributionApproved.class, points::onApproved);
        wiring.listen(ContributionRemoved.class, points::onRemoved);
        wiring.listen(CustomerDeleted.class, (shop, event) -> erase(shop, event.customerId()));
        wiring.adminField("Shop", "communityRewards", call -> Map.of());
        wiring.adminField("CommunityRewards", "report", CommunityRewardsFeature::report);
    }

    /** The host's DateTime scalar gives the arguments as instants. */
    private static Object report(FieldCall call) {
        return Awards.of(call.shop()).report(call.<Instant>argument("from"), call.<Instant>argument("to"));
    }

    /** The contributions that earned points (the points themselves are in the host's ledger export). */
    @Override
    public Map<String, Object> export(FeatureContext shop, String customerId) {
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("awards", Awards.of(shop).ofCustomer(customerId).stream().map(award -> Map.<String, Object>of(
                "kind", award.getKind(), "contentId", award.getContentId(), "productId", award.getProductId(),
                "points", award.getPoints(), "reversed", award.getReversed(),
                "weekStart", award.getWeekStart().toString())).toList());
        return export;
    }

    @Override
    public void erase(FeatureContext shop, String customerId) {
        shop.inTransaction(tx -> {
            Awards.in(tx.dsl(), shop).erase(customerId);
            return null;
        });
    }
}
