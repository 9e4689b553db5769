package dev.aftersales.bench;

import static dev.aftersales.host.jooq.Tables.NOTIFY_MESSAGES;

import dev.aftersales.host.jooq.tables.records.NotifyMessagesRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;

/** The outbox rows a fan-out figure queued: their raw-INSERT baseline and clean-up between runs. */
public final class OutboxRows {

    private OutboxRows() {
    }

    /**
     * The baseline of the fan-out figures: inserts as many outbox rows as a fan-out queued, copied from one of them, as
     * multi-row INSERTs with a commit per {@code rowsPerCommit}, under another shop id; returns rows per second.
     */
    public static double rawInsert(DSLContext db, String shopId, int rows, int rowsPerCommit) {
        NotifyMessagesRecord template = db.selectFrom(NOTIFY_MESSAGES).where(NOTIFY_MESSAGES.SHOP_ID.eq(shopId))
                .limit(1).fetchOne();
        String rawShop = shopId + "-raw";
        List<Field<?>> fields = new ArrayList<>(List.of(NOTIFY_MESSAGES.fields()));
        fields.remove(NOTIFY_MESSAGES.ID);
        long start = System.nanoTime();
        for (int from = 0; from < rows; from += rowsPerCommit) {
            int first = from;
            db.transaction(tx -> {
                List<Object[]> chunk = new ArrayList<>();
                for (int n = first; n < Math.min(rows, first + rowsPerCommit); n++) {
                    Object[] values = new Object[fields.size()];
                    for (int f = 0; f < values.length; f++) {
                        values[f] = template.get(fields.get(f));
                    }
                    values[fields.indexOf(NOTIFY_MESSAGES.SHOP_ID)] = rawShop;
                    values[fields.indexOf(NOTIFY_MESSAGES.MESSAGE_KEY)] = UUID.randomUUID().toString();
                    values[fields.indexOf(NOTIFY_MESSAGES.DEDUPE_KEY)] = "raw-" + n;
                    values[fields.indexOf(NOTIFY_MESSAGES.CUSTOMER_ID)] = "r-" + n;
                    values[fields.indexOf(NOTIFY_MESSAGES.RECIPIENT_KEY)] = "c:r-" + n;
                    chunk.add(values);
                }
                CatalogData.insert(tx.dsl(), NOTIFY_MESSAGES, fields.toArray(Field[]::new), chunk);
            });
        }
        double rate = rows / ((System.nanoTime() - start) / 1e9);
        clear(db, rawShop);
        return rate;
    }

    /** Deletes a shop's outbox rows. */
    public static void clear(DSLContext db, String shopId) {
        int deleted;
        do {
            // in small statements: each must finish within the host's statement timeout
            deleted = db.deleteFrom(NOTIFY_MESSAGES).where(NOTIFY_MESSAGES.SHOP_ID.eq(shopId)).limit(5_000).execute();
        } while (deleted > 0);
    }
}
