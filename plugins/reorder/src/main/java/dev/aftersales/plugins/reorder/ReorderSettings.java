package dev.aftersales.plugins.reorder;

import dev.aftersales.api.settings.Settings;
import dev.aftersales.api.settings.SettingsSpec;
import java.time.Duration;

/**
 * The operator's settings of the reorder feature for one shop, read once per operation. The host validates values
 * against {@link #SPEC} and applies its defaults.
 *
 * @param historyOrders how many of the customer's latest orders "buy again" reads. 50 by default: a few years of a
 *                      regular customer, and an upper bound (250) keeps the in-memory ranking cheap — it is read,
 *                      ranked and paged per request, as nothing is stored
 * @param halfLife      after how long a purchase weighs half as much in the "buy again" score
 */
record ReorderSettings(int historyOrders, Duration halfLife) {

    static final String HISTORY_ORDERS = "buyAgainHistoryOrders";
    static final String HALF_LIFE_DAYS = "buyAgainHalfLifeDays";

    static final SettingsSpec SPEC = SettingsSpec.builder()
            .integer(HISTORY_ORDERS, 50, 1, 250, "How many of a customer's latest orders \"buy again\" reads")
            .integer(HALF_LIFE_DAYS, 90, 1, 3650,
                    "Days after which a purchase counts half as much in the \"buy again\" ranking")
            .build();

    static ReorderSettings of(Settings settings) {
        return new ReorderSettings(settings.integer(HISTORY_ORDERS),
                Duration.ofDays(settings.integer(HALF_LIFE_DAYS)));
    }
}
