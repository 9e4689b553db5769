package dev.aftersales.plugins.reviews;

import dev.aftersales.api.graphql.GlobalId;
import java.time.Instant;

/**
 * An answer to a product question ({@code ProductAnswer}, {@code ModeratedAnswer}).
 *
 * @param customerId    the customer who answered; null for the shop's answers and once erased
 * @param fromShop      the shop answered
 * @param verifiedBuyer the answering customer bought the product
 * @param accepted      the asker (or the shop) marked it as the helpful answer
 * @param incentivized  the author received points for it
 */
public record Answer(long key, long questionKey, String productId, String customerId, boolean fromShop, String text,
                     String status, boolean verifiedBuyer, boolean accepted, boolean incentivized,
                     Instant createdAt) {

    static final String TYPE = "ProductAnswer";

    public String id() {
        return GlobalId.encode(TYPE, key);
    }

    public String questionId() {
        return GlobalId.encode(Question.TYPE, questionKey);
    }
}
