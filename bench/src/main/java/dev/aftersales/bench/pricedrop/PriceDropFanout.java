package dev.aftersales.bench.pricedrop;

import static dev.aftersales.host.jooq.Tables.NOTIFY_MESSAGES;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.table;

import dev.aftersales.bench.BenchHost;
import dev.aftersales.bench.CatalogData;
import dev.aftersales.bench.Figure;
import dev.aftersales.bench.HeapWatch;
import dev.aftersales.bench.Options;
import dev.aftersales.bench.OutboxRows;
import dev.aftersales.bench.Report;
import dev.aftersales.bench.Samples;
import dev.aftersales.testkit.TestShop;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Figure 7: a price drop of a variant that N signed-in customers watch. The price-alert plugin decides and queues
 * the alerts a page at a time; the figure times a signed {@code price.changed} webhook until every alert is in the
 * outbox, and watches the heap left after collections, which must not grow with N. Baseline: raw multi-row INSERTs
 * of as many outbox rows (the same as the restock figure's).
 */
public final class PriceDropFanout implements Figure {

    private static final Table<?> SUBSCRIPTION = table(DSL.name("price_alert_subscription"));
    private static final Field<String> SHOP_ID = field(DSL.name("shop_id"), String.class);
    private static final Field<String> VARIANT_ID = field(DSL.name("variant_id"), String.class);
    private static final Duration TIMEOUT = Duration.ofMinutes(30);

    @Override
    public String name() {
        return "pricedrop";
    }

    @Override
    public Report run(BenchHost bench, Options options) {
        Report report = new Report("Price-drop fan-out", "./aftersales bench pricedrop " + options.describe(),
                bench.machine(), String.format(Locale.ROOT, "One variant watched by N signed-in customers drops in"
                        + " price (a signed webhook); the price-alert plugin queues their alerts %d per transaction."
                        + " Time from the webhook until every alert is in the outbox. Baseline: multi-row INSERTs of"
                        + " the same number of outbox rows. Medians of %d runs.", 500, options.runs()));
        Report.Table table = report.table("watchers", "fan-out s", "fan-out rows/s", "raw INSERT rows/s",
                "vs raw INSERT", "heap after GC, max MB");
        for (int watchers : options.subscribers()) {
            TestShop shop = bench.newShop();
            shop.enable("price-alert");
            new CatalogData(bench.sql(), shop.id()).seedVariants(1);
            String variant = CatalogData.variantId(1);
            watch(bench.sql(), shop.id(), variant, watchers);
            Samples seconds = new Samples();
            Samples fanOut = new Samples();
            Samples raw = new Samples();
            Samples ratio = new Samples();
            Samples heapAfterGc = new Samples();
            for (int run = 0; run < options.runs(); run++) {
                double elapsed;
                try (HeapWatch heap = HeapWatch.start()) {
                    long start = System.nanoTime();
                    shop.webhooks().send("price.changed", Map.of("variantId", variant,
                            "price", Map.of("amount", (90 - run) + ".00", "currency", "EUR"),
                            "updatedAt", Instant.now().toString()));
                    awaitQueued(bench.sql(), shop.id(), watchers);
                    elapsed = (System.nanoTime() - start) / 1e9;
                    heapAfterGc.add(heap.maxAfterGcMegabytes());
                }
                double rawRate = OutboxRows.rawInsert(bench.sql(), shop.id(), watchers, 10_000);
                seconds.add(elapsed);
                fanOut.add(watchers / elapsed);
                raw.add(rawRate);
                ratio.add(watchers / elapsed / rawRate);
                OutboxRows.clear(bench.sql(), shop.id());
                if (run < options.runs() - 1) {
                    rearm(bench.sql(), shop.id(), variant);
                }
            }
            table.row(String.format(Locale.ROOT, "%,d", watchers), seconds.summary(), fanOut.summary(),
                    raw.summary(), ratio.summary(), heapAfterGc.summary());
            report.metric("pricedrop@" + watchers + ".rps", fanOut);
            report.metric("raw@" + watchers + ".rps", raw);
            report.metric("heap@" + watchers + ".mb", heapAfterGc);
        }
        table.end();
        return report;
    }

    /** Customers {@code w-1}... subscribed to any drop below 100.00 (customers need no double opt-in). */
    private static void watch(DSLContext db, String shopId, String variantId, int watchers) {
        LocalDateTime created = LocalDateTime.now(ZoneOffset.UTC).minusDays(30);
        Field<?>[] fields = {SHOP_ID, field(DSL.name("origin")), VARIANT_ID, field(DSL.name("customer_id")),
                field(DSL.name("locale")), field(DSL.name("reference_price")), field(DSL.name("currency")), field(DSL.name("status")),
                field(DSL.name("alerts_sent")), field(DSL.name("created_at"))};
        int chunk = 50_000;
        for (int from = 1; from <= watchers; from += chunk) {
            List<Object[]> rows = new ArrayList<>();
            for (int n = from; n < Math.min(watchers + 1, from + chunk); n++) {
                rows.add(new Object[] {shopId, "SUBSCRIBED", variantId, "w-" + n, n % 3 == 0 ? "de" : "en",
                        new BigDecimal("100.00"), "EUR", "ACTIVE", 0, created});
            }
            CatalogData.insert(db, SUBSCRIPTION, fields, rows);
        }
        CatalogData.analyze(db, "price_alert_subscription");
    }

    private static void awaitQueued(DSLContext db, String shopId, int watchers) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (db.fetchCount(NOTIFY_MESSAGES, NOTIFY_MESSAGES.SHOP_ID.eq(shopId)) < watchers) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(watchers + " watchers but only "
                        + db.fetchCount(NOTIFY_MESSAGES, NOTIFY_MESSAGES.SHOP_ID.eq(shopId)) + " alerts queued");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Every watcher's reference back to 100.00, for the next run's drop (in statements that stay short). */
    private static void rearm(DSLContext db, String shopId, String variantId) {
        int deleted;
        do {
            deleted = db.deleteFrom(table(DSL.name("price_alert_sent"))).where(SHOP_ID.eq(shopId)).limit(10_000)
                    .execute();
        } while (deleted > 0);
        int updated;
        do {
            updated = db.update(SUBSCRIPTION)
                    .set(field(DSL.name("reference_price"), BigDecimal.class), new BigDecimal("100.00"))
                    .set(field(DSL.name("alerts_sent"), Integer.class), 0)
                    .where(SHOP_ID.eq(shopId), VARIANT_ID.eq(variantId), field(DSL.name("alerts_sent")).ne(0))
                    .limit(10_000)
                    .execute();
        } while (updated > 0);
    }
}
