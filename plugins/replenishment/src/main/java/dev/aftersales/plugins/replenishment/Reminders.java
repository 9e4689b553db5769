package dev.aftersales.plugins.replenishment;

import static dev.aftersales.plugins.replenishment.jooq.Tables.REPLENISHMENT_REMINDER;
import static dev.aftersales.plugins.replenishment.jooq.Tables.REPLENISHMENT_REMINDER_LINE;
import static dev.aftersales.plugins.replenishment.jooq.Tables.REPLENISHMENT_REORDER;

import dev.aftersales.api.FeatureContext;
import dev.aftersales.api.catalog.Money;
import dev.aftersales.plugins.replenishment.jooq.tables.records.ReplenishmentReminderLineRecord;
import dev.aftersales.plugins.replenishment.jooq.tables.records.ReplenishmentReminderRecord;
import dev.aftersales.plugins.replenishment.jooq.tables.records.ReplenishmentReorderRecord;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** SQL of reminders, their lines and the reorders they led to; always scoped to the shop. */
final class Reminders {

    /** A claim on a reminder's cart older than this was left by a failed click: the next click may try again. */
    static final Duration CLAIM_TIMEOUT = Duration.ofMinutes(2);

    private final DSLContext db;
    private final String shopId;

    private Reminders(DSLContext db, String shopId) {
        this.db = db;
        this.shopId = shopId;
    }

    static Reminders of(FeatureContext shop) {
        return new Reminders(shop.db(), shop.shopId());
    }

    static Reminders in(DSLContext tx, FeatureContext shop) {
        return new Reminders(tx, shop.shopId());
    }

    /** Inserts reminders and their lines, a few multi-row statements for many reminders. */
    void insert(List<ReplenishmentReminderRecord> reminders, List<ReplenishmentReminderLineRecord> lines) {
        if (!reminders.isEmpty()) {
            var insert = db.insertInto(REPLENISHMENT_REMINDER, REPLENISHMENT_REMINDER.SHOP_ID,
                    REPLENISHMENT_REMINDER.ID, REPLENISHMENT_REMINDER.CUSTOMER_ID, REPLENISHMENT_REMINDER.CREATED_AT);
            for (ReplenishmentReminderRecord r : reminders) {
                insert = insert.values(shopId, r.getId(), r.getCustomerId(), r.getCreatedAt());
            }
            insert.execute();
        }
        if (!lines.isEmpty()) {
            var insert = db.insertInto(REPLENISHMENT_REMINDER_LINE, REPLENISHMENT_REMINDER_LINE.SHOP_ID,
                    REPLENISHMENT_REMINDER_LINE.REMINDER_ID, REPLENISHMENT_REMINDER_LINE.VARIANT_ID,
                    REPLENISHMENT_REMINDER_LINE.QUANTITY);
            for (ReplenishmentReminderLineRecord l : lines) {
                insert = insert.values(shopId, l.getReminderId(), l.getVariantId(), l.getQuantity());
            }
            insert.execute();
        }
    }

    Optional<ReplenishmentReminderRecord> reminder(String id) {
        return Optional.ofNullable(db.selectFrom(REPLENISHMENT_REMINDER)
                .where(REPLENISHMENT_REMINDER.SHOP_ID.eq(shopId).and(REPLENISHMENT_REMINDER.ID.eq(id)))
                .fetchOne());
    }

    List<ReplenishmentReminderLineRecord> lines(String reminderId) {
        return db.selectFrom(REPLENISHMENT_REMINDER_LINE)
                .where(REPLENISHMENT_REMINDER_LINE.SHOP_ID.eq(shopId)
                        .and(REPLENISHMENT_REMINDER_LINE.REMINDER_ID.eq(reminderId)))
                .orderBy(REPLENISHMENT_REMINDER_LINE.VARIANT_ID)
                .fetch();
    }

    /**
     * Claims the right to make the reminder's cart: true for exactly one of several concurrent clicks (the update is
     * atomic), and again after a failed attempt released it or its claim timed out. Records the first click.
     */
    boolean claimCart(String reminderId, Instant now) {
        LocalDateTime at = Items.utc(now);
        return db.update(REPLENISHMENT_REMINDER)
                .set(REPLENISHMENT_REMINDER.CART_CLAIMED_AT, at)
                .set(REPLENISHMENT_REMINDER.CLICKED_AT, DSL.coalesce(REPLENISHMENT_REMINDER.CLICKED_AT, at))
                .where(REPLENISHMENT_REMINDER.SHOP_ID.eq(shopId).and(REPLENISHMENT_REMINDER.ID.eq(reminderId))
                        .and(REPLENISHMENT_REMINDER.CART_ID.isNull())
                        .and(REPLENISHMENT_REMINDER.CART_CLAIMED_AT.isNull()
                                .or(REPLENISHMENT_REMINDER.CART_CLAIMED_AT.lt(Items.utc(now.minus(CLAIM_TIMEOUT))))))
                .execute() == 1;
    }

    void releaseCart(String reminderId) {
        db.update(REPLENISHMENT_REMINDER)
                .set(REPLENISHMENT_REMINDER.CART_CLAIMED_AT, (LocalDateTime) null)
                .where(REPLENISHMENT_REMINDER.SHOP_ID.eq(shopId).and(REPLENISHMENT_REMINDER.ID.eq(reminderId)))
                .execute();
    }

