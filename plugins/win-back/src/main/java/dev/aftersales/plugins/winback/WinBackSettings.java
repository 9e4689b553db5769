package dev.aftersales.plugins.winback;

import dev.aftersales.api.settings.Settings;
import dev.aftersales.api.settings.SettingsSpec;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * The operator's settings for one shop.
 *
 * @param lapsedDays     a customer is lapsed after at least this many days without an order
 * @param intervalFactor ... or after this many times their own usual interval between orders, whichever is longer
 * @param offerDelay     time between the reminder and the offer
 * @param couponPercent  the offer's discount in percent
 * @param couponValidity how long the offer's coupon is valid
 * @param cooldown       no new sequence for a customer within this time after the last one started
 */
record WinBackSettings(int lapsedDays, BigDecimal intervalFactor, Duration offerDelay, int couponPercent,
                       Duration couponValidity, Duration cooldown) {

    static final String LAPSED_DAYS = "lapsedDays";
    static final String INTERVAL_FACTOR = "intervalFactor";
    static final String OFFER_DELAY_DAYS = "offerDelayDays";
    static final String COUPON_PERCENT = "couponPercent";
    static final String COUPON_VALIDITY_DAYS = "couponValidityDays";
    static final String COOLDOWN_DAYS = "cooldownDays";

    static final SettingsSpec SPEC = SettingsSpec.builder()
            .integer(LAPSED_DAYS, 120, 7, 1095, "Days without an order after which a customer counts as lapsed at least")
            .decimal(INTERVAL_FACTOR, new BigDecimal("3"), BigDecimal.ONE, new BigDecimal("20"),
                    "A customer with several orders is lapsed only after this many times their usual interval "
                            + "between orders, when that is longer than lapsedDays")
            .integer(OFFER_DELAY_DAYS, 7, 1, 90, "Days between the reminder and the offer with the personal coupon")
            .integer(COUPON_PERCENT, 10, 1, 90, "Discount of the offer's coupon in percent")
            .integer(COUPON_VALIDITY_DAYS, 14, 1, 365, "Days the offer's coupon is valid; the sequence ends then")
            .integer(COOLDOWN_DAYS, 180, 30, 1095, "Days after a sequence started before the same customer can get another")
            .build();

    static WinBackSettings of(Settings settings) {
        return new WinBackSettings(settings.integer(LAPSED_DAYS), settings.decimal(INTERVAL_FACTOR),
                Duration.ofDays(settings.integer(OFFER_DELAY_DAYS)), settings.integer(COUPON_PERCENT),
                Duration.ofDays(settings.integer(COUPON_VALIDITY_DAYS)), Duration.ofDays(settings.integer(COOLDOWN_DAYS)));
    }
}
