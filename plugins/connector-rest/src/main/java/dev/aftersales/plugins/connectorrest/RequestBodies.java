package dev.aftersales.plugins.connectorrest;

import com.grack.nanojson.JsonWriter;
import dev.aftersales.api.platform.CartLine;
import dev.aftersales.api.platform.CartRequest;
import dev.aftersales.api.platform.CouponRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The JSON bodies of the contract's POST requests and their {@code Idempotency-Key}s. Keys are made once per
 * request, before the first attempt, so every retry of it carries the same key and the platform creates at most one
 * cart or coupon.
 */
final class RequestBodies {

    private RequestBodies() {
    }

    /** {@code {"customerId": "c-1", "lines": [{"variantId": "v-1", "quantity": 2}]}}; customerId null for a guest. */
    static String cart(CartRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customerId", request.customerId());
        List<Map<String, Object>> lines = request.lines().stream().map(RequestBodies::line).toList();
        body.put("lines", lines);
        return JsonWriter.string(body);
    }

    private static Map<String, Object> line(CartLine line) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("variantId", line.variantId());
        json.put("quantity", line.quantity());
        return json;
    }

    /**
     * {@code {"customerId", "kind", "value": "10.00", "currency", "expiresAt", "reason"}}: value as a decimal string,
     * currency null for a percentage, expiresAt ISO-8601 or null for no expiry.
     */
    static String coupon(CouponRequest request) {
        Objects.requireNonNull(request.kind(), "A coupon request needs a kind");
        Objects.requireNonNull(request.value(), "A coupon request needs a value");
        if (request.kind() == CouponRequest.Kind.FIXED_AMOUNT && request.currency() == null) {
            throw new IllegalArgumentException("A fixed-amount coupon needs a currency");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customerId", request.customerId());
        body.put("kind", request.kind().name());
        body.put("value", request.value().toPlainString());
        body.put("currency", request.currency());
        body.put("expiresAt", request.expiresAt() == null ? null : request.expiresAt().toString());
        body.put("reason", request.reason());
        return JsonWriter.string(body);
    }

    /** A new key for every cart request: two requests are two carts, two attempts of one request are one. */
    static String cartKey() {
        return "cart-" + UUID.randomUUID();
    }

    /**
     * {@code coupon-} and the hex SHA-256 of {@code "<shopId>:<reason>"}: the same reason in the same shop always
     * gives the same key, so issuing a coupon again for the same reason returns the first one. Without a reason
     * every request gets a new key.
     */
    static String couponKey(String shopId, CouponRequest request) {
        if (request.reason() == null || request.reason().isBlank()) {
            return "coupon-" + UUID.randomUUID();
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((shopId + ":" + request.reason()).getBytes(StandardCharsets.UTF_8));
            return "coupon-" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
