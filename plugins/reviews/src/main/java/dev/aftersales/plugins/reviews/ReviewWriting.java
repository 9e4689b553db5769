package dev.aftersales.plugins.reviews;

import dev.aftersales.api.FeatureContext;
import dev.aftersales.api.catalog.OrderLine;
import dev.aftersales.api.graphql.FieldCall;
import dev.aftersales.api.graphql.GlobalId;
import dev.aftersales.api.graphql.UserError;
import dev.aftersales.plugins.reviews.jooq.tables.records.ReviewsRequestRecord;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The storefront's review mutations: write a review (signed in, or through a request's link without signing in),
 * replace one's review, vote a review helpful, and open a request's link.
 */
final class ReviewWriting {

    /** Who writes, and what makes the review verified. */
    private record Author(String customerId, String orderId, String variantId, boolean verified) {
    }

    Map<String, Object> submit(FieldCall call) {
        FeatureContext shop = call.shop();
        Map<String, Object> input = call.input();
        ReviewsSettings settings = ReviewsSettings.of(shop.settings());
        ReviewInput.Checked checked = ReviewInput.check(input, settings.maxPhotos());
        if (checked.review() == null) {
            return payload(null, checked.errors());
        }
        String productId = String.valueOf(input.get("productId"));
        if (shop.catalog().variantsOfProduct(productId).isEmpty()) {
            return payload(null, List.of(UserError.of(ReviewErrors.NOT_FOUND, "No such product", "input", "productId")));
        }
        String token = (String) input.get("token");
        Author author;
        if (token != null) {
            Optional<Author> byToken = byToken(shop, token, productId);
            if (byToken.isEmpty()) {
                return payload(null, List.of(tokenError(shop, token)));
            }
            author = byToken.get();
        } else {
            String customerId = call.viewer().requireCustomer();
            author = Purchases.of(shop, customerId, productId)
                    .map(purchase -> new Author(customerId, purchase.orderId(), purchase.variantId(), true))
                    .orElse(new Author(customerId, null, (String) input.get("variantId"), false));
            if (settings.buyersOnly() && !author.verified()) {
                return payload(null, List.of(UserError.of(ReviewErrors.NOT_A_BUYER,
                        "Only customers who bought this product may review it", "input", "productId")));
            }
        }
        ReviewInput review = checked.review();
        String status = review.autoApproved(settings, author.verified()) ? ReviewStore.APPROVED : ReviewStore.PENDING;
        Review saved = shop.inTransaction(tx -> {
            ReviewStore reviews = ReviewStore.in(tx.dsl(), shop);
            if (reviews.byAuthor(author.customerId(), productId).isPresent()) {
                return null;
            }
            Instant now = shop.clock().instant();
            long id = reviews.insert(productId, author.variantId(), author.orderId(), author.customerId(), review,
                    author.verified(), status, now);
            if (author.orderId() != null) {
                RequestStore.in(tx.dsl(), shop).reviewed(author.orderId(), now);
            }
            Review stored = reviews.byId(id).orElseThrow();
            if (ReviewStore.APPROVED.equals(status)) {
                Approvals.thank(shop, stored);
            }
            return stored;
        });
        if (saved == null) {
            return payload(null, List.of(UserError.of(ReviewErrors.ALREADY_REVIEWED,
                    "You reviewed this product already; change that review with reviewUpdate", "input",
                    "productId")));
        }
        Approvals.announce(shop, saved, ReviewStore.PENDING, status);
        return payload(saved, List.of());
    }

    /** Replaces the signed-in customer's review; it goes through moderation again (or the auto-approval rule). */
    Map<String, Object> update(FieldCall call) {
        FeatureContext shop = call.shop();
        String customerId = call.viewer().requireCustomer();
        Map<String, Object> input = call.input();
        ReviewsSettings settings = ReviewsSettings.of(shop.settings());
        ReviewInput.Checked checked = ReviewInput.check(input, settings.maxPhotos());
        if (checked.review() == null) {
            return payload(null, checked.errors());
        }
        Optional<Long> id = GlobalId.decodeLong(Review.TYPE, String.valueOf(input.get("reviewId")));
        Review.Change change = id.map(key -> shop.inTransaction(tx -> {
            ReviewStore reviews = ReviewStore.in(tx.dsl(), shop);
            Optional<Review> own = reviews.lock(key).filter(review -> customerId.equals(review.customerId())
                    && !ReviewStore.REMOVED.equals(review.status()));
            if (own.isEmpty()) {
                return null;
            }
            String status = checked.review().autoApproved(settings, own.get().verifiedBuyer())
                    ? ReviewStore.APPROVED : ReviewStore.PENDING;
            reviews.replace(key, checked.review(), own.get().verifiedBuyer(), status, shop.clock().instant());
            return new Review.Change(own.get().status(), reviews.byId(key).orElseThrow());
        })).orElse(null);
        if (change == null) {
            return payload(null, List.of(UserError.of(ReviewErrors.NOT_FOUND, "No such review of yours", "input",
                    "reviewId")));
        }
        Approvals.announce(shop, change.after(), change.before(), change.after().status());
        return payload(change.after(), List.of());
    }

