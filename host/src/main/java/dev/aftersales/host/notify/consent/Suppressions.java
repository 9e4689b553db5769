package dev.aftersales.host.notify.consent;

import static dev.aftersales.host.jooq.Tables.NOTIFY_SUPPRESSIONS;

import dev.aftersales.host.notify.outbox.Outbox;
import java.time.Clock;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * Addresses that must not be mailed in a category, kept only as SHA-256 hashes: what remains of an unsubscribed or
 * erased person. A new confirmed opt-in lifts the suppression for its category.
 */
@Component
public class Suppressions {

    private final DSLContext db;
    private final Clock clock;

    Suppressions(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    boolean suppressed(String shopId, String emailHash, String category) {
        return emailHash != null && db.fetchExists(NOTIFY_SUPPRESSIONS, NOTIFY_SUPPRESSIONS.SHOP_ID.eq(shopId)
                .and(NOTIFY_SUPPRESSIONS.EMAIL_HASH.eq(emailHash)).and(NOTIFY_SUPPRESSIONS.CATEGORY.eq(category)));
    }

    public void add(String shopId, String emailHash, String category, String reason) {
        if (emailHash == null) {
            return;
        }
        db.insertInto(NOTIFY_SUPPRESSIONS)
                .set(NOTIFY_SUPPRESSIONS.SHOP_ID, shopId)
                .set(NOTIFY_SUPPRESSIONS.EMAIL_HASH, emailHash)
                .set(NOTIFY_SUPPRESSIONS.CATEGORY, category)
                .set(NOTIFY_SUPPRESSIONS.REASON, reason)
                .set(NOTIFY_SUPPRESSIONS.CREATED_AT, Outbox.utc(clock.instant()))
                .onDuplicateKeyIgnore()
                .execute();
    }

    void lift(String shopId, String emailHash, String category) {
        if (emailHash == null) {
            return;
        }
        var entry = NOTIFY_SUPPRESSIONS.SHOP_ID.eq(shopId).and(NOTIFY_SUPPRESSIONS.EMAIL_HASH.eq(emailHash))
                .and(NOTIFY_SUPPRESSIONS.CATEGORY.eq(category));
        // Every consent a customer grants lifts; a DELETE of an entry that does not exist would lock the index gap
        // where it would be (REPEATABLE READ) and hold up unsubscribes of other addresses until this commits.
        if (db.fetchExists(NOTIFY_SUPPRESSIONS, entry)) {
            db.deleteFrom(NOTIFY_SUPPRESSIONS).where(entry).execute();
        }
    }
}
