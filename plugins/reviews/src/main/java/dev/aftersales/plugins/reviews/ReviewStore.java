package dev.aftersales.plugins.reviews;

import static dev.aftersales.plugins.reviews.jooq.Tables.REVIEWS_REVIEW;
import static dev.aftersales.plugins.reviews.jooq.Tables.REVIEWS_VOTE;

import dev.aftersales.api.FeatureContext;
import dev.aftersales.plugins.reviews.jooq.tables.records.ReviewsReviewRecord;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/** SQL of reviews and helpful votes; always scoped to the shop. */
final class ReviewStore {

    static final String PENDING = "PENDING";
    static final String APPROVED = "APPROVED";
    static final String REJECTED = "REJECTED";
    static final String REMOVED = "REMOVED";

    private final DSLContext db;
    private final String shopId;

    private ReviewStore(DSLContext db, String shopId) {
        this.db = db;
        this.shopId = shopId;
    }

    static ReviewStore of(FeatureContext shop) {
        return new ReviewStore(shop.db(), shop.shopId());
    }

    static ReviewStore in(DSLContext tx, FeatureContext shop) {
        return new ReviewStore(tx, shop.shopId());
    }

    private Condition shop() {
        return REVIEWS_REVIEW.SHOP_ID.eq(shopId);
    }

    Optional<Review> byId(long id) {
        return db.selectFrom(REVIEWS_REVIEW).where(shop().and(REVIEWS_REVIEW.ID.eq(id))).fetchOptional()
                .map(ReviewStore::review);
    }

    Optional<Review> lock(long id) {
        return db.selectFrom(REVIEWS_REVIEW).where(shop().and(REVIEWS_REVIEW.ID.eq(id))).forUpdate().fetchOptional()
                .map(ReviewStore::review);
    }

    Optional<Review> byAuthor(String customerId, String productId) {
        return db.selectFrom(REVIEWS_REVIEW)
                .where(shop().and(REVIEWS_REVIEW.PRODUCT_ID.eq(productId))
                        .and(REVIEWS_REVIEW.CUSTOMER_ID.eq(customerId)))
                .fetchOptional().map(ReviewStore::review);
    }

    long insert(String productId, String variantId, String orderId, String customerId, ReviewInput input,
                boolean verified, String status, Instant now) {
        db.insertInto(REVIEWS_REVIEW)
                .set(REVIEWS_REVIEW.SHOP_ID, shopId)
                .set(REVIEWS_REVIEW.PRODUCT_ID, productId)
                .set(REVIEWS_REVIEW.VARIANT_ID, variantId)
                .set(REVIEWS_REVIEW.ORDER_ID, orderId)
                .set(REVIEWS_REVIEW.CUSTOMER_ID, customerId)
                .set(content(input, verified, status, now))
                .set(REVIEWS_REVIEW.INCENTIVIZED, false)
                .set(REVIEWS_REVIEW.HELPFUL_VOTES, 0)
                .set(REVIEWS_REVIEW.CREATED_AT, utc(now))
                .execute();
        return db.lastID().longValueExact();
    }

    /** Replaces the content of a review; it goes through moderation again with {@code status}. */
    void replace(long id, ReviewInput input, boolean verified, String status, Instant now) {
        db.update(REVIEWS_REVIEW).set(content(input, verified, status, now))
                .where(shop().and(REVIEWS_REVIEW.ID.eq(id)))
                .execute();
    }

    /** What the author wrote, and the state it puts the review in. */
    private static Map<Field<?>, Object> content(ReviewInput input, boolean verified, String status, Instant now) {
        Map<Field<?>, Object> content = new HashMap<>();
        content.put(REVIEWS_REVIEW.AUTHOR_NAME, input.authorName());
        content.put(REVIEWS_REVIEW.RATING, input.rating());
        content.put(REVIEWS_REVIEW.TITLE, input.title());
        content.put(REVIEWS_REVIEW.BODY, input.text());
        content.put(REVIEWS_REVIEW.PHOTO_URLS, String.join("\n", input.photoUrls()));
        content.put(REVIEWS_REVIEW.VERIFIED, verified);
        content.put(REVIEWS_REVIEW.STATUS, status);
        content.put(REVIEWS_REVIEW.UPDATED_AT, utc(now));
        return content;
    }

