package dev.aftersales.plugins.reorder;

import dev.aftersales.api.graphql.UserError;
import dev.aftersales.api.platform.Cart;
import java.util.List;

/**
 * The payloads of the reorder mutations, as the schema fragment declares them. The cart is the platform's answer
 * ({@code ReorderCart}); it is null whenever there are user errors that stopped the cart. Public because the host
 * reads their components by reflection.
 */
public final class Payloads {

    private Payloads() {
    }

    /** {@code OrderReorderPayload}: {@code lines} is null only when the order was not found. */
    public record OrderReorderPayload(Cart cart, List<ReorderLine> lines, List<UserError> userErrors) {

        static OrderReorderPayload notFound() {
            return new OrderReorderPayload(null, null, List.of(UserErrors.of(UserErrors.NOT_FOUND,
                    "No such order", "input", "orderId")));
        }
    }

    /** {@code BuyAgainAddPayload}: per-line errors may come with a cart (the other lines went in). */
    public record BuyAgainAddPayload(Cart cart, List<UserError> userErrors) {
    }
}
