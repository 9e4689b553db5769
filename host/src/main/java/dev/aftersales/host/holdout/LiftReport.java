package dev.aftersales.host.holdout;

import static dev.aftersales.host.jooq.Tables.HOLDOUT_MEMBERS;
import static dev.aftersales.host.jooq.Tables.ORDERS;

import dev.aftersales.host.notify.outbox.Outbox;
import java.math.BigDecimal;
import java.time.Instant;
import org.jooq.DSLContext;
import org.jooq.DatePart;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * The lift report of one feature: the customers it meant to message in a period, split into treated and held out
 * (their group when first meant to be messaged, per draw), and what they ordered in the window after that first
 * message. Summed by the database per group (customers, ordering customers, orders, revenue, revenue squared), then
 * compared by {@link LiftStatistics}. Cancelled orders do not count; revenue counts orders in the report's currency
 * (the shop's latest order's), other currencies count as orders only.
 */
@Component
public class LiftReport {

    static final int DEFAULT_WINDOW_DAYS = 30;
    static final int MAX_WINDOW_DAYS = 365;
    private static final Instant EARLIEST = Instant.ofEpochSecond(1);

    private final DSLContext db;

    LiftReport(DSLContext db) {
        this.db = db;
    }

    /** The report's figures for one group. */
    public record Group(long customers, long convertedCustomers, long orders, double conversionRate, BigDecimal revenue,
                        double revenuePerCustomer) {

        static Group of(LiftStatistics.Totals totals) {
            return new Group(totals.customers(), totals.converted(), totals.orders(), 100 * totals.conversion(),
                    BigDecimal.valueOf(totals.revenue()).setScale(2, java.math.RoundingMode.HALF_UP),
                    totals.revenuePerCustomer());
        }
    }

    /** The lift report: both groups, both differences with their intervals, a verdict in plain words, the method. */
    public record Report(String feature, Instant from, Instant to, int windowDays, String currency, Group treated,
                         Group heldOut, LiftStatistics.Interval conversionDifference,
                         LiftStatistics.Interval revenuePerCustomerDifference, String verdict, String message,
                         String method) {
    }

    public Report report(String shopId, String featureId, Instant from, Instant to, int windowDays) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("'from' must lie before 'to'");
        }
        if (windowDays < 1 || windowDays > MAX_WINDOW_DAYS) {
            throw new IllegalArgumentException("The window must be 1 to " + MAX_WINDOW_DAYS + " days");
        }
        String currency = db.select(ORDERS.CURRENCY).from(ORDERS).where(ORDERS.SHOP_ID.eq(shopId))
                .orderBy(ORDERS.PLACED_AT.desc()).limit(1).fetchOptional(ORDERS.CURRENCY).orElse(null);
        Field<BigDecimal> inCurrency = DSL.when(ORDERS.CURRENCY.eq(currency), ORDERS.TOTAL).otherwise(BigDecimal.ZERO);
        Table<?> perCustomer = db.select(HOLDOUT_MEMBERS.HELD_OUT.as("held_out"),
                        DSL.count(ORDERS.ORDER_ID).as("orders"),
                        DSL.coalesce(DSL.sum(inCurrency), BigDecimal.ZERO).as("revenue"))
                .from(HOLDOUT_MEMBERS)
                // one index lookup per member; without the hint a small or fresh orders table may be scanned per member
                .leftJoin(ORDERS.forceIndex("ix_orders_customer")).on(ORDERS.SHOP_ID.eq(HOLDOUT_MEMBERS.SHOP_ID)
                        .and(ORDERS.CUSTOMER_ID.eq(HOLDOUT_MEMBERS.CUSTOMER_ID))
                        .and(ORDERS.PLACED_AT.ge(HOLDOUT_MEMBERS.FIRST_MESSAGE_AT))
                        .and(ORDERS.PLACED_AT.lt(DSL.localDateTimeAdd(HOLDOUT_MEMBERS.FIRST_MESSAGE_AT, windowDays,
                                DatePart.DAY)))
                        .and(ORDERS.STATUS.ne("CANCELLED")))
                .where(HOLDOUT_MEMBERS.SHOP_ID.eq(shopId).and(HOLDOUT_MEMBERS.FEATURE_ID.eq(featureId))
                        // TIMESTAMP columns start at 1970-01-01 00:00:01: an earlier bound would compare as no value
                        .and(HOLDOUT_MEMBERS.FIRST_MESSAGE_AT.ge(Outbox.utc(from.isBefore(EARLIEST) ? EARLIEST : from)))
                        .and(HOLDOUT_MEMBERS.FIRST_MESSAGE_AT.lt(Outbox.utc(to))))
                .groupBy(HOLDOUT_MEMBERS.DRAW_NO, HOLDOUT_MEMBERS.CUSTOMER_ID, HOLDOUT_MEMBERS.HELD_OUT)
                .asTable("per_customer");
        Field<Boolean> heldOut = perCustomer.field("held_out", Boolean.class);
        Field<Integer> orders = perCustomer.field("orders", Integer.class);
        Field<BigDecimal> revenue = perCustomer.field("revenue", BigDecimal.class);
        LiftStatistics.Totals treated = new LiftStatistics.Totals(0, 0, 0, 0, 0);
        LiftStatistics.Totals held = treated;
        for (Record row : db.select(heldOut, DSL.count(),
                        DSL.sum(DSL.when(orders.gt(0), 1).otherwise(0)),
                        DSL.sum(orders), DSL.sum(revenue), DSL.sum(revenue.mul(revenue)))
                .from(perCustomer)
                .groupBy(heldOut)
                .fetch()) {
            LiftStatistics.Totals totals = new LiftStatistics.Totals(row.get(1, Long.class), row.get(2, Long.class),
                    row.get(3, Long.class), row.get(4, Double.class), row.get(5, Double.class));
            if (Boolean.TRUE.equals(row.get(0, Boolean.class))) {
                held = totals;
            } else {
                treated = totals;
            }
        }
        LiftStatistics.Comparison comparison = LiftStatistics.compare(treated, held);
        return new Report(featureId, from, to, windowDays, currency, Group.of(treated), Group.of(held),
                comparison.conversionPoints(), comparison.revenuePerCustomer(), comparison.verdict().name(),
                comparison.message(), LiftStatistics.METHOD);
    }
}
