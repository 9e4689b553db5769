package dev.aftersales.plugins.reviews;

import dev.aftersales.api.FeatureContext;
import dev.aftersales.api.catalog.Variant;
import dev.aftersales.api.events.ContributionApproved;
import dev.aftersales.api.events.ContributionKind;
import dev.aftersales.api.events.ContributionRemoved;
import dev.aftersales.api.notify.Category;
import dev.aftersales.api.notify.Notification;
import dev.aftersales.api.notify.Recipient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What follows a review's change of moderation state: the thank-you mail (in the same transaction as the change) and,
 * after the change committed, the events other features (community points) react to.
 */
final class Approvals {

    private Approvals() {
    }

    /** Inside the transaction of the change: the author's thank-you mail for an approved review, once per review. */
    static void thank(FeatureContext shop, Review review) {
        if (review.customerId() == null) {
            return;
        }
        List<Variant> variants = shop.catalog().variantsOfProduct(review.productId());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("productName", variants.isEmpty() ? review.productId() : variants.getFirst().productName());
        data.put("rating", review.rating());
        data.put("title", review.title());
        shop.notifier().enqueue(Notification.to(Recipient.customer(review.customerId()))
                .template("review-thanks")
                .category(Category.TRANSACTIONAL)
                .data(data)
                .dedupeKey("thanks:" + review.key())
                .build());
    }

    /** After the transaction committed: tells the shop's other features that a review became visible or went. */
    static void announce(FeatureContext shop, Review review, String from, String to) {
        if (review.customerId() == null || from.equals(to)) {
            return;
        }
        String id = String.valueOf(review.key());
        if (ReviewStore.APPROVED.equals(to)) {
            shop.events().publish(new ContributionApproved(ContributionKind.REVIEW, id, review.customerId(),
                    review.productId(), review.verifiedBuyer(), review.photoUrls().size()));
        } else if (ReviewStore.REJECTED.equals(to) || ReviewStore.REMOVED.equals(to)) {
            shop.events().publish(new ContributionRemoved(ContributionKind.REVIEW, id, review.customerId(),
                    review.productId()));
        }
    }
}
