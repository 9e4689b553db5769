package dev.aftersales.api.platform;

/** A variant and how many of it, in a cart request or answer. */
public record CartLine(String variantId, int quantity) {

    public CartLine {
        if (quantity < 1) {
            throw new IllegalArgumentException("A cart line needs a quantity of at least 1");
        }
    }
}
