package dev.aftersales.plugins.communityrewards;

import dev.aftersales.api.FeatureContext;
import dev.aftersales.api.events.ContributionApproved;
import dev.aftersales.api.events.ContributionKind;
import dev.aftersales.api.events.ContributionRemoved;
import dev.aftersales.api.events.ContributionRewarded;
import dev.aftersales.plugins.communityrewards.jooq.tables.records.CommunityRewardsAwardRecord;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns approved contributions into ledger points and removed ones into reversals. Each customer's awards take turns
 * on their member row, so the weekly cap holds however many approvals arrive at once; a contribution is considered
 * once (by content, and by customer, product and kind), so repeated or re-approved events book nothing twice.
 */
final class ContributionPoints {

    /** One booking: what was awarded for which content. */
    private record Granted(ContributionKind kind, String contentId, long points) {
    }

    void onApproved(FeatureContext shop, ContributionApproved event) {
        CommunitySettings settings = CommunitySettings.of(shop.settings());
        if (event.customerId() == null || (settings.purchasedOnly() && !event.verifiedBuyer())) {
            return;
        }
        List<ContributionKind> kinds = new ArrayList<>(List.of(event.kind()));
        if (event.kind() == ContributionKind.REVIEW && event.photos() > 0) {
            kinds.add(ContributionKind.PHOTO);
        }
        List<Granted> granted = shop.inTransaction(tx -> {
            Awards awards = Awards.in(tx.dsl(), shop);
            Instant now = shop.clock().instant();
            LocalDate week = LocalDate.ofInstant(now, shop.shop().timeZone())
                    .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            awards.lockMember(event.customerId(), now);
            List<Granted> booked = new ArrayList<>();
            for (ContributionKind kind : kinds) {
                if (awards.considered(kind.name(), event.contentId(), event.customerId(), event.productId())) {
                    continue;
                }
                long points = settings.grant(settings.pointsFor(kind), awards.usedInWeek(event.customerId(), week));
                String key = ledgerKey(kind, event.contentId());
                awards.insert(kind.name(), event.contentId(), event.customerId(), event.productId(), points, key, week,
                        now);
                if (points > 0) {
                    shop.rewards().earn(event.customerId(), points, reason(kind), event.productId(), key, null);
                    booked.add(new Granted(kind, event.contentId(), points));
                }
            }
            return booked;
        });
        granted.forEach(grant -> shop.events().publish(new ContributionRewarded(grant.kind(), grant.contentId(),
                event.customerId(), grant.points())));
    }

    void onRemoved(FeatureContext shop, ContributionRemoved event) {
        List<String> kinds = event.kind() == ContributionKind.REVIEW
                ? List.of(ContributionKind.REVIEW.name(), ContributionKind.PHOTO.name())
                : List.of(event.kind().name());
        shop.inTransaction(tx -> {
            Awards awards = Awards.in(tx.dsl(), shop);
            awards.lockMember(event.customerId(), shop.clock().instant());
            for (CommunityRewardsAwardRecord award : awards.unreversed(kinds, event.contentId())) {
                if (award.getPoints() > 0) {
                    shop.rewards().reverse(award.getLedgerKey(), award.getPoints(),
                            reason(ContributionKind.valueOf(award.getKind())) + " withdrawn",
                            award.getLedgerKey() + ":reversal");
                }
                awards.reversed(award.getKind(), award.getContentId());
            }
            return null;
        });
    }

    static String ledgerKey(ContributionKind kind, String contentId) {
        return CommunityRewardsFeature.ID + ":" + kind.name().toLowerCase(Locale.ROOT) + ":" + contentId;
    }

    private static String reason(ContributionKind kind) {
        return switch (kind) {
            case REVIEW -> "Product review";
            case PHOTO -> "Photos in a product review";
            case ANSWER -> "Accepted answer to a product question";
            case QUESTION -> "Product question";
        };
    }
}