    Map<String, Object> vote(FieldCall call) {
        FeatureContext shop = call.shop();
        String customerId = call.viewer().requireCustomer();
        Optional<Long> id = GlobalId.decodeLong(Review.TYPE, String.valueOf(call.input().get("reviewId")));
        Optional<Review> review = id.flatMap(key -> ReviewStore.of(shop).byId(key))
                .filter(found -> ReviewStore.APPROVED.equals(found.status()));
        if (review.isEmpty()) {
            return payload(null, List.of(UserError.of(ReviewErrors.NOT_FOUND, "No such review", "input", "reviewId")));
        }
        if (customerId.equals(review.get().customerId())) {
            return payload(null, List.of(UserError.of(ReviewErrors.OWN_REVIEW,
                    "You cannot vote on your own review", "input", "reviewId")));
        }
        long key = review.get().key();
        Review voted = shop.inTransaction(tx -> {
            ReviewStore reviews = ReviewStore.in(tx.dsl(), shop);
            return reviews.vote(key, customerId, shop.clock().instant()) ? reviews.byId(key).orElseThrow() : null;
        });
        if (voted == null) {
            return payload(null, List.of(UserError.of(ReviewErrors.ALREADY_VOTED,
                    "You found this review helpful already", "input", "reviewId")));
        }
        return payload(voted, List.of());
    }

    /**
     * The storefront's review page calls this when it opens with a request's token: it records that the customer
     * opened the request (only then may a reminder follow) and returns what to ask about.
     */
    Map<String, Object> open(FieldCall call) {
        FeatureContext shop = call.shop();
        String token = String.valueOf(call.input().get("token"));
        Optional<ReviewsRequestRecord> request = validRequest(shop, token);
        Map<String, Object> payload = new HashMap<>();
        if (request.isEmpty()) {
            payload.put("request", null);
            payload.put("userErrors", List.of(tokenError(shop, token)));
            return payload;
        }
        String orderId = request.get().getOrderId();
        shop.inTransaction(tx -> {
            RequestStore.in(tx.dsl(), shop).opened(orderId, shop.clock().instant());
            return null;
        });
        ReviewStore reviews = ReviewStore.of(shop);
        String customerId = request.get().getCustomerId();
        List<Map<String, Object>> products = RequestStore.productIds(request.get()).stream().map(productId -> {
            Map<String, Object> product = new HashMap<>();
            product.put("productId", productId);
            product.put("reviewed", reviews.byAuthor(customerId, productId).isPresent());
            return product;
        }).toList();
        payload.put("request", Map.of("orderId", orderId, "products", products,
                "askNps", ReviewsSettings.of(shop.settings()).npsQuestion()));
        payload.put("userErrors", List.of());
        return payload;
    }

    private static Optional<Author> byToken(FeatureContext shop, String token, String productId) {
        return validRequest(shop, token)
                .filter(request -> RequestStore.productIds(request).contains(productId))
                .map(request -> new Author(request.getCustomerId(), request.getOrderId(),
                        shop.orders().order(request.getOrderId()).stream().flatMap(order -> order.lines().stream())
                                .filter(line -> productId.equals(line.productId())).map(OrderLine::variantId)
                                .findFirst().orElse(null),
                        true));
    }

    /** The request a token names, while it is valid: signed by this shop, not expired, sent and not cancelled. */
    static Optional<ReviewsRequestRecord> validRequest(FeatureContext shop, String token) {
        return shop.links().verify(ReviewRequests.TOKEN_PURPOSE, token)
                .flatMap(orderId -> RequestStore.of(shop).find(orderId))
                .filter(request -> RequestStore.SENT.equals(request.getState())
                        || RequestStore.REVIEWED.equals(request.getState()));
    }

    private static UserError tokenError(FeatureContext shop, String token) {
        boolean signed = shop.links().verify(ReviewRequests.TOKEN_PURPOSE, token).isPresent();
        return signed && validRequest(shop, token).isPresent()
                ? UserError.of(ReviewErrors.NOT_IN_REQUEST, "The review link does not cover this product", "input",
                        "productId")
                : UserError.of(ReviewErrors.INVALID_TOKEN, "The review link is invalid or has expired", "input",
                        "token");
    }

    static Map<String, Object> payload(Review review, List<UserError> errors) {
        Map<String, Object> payload = new HashMap<>();
        payload.put("review", review);
        payload.put("userErrors", errors);
        return payload;
    }
}
