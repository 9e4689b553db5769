package dev.aftersales.plugins.reviews;

import dev.aftersales.api.FeatureContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * GDPR export and erasure of everything that names a customer: reviews, votes, review requests, questions,
 * answers and satisfaction answers. Erasure keeps reviews, questions and answers without the author (setting {@code anonymiseOnErase}) or
 * deletes them; votes and requests are always deleted.
 */
final class ReviewsPrivacy {

    private final Satisfaction satisfaction;

    ReviewsPrivacy(Satisfaction satisfaction) {
        this.satisfaction = satisfaction;
    }

    Map<String, Object> export(FeatureContext shop, String customerId) {
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("reviews", ReviewStore.of(shop).ofCustomer(customerId));
        export.put("helpfulVotes", ReviewStore.of(shop).votesOf(customerId));
        export.put("reviewRequests", RequestStore.of(shop).ofCustomer(customerId).stream().map(request -> Map.of(
                "orderId", request.getOrderId(), "state", request.getState(),
                "sentAt", String.valueOf(ReviewStore.instant(request.getSentAt())),
                "openedAt", String.valueOf(ReviewStore.instant(request.getOpenedAt())))).toList());
        export.put("questions", QuestionStore.of(shop).questionsOf(customerId));
        export.put("answers", QuestionStore.of(shop).answersOf(customerId));
        export.put("satisfactionAnswers", satisfaction.ofCustomer(shop, customerId));
        return export;
    }

    void erase(FeatureContext shop, String customerId) {
        boolean anonymise = ReviewsSettings.of(shop.settings()).anonymiseOnErase();
        shop.inTransaction(tx -> {
            ReviewStore.in(tx.dsl(), shop).erase(customerId, anonymise);
            RequestStore.in(tx.dsl(), shop).erase(customerId);
            QuestionStore.in(tx.dsl(), shop).erase(customerId, anonymise);
            Satisfaction.erase(tx.dsl(), shop.shopId(), customerId, anonymise);
            return null;
        });
    }
}
