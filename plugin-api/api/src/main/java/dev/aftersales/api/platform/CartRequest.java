package dev.aftersales.api.platform;

import java.util.List;

/** A cart to create for a customer (null for a guest cart). */
public record CartRequest(String customerId, List<CartLine> lines) {

    public CartRequest {
        lines = List.copyOf(lines);
    }
}
