package dev.aftersales.bench.restock;

import static dev.aftersales.host.jooq.Tables.CUSTOMERS;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import dev.aftersales.bench.CatalogData;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;

/**
 * Seeds back-in-stock subscribers of one variant: signed-in customers {@code s-1}... (customers need no double
 * opt-in for alerts), subscribed a microsecond apart so the queue order is defined, and optionally their addresses in the
 * host's customer mirror (needed only by the ones that are delivered).
 */
final class SubscriberData {

    static final Table<?> SUBSCRIPTION = table(name("stock_alert_subscription"));
    static final Field<String> SHOP_ID = field(name("shop_id"), String.class);
    static final Field<String> VARIANT_ID = field(name("variant_id"), String.class);
    static final Field<String> STATE = field(name("state"), String.class);

    private final DSLContext db;
    private final String shopId;

    SubscriberData(DSLContext db, String shopId) {
        this.db = db;
        this.shopId = shopId;
    }

    static String customer(int n) {
        return "s-" + n;
    }

    void subscribe(String variantId, int subscribers) {
        LocalDateTime start = LocalDateTime.now(ZoneOffset.UTC).minusDays(30);
        LocalDateTime expires = start.plusDays(365);
        Field<?>[] fields = {SHOP_ID, VARIANT_ID, field(name("subscriber_key")), field(name("customer_id")),
                field(name("locale")), STATE, field(name("created_at")), field(name("expires_at"))};
        int chunk = 50_000;
        for (int from = 1; from <= subscribers; from += chunk) {
            List<Object[]> rows = new ArrayList<>();
            for (int n = from; n < Math.min(subscribers + 1, from + chunk); n++) {
                rows.add(new Object[] {shopId, variantId, "c:" + customer(n), customer(n), n % 3 == 0 ? "de" : "en",
                        "ACTIVE", start.plusNanos(n * 1_000L), expires});
            }
            CatalogData.insert(db, SUBSCRIPTION, fields, rows);
        }
        CatalogData.analyze(db, "stock_alert_subscription");
    }

    void addresses(int customers) {
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        List<Object[]> rows = new ArrayList<>();
        for (int n = 1; n <= customers; n++) {
            rows.add(new Object[] {shopId, customer(n), customer(n) + "@customers.example", "en", now});
        }
        CatalogData.insert(db, CUSTOMERS, new Field<?>[] {CUSTOMERS.SHOP_ID, CUSTOMERS.CUSTOMER_ID, CUSTOMERS.EMAIL,
                CUSTOMERS.LOCALE, CUSTOMERS.SOURCE_UPDATED_AT}, rows);
    }

    /** Makes every subscription of the variant active again, for the next run (in statements that stay short). */
    void rearm(String variantId) {
        int updated;
        do {
            updated = db.update(SUBSCRIPTION)
                    .set(STATE, "ACTIVE")
                    .set(field(name("notified_at"), LocalDateTime.class), (LocalDateTime) null)
                    .set(field(name("restock_id"), Long.class), (Long) null)
                    .where(SHOP_ID.eq(shopId), VARIANT_ID.eq(variantId), STATE.ne("ACTIVE"))
                    .limit(10_000)
                    .execute();
        } while (updated > 0);
    }
}
