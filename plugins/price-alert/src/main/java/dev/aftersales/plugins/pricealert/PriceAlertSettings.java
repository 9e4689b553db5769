package dev.aftersales.plugins.pricealert;

import dev.aftersales.api.settings.Settings;
import dev.aftersales.api.settings.SettingsSpec;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * The operator's settings of the price-alert feature for one shop. The host validates values against {@link #SPEC}
 * and applies its defaults.
 *
 * @param minDropPercent how far (in percent of the reference) a price must fall to alert: below it is jitter
 * @param alertExpiry    how long a queued alert may wait (quiet hours, caps) before it is stale and dropped
 */
record PriceAlertSettings(BigDecimal minDropPercent, Duration alertExpiry) {

    static final String MIN_DROP_PERCENT = "minDropPercent";
    static final String ALERT_EXPIRY_HOURS = "alertExpiryHours";

    static final SettingsSpec SPEC = SettingsSpec.builder()
            .decimal(MIN_DROP_PERCENT, new BigDecimal("3"), BigDecimal.ZERO, new BigDecimal("90"),
                    "How far, in percent, a price must fall below the reference (the price at subscription or of the"
                            + " last alert) to alert; smaller changes are jitter")
            .integer(ALERT_EXPIRY_HOURS, 48, 1, 720,
                    "Hours a queued price-drop alert may wait (quiet hours, frequency cap) before it is dropped")
            .build();

    static PriceAlertSettings of(Settings settings) {
        return new PriceAlertSettings(settings.decimal(MIN_DROP_PERCENT),
                Duration.ofHours(settings.integer(ALERT_EXPIRY_HOURS)));
    }
}
