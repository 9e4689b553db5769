package dev.aftersales.plugins.reviews;

import dev.aftersales.api.FeatureContext;
import dev.aftersales.api.graphql.Connection;
import dev.aftersales.api.graphql.FieldCall;
import dev.aftersales.api.graphql.GlobalId;
import dev.aftersales.api.graphql.UserError;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The operator's side of reviews: the moderation queue, moderation decisions and the shop's public reply. */
final class Moderation {

    private static final Set<String> DECISIONS = Set.of(ReviewStore.APPROVED, ReviewStore.REJECTED, ReviewStore.REMOVED);
    static final int MAX_REPLY = 5000;

    Connection<Review> queue(FieldCall call) {
        String status = call.argument("status") == null ? ReviewStore.PENDING : call.argument("status");
        long after = call.page().after().map(Long::parseLong).orElse(0L);
        return Connection.of(ReviewStore.of(call.shop()).withStatus(status, after, call.page().first() + 1),
                call.page(), review -> String.valueOf(review.key()));
    }

    Map<String, Object> moderate(FieldCall call) {
        FeatureContext shop = call.shop();
        String decision = String.valueOf(call.input().get("status"));
        if (!DECISIONS.contains(decision)) {
            return ReviewWriting.payload(null, List.of(UserError.of(ReviewErrors.INVALID,
                    "status must be APPROVED, REJECTED or REMOVED", "input", "status")));
        }
        Optional<Long> id = GlobalId.decodeLong(Review.TYPE, String.valueOf(call.input().get("reviewId")));
        Review.Change change = id.map(key -> shop.inTransaction(tx -> {
            ReviewStore reviews = ReviewStore.in(tx.dsl(), shop);
            Optional<Review> review = reviews.lock(key);
            if (review.isEmpty()) {
                return null;
            }
            if (!review.get().status().equals(decision)) {
                reviews.status(key, decision, shop.clock().instant());
                if (ReviewStore.APPROVED.equals(decision)) {
                    Approvals.thank(shop, review.get());
                }
            }
            return new Review.Change(review.get().status(), reviews.byId(key).orElseThrow());
        })).orElse(null);
        if (change == null) {
            return ReviewWriting.payload(null, List.of(UserError.of(ReviewErrors.NOT_FOUND, "No such review",
                    "input", "reviewId")));
        }
        Approvals.announce(shop, change.after(), change.before(), decision);
        return ReviewWriting.payload(change.after(), List.of());
    }

    /** The shop's public answer, shown with the review; an empty text withdraws it. */
    Map<String, Object> reply(FieldCall call) {
        FeatureContext shop = call.shop();
        String text = call.input().get("text") == null ? "" : call.input().get("text").toString().strip();
        if (text.length() > MAX_REPLY) {
            return ReviewWriting.payload(null, List.of(UserError.of(ReviewErrors.INVALID,
                    "The reply may have at most " + MAX_REPLY + " characters", "input", "text")));
        }
        Optional<Long> id = GlobalId.decodeLong(Review.TYPE, String.valueOf(call.input().get("reviewId")));
        Review replied = id.map(key -> shop.inTransaction(tx -> {
            ReviewStore reviews = ReviewStore.in(tx.dsl(), shop);
            if (reviews.lock(key).isEmpty()) {
                return null;
            }
            reviews.reply(key, text.isEmpty() ? null : text, shop.clock().instant());
            return reviews.byId(key).orElseThrow();
        })).orElse(null);
        if (replied == null) {
            return ReviewWriting.payload(null, List.of(UserError.of(ReviewErrors.NOT_FOUND, "No such review",
                    "input", "reviewId")));
        }
        return ReviewWriting.payload(replied, List.of());
    }
}