    void status(long id, String status, Instant now) {
        db.update(REVIEWS_REVIEW).set(REVIEWS_REVIEW.STATUS, status).set(REVIEWS_REVIEW.UPDATED_AT, utc(now))
                .where(shop().and(REVIEWS_REVIEW.ID.eq(id))).execute();
    }

    void reply(long id, String text, Instant now) {
        db.update(REVIEWS_REVIEW).set(REVIEWS_REVIEW.REPLY, text).set(REVIEWS_REVIEW.REPLIED_AT, utc(now))
                .where(shop().and(REVIEWS_REVIEW.ID.eq(id))).execute();
    }

    void incentivized(long id) {
        db.update(REVIEWS_REVIEW).set(REVIEWS_REVIEW.INCENTIVIZED, true)
                .where(shop().and(REVIEWS_REVIEW.ID.eq(id))).execute();
    }

    /** Records a vote; false when the customer voted on this review before. */
    boolean vote(long reviewId, String customerId, Instant now) {
        boolean voted = db.fetchExists(REVIEWS_VOTE, REVIEWS_VOTE.SHOP_ID.eq(shopId)
                .and(REVIEWS_VOTE.REVIEW_ID.eq(reviewId)).and(REVIEWS_VOTE.CUSTOMER_ID.eq(customerId)));
        if (voted) {
            return false;
        }
        // a concurrent double click hits the primary key: the transaction runs again and finds the vote
        db.insertInto(REVIEWS_VOTE).set(REVIEWS_VOTE.SHOP_ID, shopId).set(REVIEWS_VOTE.REVIEW_ID, reviewId)
                .set(REVIEWS_VOTE.CUSTOMER_ID, customerId).set(REVIEWS_VOTE.CREATED_AT, utc(now)).execute();
        db.update(REVIEWS_REVIEW).set(REVIEWS_REVIEW.HELPFUL_VOTES, REVIEWS_REVIEW.HELPFUL_VOTES.plus(1))
                .where(shop().and(REVIEWS_REVIEW.ID.eq(reviewId))).execute();
        return true;
    }

    /** A page of a product's approved reviews, newest first: one statement whatever the page size. */
    List<Review> approved(String productId, long beforeId, int limit) {
        return db.selectFrom(REVIEWS_REVIEW)
                .where(shop().and(REVIEWS_REVIEW.PRODUCT_ID.eq(productId)).and(REVIEWS_REVIEW.STATUS.eq(APPROVED))
                        .and(REVIEWS_REVIEW.ID.lt(beforeId)))
                .orderBy(REVIEWS_REVIEW.ID.desc()).limit(limit).fetch(ReviewStore::review);
    }

    /** A page of the moderation queue, oldest first. */
    List<Review> withStatus(String status, long afterId, int limit) {
        return db.selectFrom(REVIEWS_REVIEW)
                .where(shop().and(REVIEWS_REVIEW.STATUS.eq(status)).and(REVIEWS_REVIEW.ID.gt(afterId)))
                .orderBy(REVIEWS_REVIEW.ID).limit(limit).fetch(ReviewStore::review);
    }

    /** Approved reviews per product and star, for the rating summaries of many products in one statement. */
    Map<String, int[]> starCounts(Collection<String> productIds) {
        Map<String, int[]> counts = new HashMap<>();
        db.select(REVIEWS_REVIEW.PRODUCT_ID, REVIEWS_REVIEW.RATING, DSL.count()).from(REVIEWS_REVIEW)
                .where(shop().and(REVIEWS_REVIEW.PRODUCT_ID.in(productIds)).and(REVIEWS_REVIEW.STATUS.eq(APPROVED)))
                .groupBy(REVIEWS_REVIEW.PRODUCT_ID, REVIEWS_REVIEW.RATING)
                .forEach(row -> counts.computeIfAbsent(row.value1(), p -> new int[5])[row.value2() - 1] = row.value3());
        return counts;
    }

