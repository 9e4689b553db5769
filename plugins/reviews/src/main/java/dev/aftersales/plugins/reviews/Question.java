package dev.aftersales.plugins.reviews;

import dev.aftersales.api.graphql.GlobalId;
import java.time.Instant;

/**
 * A product question ({@code ProductQuestion}, {@code ModeratedQuestion}).
 *
 * @param customerId the asker; null once erased and anonymised
 */
public record Question(long key, String productId, String customerId, String text, String status, Instant createdAt) {

    static final String TYPE = "ProductQuestion";

    public String id() {
        return GlobalId.encode(TYPE, key);
    }
}
