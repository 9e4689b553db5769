package dev.aftersales.api.platform;

import java.util.List;

/**
 * What a feature may ask of the shop platform, through the shop's connector. Never call it inside a database
 * transaction: it waits for the network.
 *
 * <pre>{@code
 * try {
 *     Cart cart = shop.platform().createCart(new CartRequest(customerId, List.of(new CartLine("v-1", 2))));
 *     return Map.of("checkoutUrl", cart.checkoutUrl(), "userErrors", List.of());
 * } catch (PlatformException e) {
 *     return Map.of("userErrors", List.of(UserError.of("PLATFORM_UNAVAILABLE", e.getMessage())));
 * }
 * }</pre>
 */
public interface ShopPlatform {

    /** Creates a cart for the customer; a {@link PlatformException} when no connector is enabled or it fails. */
    Cart createCart(CartRequest request) throws PlatformException;

    /** Issues a coupon; a {@link PlatformException} when no connector is enabled or it fails. */
    Coupon issueCoupon(CouponRequest request) throws PlatformException;

    /** Whether the shop has a connector enabled. */
    boolean connected();

    /** Shorthand for a request with these lines. */
    default Cart createCart(String customerId, List<CartLine> lines) throws PlatformException {
        return createCart(new CartRequest(customerId, lines));
    }
}
