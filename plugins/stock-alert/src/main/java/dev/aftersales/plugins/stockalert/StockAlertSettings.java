package dev.aftersales.plugins.stockalert;

import dev.aftersales.api.settings.Settings;
import dev.aftersales.api.settings.SettingsSpec;
import java.time.Duration;

/**
 * The operator's settings of the stock alert feature for one shop, read once per operation. The host validates values
 * against {@link #SPEC} and applies its defaults.
 *
 * @param threshold       stock a variant must reach (from below) for alerts to go out
 * @param batchMultiplier subscribers alerted per unit in stock, per batch: a restock of 5 with 3 mails 15
 * @param maxBatchSize    the most subscribers one batch alerts, whatever the stock
 * @param batchInterval   time between two batches of one restock
 * @param triggerDelay    time between a restock and its first batch; a drop in between cancels it (flapping stock)
 * @param expiry          how long a subscription waits for a restock
 */
record StockAlertSettings(int threshold, int batchMultiplier, int maxBatchSize, Duration batchInterval,
                          Duration triggerDelay, Duration expiry) {

    static final String THRESHOLD = "stockThreshold";
    static final String BATCH_MULTIPLIER = "batchMultiplier";
    static final String MAX_BATCH_SIZE = "maxBatchSize";
    static final String BATCH_INTERVAL_MINUTES = "batchIntervalMinutes";
    static final String TRIGGER_DELAY_MINUTES = "triggerDelayMinutes";
    static final String EXPIRY_DAYS = "expiryDays";

    static final SettingsSpec SPEC = SettingsSpec.builder()
            .integer(THRESHOLD, 1, 1, 100_000, "Stock a variant must reach for back-in-stock alerts to go out")
            .integer(BATCH_MULTIPLIER, 3, 1, 100,
                    "Subscribers alerted per unit in stock in one batch (a restock of 5 with 3 alerts 15 at a time)")
            .integer(MAX_BATCH_SIZE, 500, 1, 10_000, "The most subscribers one batch alerts, whatever the stock")
            .integer(BATCH_INTERVAL_MINUTES, 30, 1, 1440,
                    "Minutes between two batches of one restock (the next batch goes out only if still in stock)")
            .integer(TRIGGER_DELAY_MINUTES, 5, 0, 1440,
                    "Minutes a restock must last before the first batch; a drop in between cancels it")
            .integer(EXPIRY_DAYS, 90, 1, 730, "Days a subscription waits for a restock before it expires")
            .build();

    static StockAlertSettings of(Settings settings) {
        return new StockAlertSettings(
                settings.integer(THRESHOLD),
                settings.integer(BATCH_MULTIPLIER),
                settings.integer(MAX_BATCH_SIZE),
                Duration.ofMinutes(settings.integer(BATCH_INTERVAL_MINUTES)),
                Duration.ofMinutes(settings.integer(TRIGGER_DELAY_MINUTES)),
                Duration.ofDays(settings.integer(EXPIRY_DAYS)));
    }

    /** How many subscribers the next batch alerts when {@code stock} units are available. */
    int batchSize(int stock) {
        if (stock <= 0) {
            return 0;
        }
        return (int) Math.min((long) stock * batchMultiplier, maxBatchSize);
    }

    /** Whether alerts may go out for a variant with this stock. */
    boolean reached(int stock) {
        return stock >= threshold;
    }
}