    void saveCart(String reminderId, String cartId, String checkoutUrl) {
        db.update(REPLENISHMENT_REMINDER)
                .set(REPLENISHMENT_REMINDER.CART_ID, cartId)
                .set(REPLENISHMENT_REMINDER.CHECKOUT_URL, checkoutUrl)
                .where(REPLENISHMENT_REMINDER.SHOP_ID.eq(shopId).and(REPLENISHMENT_REMINDER.ID.eq(reminderId)))
                .execute();
    }

    void recordReorder(String reminderId, String orderId, String variantId, String customerId, BigDecimal amount,
                       String currency, Instant placedAt) {
        db.insertInto(REPLENISHMENT_REORDER)
                .set(REPLENISHMENT_REORDER.SHOP_ID, shopId)
                .set(REPLENISHMENT_REORDER.ORDER_ID, orderId)
                .set(REPLENISHMENT_REORDER.VARIANT_ID, variantId)
                .set(REPLENISHMENT_REORDER.REMINDER_ID, reminderId)
                .set(REPLENISHMENT_REORDER.CUSTOMER_ID, customerId)
                .set(REPLENISHMENT_REORDER.AMOUNT, amount)
                .set(REPLENISHMENT_REORDER.CURRENCY, currency)
                .set(REPLENISHMENT_REORDER.PLACED_AT, Items.utc(placedAt))
                .onDuplicateKeyIgnore()
                .execute();
    }

    /** The report over reminders created in [from, to). */
    Report report(Instant from, Instant to) {
        var created = REPLENISHMENT_REMINDER.SHOP_ID.eq(shopId)
                .and(REPLENISHMENT_REMINDER.CREATED_AT.ge(Items.utc(from)))
                .and(REPLENISHMENT_REMINDER.CREATED_AT.lt(Items.utc(to)));
        var counts = db.select(DSL.count(), DSL.count(REPLENISHMENT_REMINDER.CLICKED_AT)).from(REPLENISHMENT_REMINDER)
                .where(created).fetchOne();
        var ofPeriod = db.select(REPLENISHMENT_REMINDER.ID).from(REPLENISHMENT_REMINDER).where(created);
        var reorders = REPLENISHMENT_REORDER.SHOP_ID.eq(shopId).and(REPLENISHMENT_REORDER.REMINDER_ID.in(ofPeriod));
        int reordered = db.select(DSL.countDistinct(REPLENISHMENT_REORDER.REMINDER_ID)).from(REPLENISHMENT_REORDER)
                .where(reorders).fetchOne(0, int.class);
        List<Money> revenue = db.select(REPLENISHMENT_REORDER.CURRENCY, DSL.sum(REPLENISHMENT_REORDER.AMOUNT))
                .from(REPLENISHMENT_REORDER).where(reorders)
                .groupBy(REPLENISHMENT_REORDER.CURRENCY).orderBy(REPLENISHMENT_REORDER.CURRENCY)
                .fetch(r -> new Money(r.value2(), r.value1()));
        return new Report(counts.value1(), counts.value2(), reordered, revenue);
    }

    /** Reminders sent, how many were clicked (buy again), how many led to an order of a reminded item, its revenue. */
    record Report(int remindersSent, int clicked, int reordered, List<Money> revenue) {
    }

    List<ReplenishmentReminderRecord> remindersOf(String customerId) {
        return db.selectFrom(REPLENISHMENT_REMINDER)
                .where(REPLENISHMENT_REMINDER.SHOP_ID.eq(shopId).and(REPLENISHMENT_REMINDER.CUSTOMER_ID.eq(customerId)))
                .orderBy(REPLENISHMENT_REMINDER.CREATED_AT)
                .fetch();
    }

    List<ReplenishmentReorderRecord> reordersOf(String customerId) {
        return db.selectFrom(REPLENISHMENT_REORDER)
                .where(REPLENISHMENT_REORDER.SHOP_ID.eq(shopId).and(REPLENISHMENT_REORDER.CUSTOMER_ID.eq(customerId)))
                .orderBy(REPLENISHMENT_REORDER.PLACED_AT)
                .fetch();
    }

    void eraseCustomer(String customerId) {
        db.deleteFrom(REPLENISHMENT_REMINDER_LINE)
                .where(REPLENISHMENT_REMINDER_LINE.SHOP_ID.eq(shopId)
                        .and(REPLENISHMENT_REMINDER_LINE.REMINDER_ID.in(db.select(REPLENISHMENT_REMINDER.ID)
                                .from(REPLENISHMENT_REMINDER)
                                .where(REPLENISHMENT_REMINDER.SHOP_ID.eq(shopId)
                                        .and(REPLENISHMENT_REMINDER.CUSTOMER_ID.eq(customerId))))))
                .execute();
        db.deleteFrom(REPLENISHMENT_REMINDER)
                .where(REPLENISHMENT_REMINDER.SHOP_ID.eq(shopId).and(REPLENISHMENT_REMINDER.CUSTOMER_ID.eq(customerId)))
                .execute();
        db.deleteFrom(REPLENISHMENT_REORDER)
                .where(REPLENISHMENT_REORDER.SHOP_ID.eq(shopId).and(REPLENISHMENT_REORDER.CUSTOMER_ID.eq(customerId)))
                .execute();
    }
}
