package dev.aftersales.plugins.loyalty;

import dev.aftersales.api.settings.Settings;
import dev.aftersales.api.settings.SettingsSpec;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * The operator's scalar settings of the programme for one shop (tiers and rewards have their own operator API).
 *
 * @param pointsPerUnit    points per whole currency unit of the order lines (before the tier multiplier)
 * @param signupBonus      points for a new customer (0: none)
 * @param returnWindow     how long after delivery an order's points stay pending
 * @param expiryMonths     months without activity after which available points expire (0: never)
 * @param warningDays      days before expiry the warning mail goes out
 * @param lastChanceDays   days before expiry the last-chance mail goes out
 * @param couponValidity   how long a redeemed coupon is valid
 */
record LoyaltySettings(BigDecimal pointsPerUnit, int signupBonus, Duration returnWindow, int expiryMonths,
                       int warningDays, int lastChanceDays, Duration couponValidity) {

    static final String POINTS_PER_UNIT = "pointsPerCurrencyUnit";
    static final String SIGNUP_BONUS = "signupBonus";
    static final String RETURN_WINDOW_DAYS = "returnWindowDays";
    static final String EXPIRY_MONTHS = "expiryMonths";
    static final String WARNING_DAYS = "expiryWarningDays";
    static final String LAST_CHANCE_DAYS = "expiryLastChanceDays";
    static final String COUPON_VALIDITY_DAYS = "couponValidityDays";

    static final SettingsSpec SPEC = SettingsSpec.builder()
            .decimal(POINTS_PER_UNIT, BigDecimal.ONE, new BigDecimal("0.01"), new BigDecimal("1000"),
                    "Points per whole currency unit of the order lines (shipping never counts); rounded down per order")
            .integer(SIGNUP_BONUS, 0, 0, 100_000, "Points for a new customer's account (0: none)")
            .integer(RETURN_WINDOW_DAYS, 14, 0, 365,
                    "Days after delivery an order's points stay pending; a return before that cancels them")
            .integer(EXPIRY_MONTHS, 24, 0, 120,
                    "Months without earning or spending after which available points expire (0: never)")
            .integer(WARNING_DAYS, 30, 1, 365, "Days before expiry the warning mail goes out")
            .integer(LAST_CHANCE_DAYS, 3, 1, 60, "Days before expiry the last-chance mail goes out")
            .integer(COUPON_VALIDITY_DAYS, 90, 1, 730, "Days a coupon from a redeemed reward is valid")
            .build();

    static LoyaltySettings of(Settings settings) {
        return new LoyaltySettings(settings.decimal(POINTS_PER_UNIT), settings.integer(SIGNUP_BONUS),
                Duration.ofDays(settings.integer(RETURN_WINDOW_DAYS)), settings.integer(EXPIRY_MONTHS),
                settings.integer(WARNING_DAYS), settings.integer(LAST_CHANCE_DAYS),
                Duration.ofDays(settings.integer(COUPON_VALIDITY_DAYS)));
    }
}
