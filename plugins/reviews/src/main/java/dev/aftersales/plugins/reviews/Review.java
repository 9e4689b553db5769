package dev.aftersales.plugins.reviews;

import dev.aftersales.api.graphql.GlobalId;
import java.time.Instant;
import java.util.List;

/**
 * A review as the storefront ({@code Review}) and the operator API ({@code ModeratedReview}) show it.
 *
 * @param key           the database id (not shown; {@code id} is the opaque global id)
 * @param customerId    the author; null once erased and anonymised
 * @param verifiedBuyer the author bought the product (order history, or the review came through an order's request)
 * @param incentivized  the author received points for it
 */
public record Review(long key, String productId, String variantId, String orderId, String customerId,
                     String authorName, int rating, String title, String text, List<String> photoUrls, String status,
                     boolean verifiedBuyer, boolean incentivized, int helpfulVotes, ShopReply shopReply,
                     Instant createdAt, Instant updatedAt) {

    static final String TYPE = "Review";

    public String id() {
        return GlobalId.encode(TYPE, key);
    }

    /** A review before and after a change, so what follows the change knows where it came from. */
    record Change(String before, Review after) {
    }

    /** The shop's public answer to a review. */
    public record ShopReply(String text, Instant repliedAt) {
    }
}
