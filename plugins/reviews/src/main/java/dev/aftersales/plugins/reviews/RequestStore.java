package dev.aftersales.plugins.reviews;

import static dev.aftersales.plugins.reviews.ReviewStore.utc;
import static dev.aftersales.plugins.reviews.jooq.Tables.REVIEWS_REQUEST;

import dev.aftersales.api.FeatureContext;
import dev.aftersales.plugins.reviews.jooq.tables.records.ReviewsRequestRecord;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** SQL of review requests, one per delivered order; always scoped to the shop. */
final class RequestStore {

    static final String SCHEDULED = "SCHEDULED";
    static final String SENT = "SENT";
    static final String REVIEWED = "REVIEWED";
    static final String CANCELLED = "CANCELLED";
    static final String EXPIRED = "EXPIRED";

    private final DSLContext db;
    private final String shopId;

    private RequestStore(DSLContext db, String shopId) {
        this.db = db;
        this.shopId = shopId;
    }

    static RequestStore of(FeatureContext shop) {
        return new RequestStore(shop.db(), shop.shopId());
    }

    static RequestStore in(DSLContext tx, FeatureContext shop) {
        return new RequestStore(tx, shop.shopId());
    }

    private Condition shop() {
        return REVIEWS_REQUEST.SHOP_ID.eq(shopId);
    }

    /** Schedules the request of a delivered order; a repeated delivery event changes nothing. */
    void schedule(String orderId, String customerId, Instant dueAt, Instant now) {
        db.insertInto(REVIEWS_REQUEST)
                .set(REVIEWS_REQUEST.SHOP_ID, shopId)
                .set(REVIEWS_REQUEST.ORDER_ID, orderId)
                .set(REVIEWS_REQUEST.CUSTOMER_ID, customerId)
                .set(REVIEWS_REQUEST.STATE, SCHEDULED)
                .set(REVIEWS_REQUEST.PRODUCT_IDS, "")
                .set(REVIEWS_REQUEST.DUE_AT, utc(dueAt))
                .set(REVIEWS_REQUEST.REMINDERS, 0)
                .set(REVIEWS_REQUEST.CREATED_AT, utc(now))
                .onDuplicateKeyIgnore()
                .execute();
    }

    Optional<ReviewsRequestRecord> lock(String orderId) {
        return db.selectFrom(REVIEWS_REQUEST).where(shop().and(REVIEWS_REQUEST.ORDER_ID.eq(orderId))).forUpdate()
                .fetchOptional();
    }

    Optional<ReviewsRequestRecord> find(String orderId) {
        return db.selectFrom(REVIEWS_REQUEST).where(shop().and(REVIEWS_REQUEST.ORDER_ID.eq(orderId))).fetchOptional();
    }

    /** Requests whose time has come, oldest first. */
    List<String> due(Instant now, int limit) {
        return db.select(REVIEWS_REQUEST.ORDER_ID).from(REVIEWS_REQUEST)
                .where(shop().and(REVIEWS_REQUEST.STATE.eq(SCHEDULED)).and(REVIEWS_REQUEST.DUE_AT.le(utc(now))))
                .orderBy(REVIEWS_REQUEST.DUE_AT).limit(limit).fetch(REVIEWS_REQUEST.ORDER_ID);
    }

    /** Sent requests that were opened, not answered, and whose next reminder is due. */
    List<String> remindersDue(Instant now, int limit) {
        return db.select(REVIEWS_REQUEST.ORDER_ID).from(REVIEWS_REQUEST)
                .where(shop().and(REVIEWS_REQUEST.STATE.eq(SENT)).and(REVIEWS_REQUEST.NEXT_REMINDER_AT.le(utc(now)))
                        .and(REVIEWS_REQUEST.OPENED_AT.isNotNull()))
                .orderBy(REVIEWS_REQUEST.NEXT_REMINDER_AT).limit(limit).fetch(REVIEWS_REQUEST.ORDER_ID);
    }

    void state(String orderId, String state) {
        db.update(REVIEWS_REQUEST).set(REVIEWS_REQUEST.STATE, state).setNull(REVIEWS_REQUEST.NEXT_REMINDER_AT)
                .where(shop().and(REVIEWS_REQUEST.ORDER_ID.eq(orderId))).execute();
    }

