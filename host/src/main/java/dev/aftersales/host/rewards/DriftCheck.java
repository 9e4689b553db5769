package dev.aftersales.host.rewards;

import static dev.aftersales.host.jooq.Tables.REWARDS_BALANCES;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * Recomputes every balance from its entries and reports each difference. It must always find none: a difference
 * means a booking changed a balance without its entry (or the other way round). The last result of the whole-host
 * check is the gauge {@code aftersales.rewards.drift.customers}; the operator API runs it for one shop on demand.
 *
 * <p>The rules (see V8__rewards_ledger.sql): available = amounts not in the pending bucket, released holds left out;
 * pending = amounts in the pending bucket; reserved = held amounts; lifetime earned = earnings, reversals (with
 * their shortfall) and adjustments that reached the available bucket.
 */
@Component
public class DriftCheck {

    /** At most this many differences are listed; the count is always complete. */
    static final int LISTED = 100;
    /**
     * Balances recomputed per statement: each statement reads one customer range through the entries' index and stays
     * well inside the host's statement timeout, whatever the ledger's size.
     */
    static final int CUSTOMERS_PER_STATEMENT = 2_000;

    private static final String SQL = """
            SELECT b.shop_id, b.customer_id, b.available, b.pending, b.reserved, b.lifetime_earned,
                   COALESCE(e.available, 0) AS e_available, COALESCE(e.pending, 0) AS e_pending,
                   COALESCE(e.reserved, 0) AS e_reserved, COALESCE(e.lifetime, 0) AS e_lifetime
            FROM rewards_balances b
            LEFT JOIN (
              SELECT shop_id, customer_id,
                     SUM(CASE WHEN in_pending = 0 AND state <> 'RELEASED' THEN amount ELSE 0 END) AS available,
                     SUM(CASE WHEN in_pending = 1 THEN amount ELSE 0 END) AS pending,
                     SUM(CASE WHEN state = 'RESERVED' THEN -amount ELSE 0 END) AS reserved,
                     SUM(CASE WHEN in_pending = 0 AND kind IN ('EARN', 'REVERSAL', 'ADJUSTMENT')
                              THEN amount - shortfall ELSE 0 END) AS lifetime
              FROM rewards_entries
              WHERE shop_id = {0} AND customer_id > {1} AND customer_id <= {2}
              GROUP BY shop_id, customer_id
            ) e ON e.shop_id = b.shop_id AND e.customer_id = b.customer_id
            WHERE b.shop_id = {0} AND b.customer_id > {1} AND b.customer_id <= {2}
              AND (b.available <> COALESCE(e.available, 0) OR b.pending <> COALESCE(e.pending, 0)
                   OR b.reserved <> COALESCE(e.reserved, 0) OR b.lifetime_earned <> COALESCE(e.lifetime, 0))
            """;

    private final DSLContext db;
    private final Clock clock;
    private final AtomicLong lastDrift = new AtomicLong();

    DriftCheck(DSLContext db, Clock clock, MeterRegistry meters) {
        this.db = db;
        this.clock = clock;
        meters.gauge("aftersales.rewards.drift.customers", lastDrift);
    }

    /** Checks every shop; the gauge shows the result. */
    public Result checkAll() {
        long started = System.nanoTime();
        Instant at = clock.instant();
        List<Drift> drifts = new ArrayList<>();
        int count = 0;
        for (String shopId : db.selectDistinct(REWARDS_BALANCES.SHOP_ID).from(REWARDS_BALANCES)
                .fetch(REWARDS_BALANCES.SHOP_ID)) {
            count += scan(shopId, drifts);
        }
        Result result = new Result(at, count, drifts, Duration.ofNanos(System.nanoTime() - started));
        lastDrift.set(result.customersWithDrift());
        return result;
    }

    /** Checks one shop. */
    public Result check(String shopId) {
        long started = System.nanoTime();
        Instant at = clock.instant();
        List<Drift> drifts = new ArrayList<>();
        int count = scan(shopId, drifts);
        return new Result(at, count, drifts, Duration.ofNanos(System.nanoTime() - started));
    }

    /** Walks the shop's balances in customer ranges; returns how many differ and lists the first of them. */
    private int scan(String shopId, List<Drift> drifts) {
        int count = 0;
        String after = "";
        while (true) {
            List<String> range = db.select(REWARDS_BALANCES.CUSTOMER_ID).from(REWARDS_BALANCES)
                    .where(REWARDS_BALANCES.SHOP_ID.eq(shopId).and(REWARDS_BALANCES.CUSTOMER_ID.gt(after)))
                    .orderBy(REWARDS_BALANCES.CUSTOMER_ID)
                    .limit(CUSTOMERS_PER_STATEMENT)
                    .fetch(REWARDS_BALANCES.CUSTOMER_ID);
            if (range.isEmpty()) {
                return count;
            }
            String upTo = range.getLast();
            for (Record row : db.resultQuery(SQL, DSL.val(shopId), DSL.val(after), DSL.val(upTo)).fetch()) {
                count++;
                if (drifts.size() < LISTED) {
                    drifts.add(new Drift(row.get(0, String.class), row.get(1, String.class),
                            row.get(2, Long.class), row.get(6, Long.class), row.get(3, Long.class),
                            row.get(7, Long.class), row.get(4, Long.class), row.get(8, Long.class),
                            row.get(5, Long.class), row.get(9, Long.class)));
                }
            }
            if (range.size() < CUSTOMERS_PER_STATEMENT) {
                return count;
            }
            after = upTo;
        }
    }

    /** One balance that does not match its entries. */
    public record Drift(String shopId, String customerId, long available, long availableFromEntries, long pending,
                        long pendingFromEntries, long reserved, long reservedFromEntries, long lifetimeEarned,
                        long lifetimeEarnedFromEntries) {
    }

    /** What a check found: the number of balances with a difference (must be 0) and the first of them. */
    public record Result(Instant checkedAt, int customersWithDrift, List<Drift> drifts, Duration took) {
    }
}
