package dev.aftersales.plugins.reorder;

import dev.aftersales.api.FeatureContext;
import dev.aftersales.api.graphql.UserError;
import dev.aftersales.api.platform.Cart;
import dev.aftersales.api.platform.CartLine;
import dev.aftersales.api.platform.PlatformException;
import java.util.List;

/**
 * Asks the shop platform for a cart and turns its failure into the user error the mutations return. Call it outside
 * any transaction (the feature has none): it waits for the network, bounded by the connector's timeouts.
 */
final class PlatformCarts {

    private PlatformCarts() {
    }

    /** A cart the platform made, or why it made none. */
    sealed interface Outcome {
        record Made(Cart cart) implements Outcome {
        }

        record Failed(UserError error) implements Outcome {
        }
    }

    /**
     * Any {@link PlatformException} — down, slow, refused, or no connector enabled — is {@code PLATFORM_UNAVAILABLE}
     * with its message: the platform changed nothing, and the client may try again.
     */
    static Outcome create(FeatureContext shop, String customerId, List<CartLine> lines) {
        try {
            return new Outcome.Made(shop.platform().createCart(customerId, lines));
        } catch (PlatformException e) {
            return new Outcome.Failed(UserErrors.of(UserErrors.PLATFORM_UNAVAILABLE, e.getMessage()));
        }
    }
}
