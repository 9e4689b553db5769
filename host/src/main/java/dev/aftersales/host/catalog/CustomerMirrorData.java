package dev.aftersales.host.catalog;

import static dev.aftersales.host.jooq.Tables.CUSTOMERS;

import dev.aftersales.host.privacy.CustomerData;
import dev.aftersales.host.privacy.DataSubject;
import dev.aftersales.host.privacy.ExportRows;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/** The mirrored customer (address, language): exported as is, deleted on erasure. */
@Component
class CustomerMirrorData implements CustomerData {

    private final DSLContext db;

    CustomerMirrorData(DSLContext db) {
        this.db = db;
    }

    @Override
    public String section() {
        return "customer";
    }

    @Override
    public Object export(DataSubject subject) {
        return db.selectFrom(CUSTOMERS).where(key(subject)).fetchOptional()
                .map(row -> ExportRows.of(row, CUSTOMERS.SHOP_ID)).orElse(null);
    }

    @Override
    public int erase(DataSubject subject) {
        return db.deleteFrom(CUSTOMERS).where(key(subject)).execute();
    }

    private static org.jooq.Condition key(DataSubject subject) {
        return CUSTOMERS.SHOP_ID.eq(subject.shopId()).and(CUSTOMERS.CUSTOMER_ID.eq(subject.customerId()));
    }
}
