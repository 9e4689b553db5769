package dev.aftersales.api;

import java.time.Instant;
import java.util.Optional;

/**
 * Signs and verifies tokens for links a customer may share or click. A token binds a purpose (e.g.
 * {@code wishlist-share}), a subject (e.g. a list id) and the shop; it cannot be forged or moved to another shop.
 *
 * <pre>{@code
 * String token = shop.links().sign("wishlist-share", listId, null);
 * Optional<String> listId = shop.links().verify("wishlist-share", token);
 * }</pre>
 *
 * Revocation is the feature's business: store something in the subject (e.g. a share version) that a revoke changes.
 */
public interface Links {

    /** A URL-safe token for {@code subject}; {@code expiresAt} may be null for a token that does not expire. */
    String sign(String purpose, String subject, Instant expiresAt);

    /** The subject of a valid token for this purpose and shop, or empty for a forged, foreign or expired one. */
    Optional<String> verify(String purpose, String token);

    /**
     * The absolute URL of the feature's link {@code link} (registered with {@link Wiring#link}) for {@code subject},
     * served by the host at {@code /l/{shopId}/{token}}: signed for this shop, feature and link, valid until
     * {@code expiresAt} (null: no expiry). The handler receives {@code customerId} (may be null) and answers in their
     * language. Since plugin API 1.1.
     *
     * <pre>{@code
     * String buyAgain = shop.links().url("buy-again", customerId, reminderId, now.plus(Duration.ofDays(14)));
     * }</pre>
     */
    default String url(String link, String customerId, String subject, Instant expiresAt) {
        throw new UnsupportedOperationException("This host serves no feature links");
    }
}