    /** Stops a request of a cancelled or returned order, unless it is over already. */
    void cancel(String orderId) {
        db.update(REVIEWS_REQUEST).set(REVIEWS_REQUEST.STATE, CANCELLED).setNull(REVIEWS_REQUEST.NEXT_REMINDER_AT)
                .where(shop().and(REVIEWS_REQUEST.ORDER_ID.eq(orderId))
                        .and(REVIEWS_REQUEST.STATE.in(SCHEDULED, SENT)))
                .execute();
    }

    void sent(String orderId, List<String> productIds, Instant now, Instant nextReminderAt) {
        db.update(REVIEWS_REQUEST)
                .set(REVIEWS_REQUEST.STATE, SENT)
                .set(REVIEWS_REQUEST.PRODUCT_IDS, String.join("\n", productIds))
                .set(REVIEWS_REQUEST.SENT_AT, utc(now))
                .set(REVIEWS_REQUEST.NEXT_REMINDER_AT, nextReminderAt == null ? null : utc(nextReminderAt))
                .where(shop().and(REVIEWS_REQUEST.ORDER_ID.eq(orderId))).execute();
    }

    void reminded(String orderId, int reminders, Instant nextReminderAt) {
        db.update(REVIEWS_REQUEST)
                .set(REVIEWS_REQUEST.REMINDERS, reminders)
                .set(REVIEWS_REQUEST.NEXT_REMINDER_AT, nextReminderAt == null ? null : utc(nextReminderAt))
                .where(shop().and(REVIEWS_REQUEST.ORDER_ID.eq(orderId))).execute();
    }

    /** The first opening of the request's link counts; later ones change nothing. */
    void opened(String orderId, Instant now) {
        db.update(REVIEWS_REQUEST).set(REVIEWS_REQUEST.OPENED_AT, utc(now))
                .where(shop().and(REVIEWS_REQUEST.ORDER_ID.eq(orderId)).and(REVIEWS_REQUEST.OPENED_AT.isNull()))
                .execute();
    }

    /** A review of the order's product was written: no reminder follows. */
    void reviewed(String orderId, Instant now) {
        db.update(REVIEWS_REQUEST).set(REVIEWS_REQUEST.STATE, REVIEWED).set(REVIEWS_REQUEST.REVIEWED_AT, utc(now))
                .setNull(REVIEWS_REQUEST.NEXT_REMINDER_AT)
                .where(shop().and(REVIEWS_REQUEST.ORDER_ID.eq(orderId)).and(REVIEWS_REQUEST.REVIEWED_AT.isNull()))
                .execute();
    }

    List<ReviewsRequestRecord> ofCustomer(String customerId) {
        return db.selectFrom(REVIEWS_REQUEST).where(shop().and(REVIEWS_REQUEST.CUSTOMER_ID.eq(customerId)))
                .orderBy(REVIEWS_REQUEST.CREATED_AT).fetch();
    }

    void erase(String customerId) {
        db.deleteFrom(REVIEWS_REQUEST).where(shop().and(REVIEWS_REQUEST.CUSTOMER_ID.eq(customerId))).execute();
    }

    /** Requests sent in {@code [from, to)}: how many, opened, reviewed (operator report). */
    int[] funnel(Instant from, Instant to) {
        var row = db.select(DSL.count(), DSL.count(REVIEWS_REQUEST.OPENED_AT), DSL.count(REVIEWS_REQUEST.REVIEWED_AT))
                .from(REVIEWS_REQUEST)
                .where(shop().and(REVIEWS_REQUEST.SENT_AT.ge(utc(from))).and(REVIEWS_REQUEST.SENT_AT.lt(utc(to))))
                .fetchSingle();
        return new int[] {row.value1(), row.value2(), row.value3()};
    }

    static List<String> productIds(ReviewsRequestRecord request) {
        return request.getProductIds().isEmpty() ? List.of() : Arrays.asList(request.getProductIds().split("\n"));
    }
}
