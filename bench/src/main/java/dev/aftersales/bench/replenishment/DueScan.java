package dev.aftersales.bench.replenishment;

import static dev.aftersales.host.jooq.Tables.NOTIFY_MESSAGES;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.table;

import dev.aftersales.bench.BenchHost;
import dev.aftersales.bench.CatalogData;
import dev.aftersales.bench.Figure;
import dev.aftersales.bench.Options;
import dev.aftersales.bench.Report;
import dev.aftersales.bench.Samples;
import dev.aftersales.testkit.TestShop;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Figure 7: the replenishment plugin's daily run (due scan, one reminder per customer, mails queued) over a short and
 * a long order history with the same number of due items. History: {@code --customers} and ten times as many
 * customers with 10 order lines each (10 consumables each, one row per customer and variant in the due table); due
 * items: 2 each for {@code customers / 10} customers (at most 1,000), spread over the key range. Baseline in the same
 * run: the plain indexed SELECT of the due rows. Between runs the due rows are armed again and the queued messages
 * and reminders removed.
 */
public final class DueScan implements Figure {

    private static final String FEATURE = "replenishment";
    private static final int LINES_PER_CUSTOMER = 10;
    private static final int VARIANTS = 50;
    private static final Table<?> ITEM = table(DSL.name("replenishment_item"));
    private static final Table<?> PURCHASE = table(DSL.name("replenishment_purchase"));
    private static final Table<?> REMINDER = table(DSL.name("replenishment_reminder"));
    private static final Table<?> REMINDER_LINE = table(DSL.name("replenishment_reminder_line"));
    private static final Field<String> SHOP_ID = field(DSL.name("shop_id"), String.class);
    private static final Field<LocalDateTime> DUE_AT = field(DSL.name("due_at"), LocalDateTime.class);
    private static final Field<LocalDateTime> RUN_OUT_AT = field(DSL.name("run_out_at"), LocalDateTime.class);
    private static final Field<String> REMINDER_ID = field(DSL.name("reminder_id"), String.class);

    @Override
    public String name() {
        return FEATURE;
    }

    @Override
    public Report run(BenchHost bench, Options options) {
        int dueCustomers = Math.max(1, Math.min(1_000, options.customers() / 10));
        Report report = new Report("Replenishment due scan", "./aftersales bench replenishment " + options.describe(),
                bench.machine(), String.format(Locale.ROOT, "Customers with %d order lines each (10 consumables, one"
                        + " due-table row per customer and variant); %,d customers have 2 items due. One run of the"
                        + " plugin's daily job: scan, one reminder per customer with both items, mails queued in the"
                        + " outbox. Baseline: the plain indexed SELECT of the due rows. Medians of %d runs.",
                        LINES_PER_CUSTOMER, dueCustomers, options.runs()));
        Report.Table table = report.table("order lines", "customers", "due items", "job s", "indexed SELECT ms",
                "mails queued");
        for (int customers : List.of(options.customers(), options.customers() * 10)) {
            TestShop shop = bench.newShop();
            shop.enable(FEATURE);
            new CatalogData(bench.sql(), shop.id()).seedVariants(VARIANTS);
            seed(bench.sql(), shop.id(), customers, dueCustomers, bench.host().clock().instant());
            Samples job = new Samples();
            Samples select = new Samples();
            for (int run = 0; run < options.runs(); run++) {
                LocalDateTime horizon = LocalDateTime.ofInstant(bench.host().clock().instant(),
                        ZoneOffset.UTC).plusDays(5);
                long start = System.nanoTime();
                int due = bench.sql().selectFrom(ITEM).where(SHOP_ID.eq(shop.id()), DUE_AT.le(horizon)).fetch().size();
                select.add((System.nanoTime() - start) / 1e6);
                start = System.nanoTime();
                shop.runJob(FEATURE, "send-reminders");
                job.add((System.nanoTime() - start) / 1e9);
                int queued = bench.sql().fetchCount(NOTIFY_MESSAGES, NOTIFY_MESSAGES.SHOP_ID.eq(shop.id()));
                if (due != dueCustomers * 2 || queued != dueCustomers) {
                    throw new IllegalStateException(due + " due rows and " + queued + " mails, expected "
                            + dueCustomers * 2 + " and " + dueCustomers);
                }
                rearm(bench.sql(), shop.id());
            }
            table.row(String.format(Locale.ROOT, "%,d", customers * LINES_PER_CUSTOMER),
                    String.format(Locale.ROOT, "%,d", customers), String.format(Locale.ROOT, "%,d", dueCustomers * 2),
                    job.summary(), select.summary(), String.format(Locale.ROOT, "%,d", dueCustomers));
            report.metric("job@" + customers + ".seconds", job);
            report.metric("select@" + customers + ".ms", select);
        }
        table.end();
        return report;
    }

    /** Purchases and due-table rows; the due customers are every (customers / due)-th one. */
    private static void seed(DSLContext db, String shopId, int customers, int dueCustomers, Instant now) {
        LocalDateTime today = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
        int every = Math.max(1, customers / dueCustomers);
        List<Object[]> purchases = new ArrayList<>();
        List<Object[]> items = new ArrayList<>();
        for (int c = 0; c < customers; c++) {
            String customer = "c-" + c;
            boolean due = c % every == 0 && c / every < dueCustomers;
            for (int l = 0; l < LINES_PER_CUSTOMER; l++) {
                String variant = CatalogData.variantId(1 + (c + l) % VARIANTS);
                LocalDateTime placed = today.minusDays(1 + (c + l) % 25);
                LocalDateTime runOut = due && l < 2 ? today.minusDays(1) : today.plusDays(30 + (c * 7 + l) % 300);
                purchases.add(new Object[] {shopId, "o-" + c + "-" + l, variant, customer, placed, 1});
                items.add(new Object[] {shopId, customer, variant, "o-" + c + "-" + l, placed, 1, 1, 30, "USAGE_DAYS",
                        runOut, runOut, 0, false, placed});
            }
            if (purchases.size() >= 50_000) {
                flush(db, purchases, items);
            }
        }
        flush(db, purchases, items);
        CatalogData.analyze(db, "replenishment_purchase", "replenishment_item");
    }

    private static void flush(DSLContext db, List<Object[]> purchases, List<Object[]> items) {
        CatalogData.insert(db, PURCHASE, fields("shop_id", "order_id", "variant_id", "customer_id", "placed_at",
                "quantity"), purchases);
        CatalogData.insert(db, ITEM, fields("shop_id", "customer_id", "variant_id", "last_order_id",
                "last_purchase_at", "units", "purchases", "unit_days", "rule_name", "run_out_at", "due_at", "skipped",
                "stopped", "updated_at"), items);
        purchases.clear();
        items.clear();
    }

    private static Field<?>[] fields(String... names) {
        return Arrays.stream(names).map(n -> field(DSL.name(n))).toArray(Field[]::new);
    }

    /** Arms the reminded rows again and removes what the run queued, in short statements. */
    private static void rearm(DSLContext db, String shopId) {
        db.update(ITEM).set(DUE_AT, RUN_OUT_AT).set(REMINDER_ID, (String) null)
                .where(SHOP_ID.eq(shopId), REMINDER_ID.isNotNull()).execute();
        db.deleteFrom(REMINDER_LINE).where(SHOP_ID.eq(shopId)).execute();
        db.deleteFrom(REMINDER).where(SHOP_ID.eq(shopId)).execute();
        db.deleteFrom(NOTIFY_MESSAGES).where(NOTIFY_MESSAGES.SHOP_ID.eq(shopId)).execute();
    }
}
