package dev.aftersales.plugins.replenishment;

import dev.aftersales.api.settings.Settings;
import dev.aftersales.api.settings.SettingsSpec;
import java.time.Duration;

/**
 * The operator's settings of replenishment reminders for one shop (usage days per product or variant have their own
 * operator API).
 *
 * @param leadDays        a reminder goes out this many days before the run-out date
 * @param minRepeatBuyers customers with at least three purchases of a variant needed before the shop-wide median
 *                        interval replaces the operator's usage days
 * @param maxUnits        the most units of one order line counted towards its run-out date (absurd quantities)
 * @param linkValidity    how long the links of a reminder mail work
 */
record ReplenishmentSettings(int leadDays, int minRepeatBuyers, int maxUnits, Duration linkValidity) {

    static final String LEAD_DAYS = "leadDays";
    static final String MIN_REPEAT_BUYERS = "minRepeatBuyers";
    static final String MAX_UNITS = "maxUnits";
    static final String LINK_VALIDITY_DAYS = "linkValidityDays";

    static final SettingsSpec SPEC = SettingsSpec.builder()
            .integer(LEAD_DAYS, 5, 0, 60, "Days before the run-out date the reminder goes out")
            .integer(MIN_REPEAT_BUYERS, 20, 1, 100_000, "Customers with 3 or more purchases of a variant needed "
                    + "before the shop-wide median interval replaces the operator's usage days")
            .integer(MAX_UNITS, 12, 1, 1000, "Most units of one order line counted for its run-out date")
            .integer(LINK_VALIDITY_DAYS, 14, 1, 90, "Days the buy-again and manage links of a reminder work")
            .build();

    static ReplenishmentSettings of(Settings settings) {
        return new ReplenishmentSettings(settings.integer(LEAD_DAYS), settings.integer(MIN_REPEAT_BUYERS),
                settings.integer(MAX_UNITS), Duration.ofDays(settings.integer(LINK_VALIDITY_DAYS)));
    }
}
