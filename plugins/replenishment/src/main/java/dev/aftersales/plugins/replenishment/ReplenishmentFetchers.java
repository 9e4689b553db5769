package dev.aftersales.plugins.replenishment;

import dev.aftersales.api.FeatureContext;
import dev.aftersales.api.Wiring;
import dev.aftersales.api.catalog.Catalog;
import dev.aftersales.api.graphql.FieldCall;
import dev.aftersales.plugins.replenishment.jooq.tables.records.ReplenishmentItemRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The storefront: {@code Customer.replenishment} and the customer's mutations. */
final class ReplenishmentFetchers {

    private static final int MAX_ITEMS = 100;

    /** {@code ReplenishmentItem}. */
    public record ItemView(String variantId, Instant dueAt, Instant remindAt, String rule, Double daysPerUnit,
                           Integer intervalDays, Instant lastPurchasedAt, int units, Instant snoozedUntil,
                           boolean stopped) {

        static ItemView of(ReplenishmentItemRecord item, int leadDays) {
            Instant dueAt = Items.instant(item.getRunOutAt());
            Instant snoozed = Items.instant(item.getSnoozedUntil());
            Instant remindAt = null;
            if (item.getDueAt() != null) {
                remindAt = dueAt.minus(Duration.ofDays(leadDays));
                remindAt = snoozed != null && snoozed.isAfter(remindAt) ? snoozed : remindAt;
            }
            return new ItemView(item.getVariantId(), dueAt, remindAt, item.getRuleName(),
                    item.getUnitDays() == null ? null : item.getUnitDays().doubleValue(), item.getCustomDays(),
                    Items.instant(item.getLastPurchaseAt()), item.getUnits(), snoozed, item.getStopped());
        }
    }

    void register(Wiring wiring) {
        wiring.field("Customer", "replenishment", call -> Map.of("customerId", call.viewer().requireCustomer()));
        wiring.field("Replenishment", "items", call -> items(call.shop(),
                (String) call.<Map<String, Object>>source().get("customerId")));
        wiring.field("ReplenishmentItem", "variant",
                call -> call.load(Catalog.VARIANT_LOADER, call.<ItemView>source().variantId()));
        wiring.mutation("replenishmentSnooze", call -> payload(call, CustomerChoices.snooze(call.shop(), customer(call),
                variantId(call), ((Number) call.input().getOrDefault("days", MailLinks.SNOOZE_DAYS)).intValue())));
        wiring.mutation("replenishmentSkip", call -> payload(call, CustomerChoices.skip(call.shop(), customer(call),
                variantId(call))));
        wiring.mutation("replenishmentIntervalSet", call -> payload(call, CustomerChoices.interval(call.shop(),
                customer(call), variantId(call), (Integer) call.input().get("intervalDays"))));
        wiring.mutation("replenishmentStop", call -> payload(call, CustomerChoices.stop(call.shop(), customer(call),
                variantId(call), !Boolean.FALSE.equals(call.input().get("stopped")))));
    }

    static List<ItemView> items(FeatureContext shop, String customerId) {
        int lead = ReplenishmentSettings.of(shop.settings()).leadDays();
        return Items.of(shop).itemsOf(customerId, MAX_ITEMS * 2).stream()
                .filter(CustomerChoices::isConsumable)
                .limit(MAX_ITEMS)
                .map(item -> ItemView.of(item, lead))
                .toList();
    }

    private static Map<String, Object> payload(FieldCall call, CustomerChoices.Outcome outcome) {
        Map<String, Object> payload = new HashMap<>();
        payload.put("item", outcome.item() == null ? null
                : ItemView.of(outcome.item(), ReplenishmentSettings.of(call.shop().settings()).leadDays()));
        payload.put("userErrors", outcome.error() == null ? List.of() : List.of(outcome.error()));
        return payload;
    }

    private static String customer(FieldCall call) {
        return call.viewer().requireCustomer();
    }

    private static String variantId(FieldCall call) {
        return (String) call.input().get("variantId");
    }
}
