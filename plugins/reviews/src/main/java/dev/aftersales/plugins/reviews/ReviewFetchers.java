package dev.aftersales.plugins.reviews;

import dev.aftersales.api.FeatureContext;
import dev.aftersales.api.Wiring;
import dev.aftersales.api.graphql.Connection;
import dev.aftersales.api.graphql.FieldCall;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The storefront's read side: {@code productReviews(productId)} with the rating summary, a page of approved reviews
 * and the answered questions. Each part is one statement (summaries and answers through batch loaders), so a product
 * page costs the same number of statements whatever its page sizes.
 */
final class ReviewFetchers {

    static final String SUMMARY_LOADER = "reviews.summary";
    static final String ANSWERS_LOADER = "reviews.answers";

    /** {@code ProductReviews}. */
    public record ProductReviews(String productId) {

        public String verificationRule() {
            return Purchases.RULE;
        }
    }

    /** {@code RatingSummary}: average of approved reviews (null without any) and the count per star. */
    public record RatingSummary(Double average, int count, List<StarCount> stars) {

        static RatingSummary of(int[] perStar) {
            int count = 0;
            long sum = 0;
            List<StarCount> stars = new ArrayList<>();
            for (int star = 5; star >= 1; star--) {
                int reviews = perStar == null ? 0 : perStar[star - 1];
                count += reviews;
                sum += (long) star * reviews;
                stars.add(new StarCount(star, reviews));
            }
            Double average = count == 0 ? null : Math.round(sum * 100.0 / count) / 100.0;
            return new RatingSummary(average, count, stars);
        }
    }

    /** {@code StarCount}. */
    public record StarCount(int rating, int count) {
    }

    private final Questions questions;

    ReviewFetchers(Questions questions) {
        this.questions = questions;
    }

    void register(Wiring wiring) {
        wiring.query("productReviews", call -> new ProductReviews(call.<String>argument("productId")));
        wiring.field("ProductReviews", "summary", call -> call.load(SUMMARY_LOADER,
                call.<ProductReviews>source().productId()));
        wiring.field("ProductReviews", "reviews", this::reviews);
        wiring.field("ProductReviews", "questions",
                call -> questions.answered(call, call.<ProductReviews>source().productId()));
        wiring.field("ProductQuestion", "answers", this::answers);
        wiring.<String, RatingSummary>batchLoader(SUMMARY_LOADER, ReviewFetchers::summaries);
        wiring.<Long, List<Answer>>batchLoader(ANSWERS_LOADER,
                (shop, questionIds) -> QuestionStore.of(shop).approvedAnswers(questionIds));
    }

    private Connection<Review> reviews(FieldCall call) {
        long before = call.page().after().map(Long::parseLong).orElse(Long.MAX_VALUE);
        List<Review> rows = ReviewStore.of(call.shop())
                .approved(call.<ProductReviews>source().productId(), before, call.page().first() + 1);
        return Connection.of(rows, call.page(), review -> String.valueOf(review.key()));
    }

    private CompletableFuture<List<Answer>> answers(FieldCall call) {
        return call.<Long, List<Answer>>load(ANSWERS_LOADER, call.<Question>source().key())
                .thenApply(answers -> answers == null ? List.of() : answers);
    }

    private static Map<String, RatingSummary> summaries(FeatureContext shop, Set<String> productIds) {
        Map<String, int[]> counts = ReviewStore.of(shop).starCounts(productIds);
        Map<String, RatingSummary> summaries = new HashMap<>();
        productIds.forEach(productId -> summaries.put(productId, RatingSummary.of(counts.get(productId))));
        return summaries;
    }
}
