package dev.aftersales.api.platform;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A single-use coupon to issue: a fixed amount ({@code currency} set) or a percentage off, valid until
 * {@code expiresAt}, for one customer (or anyone with the code when {@code customerId} is null).
 *
 * @param reason why it is issued (e.g. {@code referral:abc}); connectors send it as a note where the platform can
 *               keep one, and use it as an idempotency key so a retry does not issue two coupons
 */
public record CouponRequest(String customerId, Kind kind, BigDecimal value, String currency, Instant expiresAt,
                            String reason) {

    public enum Kind {
        FIXED_AMOUNT, PERCENTAGE,
        /** Free shipping for one order; {@code value} is 0 and {@code currency} null. Since plugin API 1.1. */
        FREE_SHIPPING
    }
}
