package dev.aftersales.host.privacy;

import static dev.aftersales.host.jooq.Tables.CUSTOMER_ERASURES;

import dev.aftersales.host.jooq.tables.records.CustomerErasuresRecord;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/** The record of every customer erasure: who asked, when, which customer, with what result. */
@Component
public class ErasureLog {

    private static final int DETAILS_MAX = 2000;

    private final DSLContext db;
    private final Clock clock;

    ErasureLog(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    CustomerErasuresRecord record(String shopId, String customerId, String requestedBy, String result,
                                  String details) {
        CustomerErasuresRecord row = db.newRecord(CUSTOMER_ERASURES);
        row.setShopId(shopId);
        row.setCustomerId(customerId);
        row.setRequestedBy(requestedBy.length() > 250 ? requestedBy.substring(0, 250) : requestedBy);
        row.setErasedAt(LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        row.setResult(result);
        row.setDetails(details.length() > DETAILS_MAX ? details.substring(0, DETAILS_MAX) : details);
        // insert and last_insert_id() on one connection; jOOQ's store() would need RETURNING (see STACK.md)
        return db.transactionResult(tx -> {
            tx.dsl().insertInto(CUSTOMER_ERASURES).set(row).execute();
            row.setId(tx.dsl().lastID().longValue());
            return row;
        });
    }

    /** A shop's erasures, newest first, of one customer or of all. */
    List<CustomerErasuresRecord> list(String shopId, String customerId, int limit) {
        Condition condition = CUSTOMER_ERASURES.SHOP_ID.eq(shopId);
        if (customerId != null) {
            condition = condition.and(CUSTOMER_ERASURES.CUSTOMER_ID.eq(customerId));
        }
        return db.selectFrom(CUSTOMER_ERASURES).where(condition).orderBy(CUSTOMER_ERASURES.ID.desc()).limit(limit)
                .fetch();
    }
}
