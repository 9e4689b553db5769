package dev.aftersales.host.catalog;

import static dev.aftersales.host.jooq.Tables.ORDERS;
import static dev.aftersales.host.jooq.Tables.ORDER_LINES;

import dev.aftersales.host.privacy.CustomerData;
import dev.aftersales.host.privacy.DataSubject;
import dev.aftersales.host.privacy.ExportRows;
import java.util.Map;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * The mirrored orders of a customer. On erasure an order stays for the shop's bookkeeping and reports (what sold,
 * when, for how much) but no longer names anyone: its customer id becomes {@value #ERASED}. Its lines name products
 * only and stay with it.
 */
@Component
class OrderMirrorData implements CustomerData {

    /** The customer id of an order whose customer was erased. */
    static final String ERASED = "";

    private final DSLContext db;

    OrderMirrorData(DSLContext db) {
        this.db = db;
    }

    @Override
    public String section() {
        return "orders";
    }

    @Override
    public Object export(DataSubject subject) {
        return db.selectFrom(ORDERS)
                .where(ORDERS.SHOP_ID.eq(subject.shopId()).and(ORDERS.CUSTOMER_ID.eq(subject.customerId())))
                .orderBy(ORDERS.PLACED_AT, ORDERS.ORDER_ID)
                .fetch(order -> {
                    Map<String, Object> row = ExportRows.of(order, ORDERS.SHOP_ID);
                    row.put("lines", ExportRows.of(db.selectFrom(ORDER_LINES)
                            .where(ORDER_LINES.SHOP_ID.eq(subject.shopId()).and(ORDER_LINES.ORDER_ID.eq(order.getOrderId())))
                            .orderBy(ORDER_LINES.LINE_NO).fetch(), ORDER_LINES.SHOP_ID, ORDER_LINES.ORDER_ID));
                    return row;
                });
    }

    @Override
    public int erase(DataSubject subject) {
        return db.update(ORDERS).set(ORDERS.CUSTOMER_ID, ERASED).setNull(ORDERS.EMAIL)
                .setNull(ORDERS.SHIPPING_ADDRESS_HASH).setNull(ORDERS.PAYMENT_FINGERPRINT)
                .where(ORDERS.SHOP_ID.eq(subject.shopId()).and(ORDERS.CUSTOMER_ID.eq(subject.customerId())))
                .execute();
    }
}
