package dev.aftersales.api.platform;

import java.time.Instant;

/** A coupon the platform issued. */
public record Coupon(String code, Instant expiresAt) {
}
