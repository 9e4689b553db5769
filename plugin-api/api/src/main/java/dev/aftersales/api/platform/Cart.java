package dev.aftersales.api.platform;

import java.util.List;

/** A cart the platform created, with the URL the customer checks out at and the lines it accepted. */
public record Cart(String cartId, String checkoutUrl, List<CartLine> lines) {

    public Cart {
        lines = List.copyOf(lines);
    }
}
