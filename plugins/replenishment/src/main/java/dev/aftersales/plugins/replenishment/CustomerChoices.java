package dev.aftersales.plugins.replenishment;

import dev.aftersales.api.FeatureContext;
import dev.aftersales.api.graphql.UserError;
import dev.aftersales.plugins.replenishment.jooq.tables.records.ReplenishmentItemRecord;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What a customer may change about one of their consumables, from the storefront or a mail's link: snooze, skip the
 * next reminder, set an own interval, stop (or resume). Each change locks the row, applies, retimes it and stores it
 * in one transaction; bad input is a user error and changes nothing.
 */
final class CustomerChoices {

    static final int MAX_SNOOZE_DAYS = 90;
    static final int MIN_INTERVAL_DAYS = 1;
    static final int MAX_INTERVAL_DAYS = 365;

    private CustomerChoices() {
    }

    /** The changed row, or why nothing changed. */
    record Outcome(ReplenishmentItemRecord item, UserError error) {
    }

    /** No reminder before {@code days} from now; a reminder already sent in this cycle comes again after that. */
    static Outcome snooze(FeatureContext shop, String customerId, String variantId, int days) {
        if (days < 1 || days > MAX_SNOOZE_DAYS) {
            return invalid("days", "Snooze for 1 to " + MAX_SNOOZE_DAYS + " days");
        }
        return change(shop, customerId, variantId, item -> {
            item.setSnoozedUntil(Items.utc(shop.clock().instant().plus(Duration.ofDays(days))));
            item.setReminderId(null);
        });
    }

    /** Leaves out the next reminder: the item is due one cycle later. */
    static Outcome skip(FeatureContext shop, String customerId, String variantId) {
        return change(shop, customerId, variantId, item -> {
            item.setSkipped(item.getSkipped() + 1);
            item.setSnoozedUntil(null);
            item.setReminderId(null);
        });
    }

    /** The customer's own days between purchases (1–365), or null to go back to the learned or operator's timing. */
    static Outcome interval(FeatureContext shop, String customerId, String variantId, Integer days) {
        if (days != null && (days < MIN_INTERVAL_DAYS || days > MAX_INTERVAL_DAYS)) {
            return invalid("intervalDays", "An interval is " + MIN_INTERVAL_DAYS + " to " + MAX_INTERVAL_DAYS + " days");
        }
        return change(shop, customerId, variantId, item -> item.setCustomDays(days));
    }

    /** No more reminders for this variant ({@code stopped} false: reminders again). */
    static Outcome stop(FeatureContext shop, String customerId, String variantId, boolean stopped) {
        return change(shop, customerId, variantId, item -> item.setStopped(stopped));
    }

    private static Outcome change(FeatureContext shop, String customerId, String variantId,
                                  Consumer<ReplenishmentItemRecord> change) {
        ReplenishmentSettings settings = ReplenishmentSettings.of(shop.settings());
        return shop.inTransaction(tx -> {
            Items items = Items.in(tx.dsl(), shop);
            Optional<ReplenishmentItemRecord> found = items.itemForUpdate(customerId, variantId)
                    .filter(CustomerChoices::isConsumable);
            if (found.isEmpty()) {
                return new Outcome(null, UserError.of("NOT_FOUND",
                        "You have no replenishment reminder for this variant", "input", "variantId"));
            }
            ReplenishmentItemRecord item = found.get();
            change.accept(item);
            item.setUpdatedAt(Items.utc(shop.clock().instant()));
            ItemTiming.retime(items, item, settings);
            items.store(item);
            return new Outcome(item, null);
        });
    }

    /** Whether the row is a consumable the customer sees (usage days known, last purchase not returned). */
    static boolean isConsumable(ReplenishmentItemRecord item) {
        return !Timing.Rule.NONE.name().equals(item.getRuleName()) && item.getUnits() > 0;
    }

    private static Outcome invalid(String field, String message) {
        return new Outcome(null, UserError.of("INVALID", message, "input", field));
    }
}
