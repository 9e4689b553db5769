package dev.aftersales.plugins.stockalert;

import static dev.aftersales.plugins.stockalert.Subscriptions.fromDb;
import static dev.aftersales.plugins.stockalert.Subscriptions.toDb;
import static dev.aftersales.plugins.stockalert.jooq.Tables.STOCK_ALERT_RESTOCK;

import dev.aftersales.api.FeatureContext;
import dev.aftersales.plugins.stockalert.jooq.tables.StockAlertRestock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.Configuration;
import org.jooq.DSLContext;

/** SQL for restocks of one shop: a variant that came back, and the progress of its batches. */
final class Restocks {

    static final String OPEN = "OPEN";
    static final String DONE = "DONE";
    static final String SOLD_OUT = "SOLD_OUT";

    private static final StockAlertRestock RESTOCK = STOCK_ALERT_RESTOCK;

    /** An open restock due for its next batch. */
    record Restock(long id, String variantId, Instant nextBatchAt, int batches) {
    }

    private final DSLContext db;
    private final String shopId;

    private Restocks(DSLContext db, String shopId) {
        this.db = db;
        this.shopId = shopId;
    }

    static Restocks of(FeatureContext shop) {
        return new Restocks(shop.db(), shop.shopId());
    }

    static Restocks in(Configuration transaction, FeatureContext shop) {
        return new Restocks(transaction.dsl(), shop.shopId());
    }

    Optional<Restock> openOf(String variantId) {
        return db.selectFrom(RESTOCK)
                .where(RESTOCK.SHOP_ID.eq(shopId), RESTOCK.VARIANT_ID.eq(variantId), RESTOCK.STATE.eq(OPEN))
                .orderBy(RESTOCK.ID).limit(1).forUpdate()
                .fetchOptional(row -> new Restock(row.getId(), row.getVariantId(), fromDb(row.getNextBatchAt()),
                        row.getBatches()));
    }

    void open(String variantId, Instant now, Instant firstBatchAt) {
        db.insertInto(RESTOCK)
                .set(RESTOCK.SHOP_ID, shopId)
                .set(RESTOCK.VARIANT_ID, variantId)
                .set(RESTOCK.STATE, OPEN)
                .set(RESTOCK.DETECTED_AT, toDb(now))
                .set(RESTOCK.NEXT_BATCH_AT, toDb(firstBatchAt))
                .set(RESTOCK.BATCHES, 0)
                .set(RESTOCK.NOTIFIED, 0)
                .execute();
    }

    /** Closes the variant's open restocks (its stock fell below the threshold); returns how many. */
    int closeOpenOf(String variantId, String state, Instant now) {
        return db.update(RESTOCK)
                .set(RESTOCK.STATE, state)
                .set(RESTOCK.CLOSED_AT, toDb(now))
                .where(RESTOCK.SHOP_ID.eq(shopId), RESTOCK.VARIANT_ID.eq(variantId), RESTOCK.STATE.eq(OPEN))
                .execute();
    }

    List<Restock> due(Instant now, int limit) {
        return db.selectFrom(RESTOCK)
                .where(RESTOCK.SHOP_ID.eq(shopId), RESTOCK.STATE.eq(OPEN), RESTOCK.NEXT_BATCH_AT.le(toDb(now)))
                .orderBy(RESTOCK.NEXT_BATCH_AT, RESTOCK.ID)
                .limit(limit)
                .fetch(row -> new Restock(row.getId(), row.getVariantId(), fromDb(row.getNextBatchAt()),
                        row.getBatches()));
    }

    void close(long id, String state, Instant now) {
        db.update(RESTOCK)
                .set(RESTOCK.STATE, state)
                .set(RESTOCK.CLOSED_AT, toDb(now))
                .where(RESTOCK.SHOP_ID.eq(shopId), RESTOCK.ID.eq(id), RESTOCK.STATE.eq(OPEN))
                .execute();
    }

    /** Deletes closed restocks that ended before {@code before}; subscriptions keep only their id. */
    int purgeClosed(Instant before) {
        return db.deleteFrom(RESTOCK)
                .where(RESTOCK.SHOP_ID.eq(shopId), RESTOCK.STATE.ne(OPEN), RESTOCK.CLOSED_AT.lt(toDb(before)))
                .execute();
    }

    void recordBatch(long id, int notified, Instant nextBatchAt) {
        db.update(RESTOCK)
                .set(RESTOCK.BATCHES, RESTOCK.BATCHES.plus(1))
                .set(RESTOCK.NOTIFIED, RESTOCK.NOTIFIED.plus(notified))
                .set(RESTOCK.NEXT_BATCH_AT, toDb(nextBatchAt))
                .where(RESTOCK.SHOP_ID.eq(shopId), RESTOCK.ID.eq(id))
                .execute();
    }
}
