package dev.aftersales.plugins.replenishment;

import dev.aftersales.api.FeatureContext;
import dev.aftersales.api.catalog.Variant;
import dev.aftersales.api.notify.Category;
import dev.aftersales.api.notify.Notification;
import dev.aftersales.api.notify.Recipient;
import dev.aftersales.plugins.replenishment.jooq.tables.records.ReplenishmentItemRecord;
import dev.aftersales.plugins.replenishment.jooq.tables.records.ReplenishmentReminderLineRecord;
import dev.aftersales.plugins.replenishment.jooq.tables.records.ReplenishmentReminderRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The daily reminder run, at {@link #SEND_TIME} in the shop's time zone: every item whose run-out date lies within
 * {@code leadDays} and that is not snoozed gets into one reminder mail per customer that lists all of that customer's
 * due items, through the notifier (category {@code REMINDER}: consent, caps and quiet hours apply). It reads only the
 * due index ({@code shop_id, due_at}), never the order history; each customer's items are locked, marked as reminded
 * and the mail is queued in one transaction, so a second run (or a second instance) sends nothing twice.
 */
final class DueScan {

    static final String JOB = "send-reminders";
    static final LocalTime SEND_TIME = LocalTime.of(9, 0);
    static final String TEMPLATE = "replenishment-reminder";
    /** Customers per transaction; the scan repeats until nothing is due. */
    private static final int CUSTOMERS_PER_BATCH = 500;
    /** A mail delayed longer than this by caps or quiet hours is dropped rather than sent late. */
    private static final Duration MAIL_EXPIRY = Duration.ofDays(7);

    /** Runs the scan; returns how many reminders it queued. */
    int run(FeatureContext shop) {
        ReplenishmentSettings settings = ReplenishmentSettings.of(shop.settings());
        Instant now = shop.clock().instant();
        Instant horizon = now.plus(Duration.ofDays(settings.leadDays()));
        int sent = 0;
        List<String> customers = Items.of(shop).dueCustomers(horizon, now, CUSTOMERS_PER_BATCH);
        while (!customers.isEmpty()) {
            sent += send(shop, customers, horizon, now, settings);
            customers = Items.of(shop).dueCustomers(horizon, now, CUSTOMERS_PER_BATCH);
        }
        return sent;
    }

    private int send(FeatureContext shop, List<String> customers, Instant horizon, Instant now,
                     ReplenishmentSettings settings) {
        ZoneId zone = shop.shop().timeZone();
        Instant linksExpire = now.plus(settings.linkValidity());
        return shop.inTransaction(tx -> {
            Items items = Items.in(tx.dsl(), shop);
            Map<String, List<ReplenishmentItemRecord>> byCustomer = new LinkedHashMap<>();
            for (ReplenishmentItemRecord item : items.dueItemsForUpdate(customers, horizon, now)) {
                byCustomer.computeIfAbsent(item.getCustomerId(), c -> new ArrayList<>()).add(item);
            }
            Map<String, Variant> variants = shop.catalog().variants(byCustomer.values().stream()
                    .flatMap(List::stream).map(ReplenishmentItemRecord::getVariantId).distinct().toList());
            List<ReplenishmentReminderRecord> reminders = new ArrayList<>();
            List<ReplenishmentReminderLineRecord> lines = new ArrayList<>();
            List<Notification> mails = new ArrayList<>();
            Map<String, String> reminderByCustomer = new HashMap<>();
            byCustomer.forEach((customerId, due) -> {
                String reminderId = UUID.randomUUID().toString();
                List<Map<String, Object>> listed = new ArrayList<>();
                for (ReplenishmentItemRecord item : due) {
                    Variant variant = variants.get(item.getVariantId());
                    if (variant == null) {
                        continue; // gone from the shop: nothing to offer, the row is still marked below
                    }
                    int quantity = Math.max(item.getUnits(), 1);
                    lines.add(new ReplenishmentReminderLineRecord(shop.shopId(), reminderId, item.getVariantId(),
                            quantity));
                    listed.add(line(shop, variant, item, quantity, zone, linksExpire));
                }
                reminderByCustomer.put(customerId, listed.isEmpty() ? null : reminderId);
                if (listed.isEmpty()) {
                    return;
                }
                reminders.add(new ReplenishmentReminderRecord(shop.shopId(), reminderId, customerId,
                        Items.utc(now), null, null, null, null));
                mails.add(Notification.to(Recipient.customer(customerId))
                        .template(TEMPLATE)
                        .category(Category.REMINDER)
                        .data(Map.of("items", listed, "count", listed.size(),
                                "buyAgainUrl", shop.links().url(MailLinks.BUY_AGAIN, customerId, reminderId, linksExpire)))
                        .dedupeKey("replenishment:reminder:" + reminderId)
                        .expiresAt(now.plus(MAIL_EXPIRY))
                        .build());
            });
            if (!reminderByCustomer.isEmpty()) {
                items.markReminded(reminderByCustomer, horizon, now);
            }
            Reminders.in(tx.dsl(), shop).insert(reminders, lines);
            shop.notifier().enqueueAll(mails);
            return mails.size();
        });
    }

    /** One due item as the template shows it; money and dates stay unformatted (the template writes them). */
    private static Map<String, Object> line(FeatureContext shop, Variant variant, ReplenishmentItemRecord item,
                                            int quantity, ZoneId zone, Instant linksExpire) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("productName", variant.productName());
        line.put("variantName", variant.name());
        line.put("quantity", quantity);
        line.put("price", variant.price());
        line.put("runsOutOn", LocalDate.ofInstant(Items.instant(item.getRunOutAt()), zone).toString());
        if (variant.url() != null) {
            line.put("url", variant.url());
        }
        String customerId = item.getCustomerId();
        for (String action : List.of(MailLinks.SNOOZE, MailLinks.SKIP, MailLinks.STOP)) {
            line.put(action + "Url", shop.links().url(action, customerId, item.getVariantId(), linksExpire));
        }
        return line;
    }
}
