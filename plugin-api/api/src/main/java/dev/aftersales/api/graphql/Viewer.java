package dev.aftersales.api.graphql;

import dev.aftersales.api.FeatureException;
import java.util.Optional;

/**
 * Who makes a storefront request: a signed-in customer (the {@code sub} of the shop's token) or a guest.
 *
 * <pre>{@code
 * String customerId = call.viewer().requireCustomer(); // UNAUTHENTICATED error for guests
 * }</pre>
 */
public record Viewer(Optional<String> customerId) {

    public static Viewer guest() {
        return new Viewer(Optional.empty());
    }

    public static Viewer customer(String customerId) {
        return new Viewer(Optional.of(customerId));
    }

    public boolean isGuest() {
        return customerId.isEmpty();
    }

    /** The customer id, or a {@code UNAUTHENTICATED} error for a guest. */
    public String requireCustomer() {
        return customerId.orElseThrow(() -> new FeatureException(FeatureException.ErrorCode.UNAUTHENTICATED,
                "This needs a signed-in customer: send the shop's customer token as 'Authorization: Bearer ...'"));
    }
}