    List<Review> ofCustomer(String customerId) {
        return db.selectFrom(REVIEWS_REVIEW).where(shop().and(REVIEWS_REVIEW.CUSTOMER_ID.eq(customerId)))
                .orderBy(REVIEWS_REVIEW.ID).fetch(ReviewStore::review);
    }

    List<Long> votesOf(String customerId) {
        return db.select(REVIEWS_VOTE.REVIEW_ID).from(REVIEWS_VOTE)
                .where(REVIEWS_VOTE.SHOP_ID.eq(shopId).and(REVIEWS_VOTE.CUSTOMER_ID.eq(customerId)))
                .fetch(REVIEWS_VOTE.REVIEW_ID);
    }

    /** Erasure: the customer's votes go (the counts stay); reviews lose name and id, or go altogether. */
    void erase(String customerId, boolean anonymise) {
        db.deleteFrom(REVIEWS_VOTE)
                .where(REVIEWS_VOTE.SHOP_ID.eq(shopId).and(REVIEWS_VOTE.CUSTOMER_ID.eq(customerId))).execute();
        if (anonymise) {
            db.update(REVIEWS_REVIEW).setNull(REVIEWS_REVIEW.CUSTOMER_ID).setNull(REVIEWS_REVIEW.AUTHOR_NAME)
                    .setNull(REVIEWS_REVIEW.ORDER_ID)
                    .where(shop().and(REVIEWS_REVIEW.CUSTOMER_ID.eq(customerId))).execute();
        } else {
            db.deleteFrom(REVIEWS_VOTE).where(REVIEWS_VOTE.SHOP_ID.eq(shopId).and(REVIEWS_VOTE.REVIEW_ID.in(
                    DSL.select(REVIEWS_REVIEW.ID).from(REVIEWS_REVIEW)
                            .where(shop().and(REVIEWS_REVIEW.CUSTOMER_ID.eq(customerId)))))).execute();
            db.deleteFrom(REVIEWS_REVIEW).where(shop().and(REVIEWS_REVIEW.CUSTOMER_ID.eq(customerId))).execute();
        }
    }

    /** Average rating and count of approved reviews per product, best-reviewed first (operator report). */
    List<Map<String, Object>> ratingsPerProduct(int limit) {
        return db.select(REVIEWS_REVIEW.PRODUCT_ID, DSL.avg(REVIEWS_REVIEW.RATING), DSL.count()).from(REVIEWS_REVIEW)
                .where(shop().and(REVIEWS_REVIEW.STATUS.eq(APPROVED)))
                .groupBy(REVIEWS_REVIEW.PRODUCT_ID).orderBy(DSL.count().desc(), REVIEWS_REVIEW.PRODUCT_ID)
                .limit(limit)
                .fetch(row -> Map.<String, Object>of("productId", row.value1(),
                        "averageRating", row.value2().doubleValue(), "reviews", row.value3()));
    }

    static Review review(ReviewsReviewRecord row) {
        List<String> photos = row.getPhotoUrls().isEmpty() ? List.of() : Arrays.asList(row.getPhotoUrls().split("\n"));
        Review.ShopReply reply = row.getReply() == null ? null
                : new Review.ShopReply(row.getReply(), instant(row.getRepliedAt()));
        return new Review(row.getId(), row.getProductId(), row.getVariantId(), row.getOrderId(), row.getCustomerId(),
                row.getAuthorName(), row.getRating(), row.getTitle(), row.getBody(), photos, row.getStatus(),
                row.getVerified(), row.getIncentivized(), row.getHelpfulVotes(), reply, instant(row.getCreatedAt()),
                instant(row.getUpdatedAt()));
    }

    static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant instant(LocalDateTime time) {
        return time == null ? null : time.toInstant(ZoneOffset.UTC);
    }
}
