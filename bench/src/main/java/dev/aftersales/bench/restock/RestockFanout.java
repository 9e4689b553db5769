package dev.aftersales.bench.restock;

import static dev.aftersales.host.jooq.Tables.NOTIFY_MESSAGES;

import dev.aftersales.bench.BenchHost;
import dev.aftersales.bench.CatalogData;
import dev.aftersales.bench.Figure;
import dev.aftersales.bench.HeapWatch;
import dev.aftersales.bench.Options;
import dev.aftersales.bench.OutboxRows;
import dev.aftersales.bench.Report;
import dev.aftersales.bench.Samples;
import dev.aftersales.host.notify.channels.NoDelaySockets;
import dev.aftersales.host.notify.outbox.OutboxWorker;
import dev.aftersales.testkit.TestShop;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Figure 2 (and the subscriber half of figure 5): a restock of a variant with many back-in-stock subscribers. The
 * stock-alert plugin's job sends batches of at most {@code maxBatchSize} (10,000, its largest setting) one batch
 * interval apart; the figure runs the job, moves the host clock by the interval and runs it again until the restock is
 * done, and times the job runs until every subscriber's alert is in the outbox. Baseline: raw multi-row INSERTs
 * (1,000 rows per statement, a commit per 10,000) of as many outbox rows, copied from the ones the fan-out wrote.
 * Then the host's delivery code sends {@code --deliveries} of those messages to the SMTP sink (GreenMail) with two
 * workers, the default.
 */
public final class RestockFanout implements Figure {

    private static final int MAX_BATCH = 10_000;
    private static final int STOCK = 1_000_000;

    @Override
    public String name() {
        return "restock";
    }

    @Override
    public Report run(BenchHost bench, Options options) {
        Report report = new Report("Restock fan-out", "./aftersales bench restock " + options.describe(),
                bench.machine(), String.format(Locale.ROOT, "One variant with N signed-in subscribers is restocked"
                        + " (stock 0 → %,d by a signed webhook); the plugin's job alerts batches of %,d. Time from the"
                        + " first job run until every alert is in the outbox. Baseline: multi-row INSERTs of the same"
                        + " number of outbox rows. Medians of %d runs.", STOCK, MAX_BATCH, options.runs()));
        Report.Table table = report.table("subscribers", "fan-out s", "fan-out rows/s", "raw INSERT rows/s",
                "vs raw INSERT", "heap after GC, max MB");
        TestShop lastShop = null;
        for (int subscribers : options.subscribers()) {
            if (lastShop != null) {
                // the delivery workers drain every shop's outbox: only the last shop's alerts are to be delivered
                OutboxRows.clear(bench.sql(), lastShop.id());
            }
            TestShop shop = bench.newShop();
            shop.settings("stock-alert", Map.of("triggerDelayMinutes", 0, "maxBatchSize", MAX_BATCH,
                    "batchMultiplier", 100, "batchIntervalMinutes", 1));
            new CatalogData(bench.sql(), shop.id()).seedVariants(1);
            String variant = CatalogData.variantId(1);
            SubscriberData subscriberData = new SubscriberData(bench.sql(), shop.id());
            subscriberData.subscribe(variant, subscribers);
            Samples seconds = new Samples();
            Samples fanOut = new Samples();
            Samples raw = new Samples();
            Samples ratio = new Samples();
            Samples heapAfterGc = new Samples();
            for (int run = 0; run < options.runs(); run++) {
                restock(shop, variant);
                double elapsed;
                try (HeapWatch heap = HeapWatch.start()) {
                    long start = System.nanoTime();
                    runJobUntilDone(bench, shop, subscribers);
                    elapsed = (System.nanoTime() - start) / 1e9;
                    heapAfterGc.add(heap.maxAfterGcMegabytes());
                }
                int queued = bench.sql().fetchCount(NOTIFY_MESSAGES, NOTIFY_MESSAGES.SHOP_ID.eq(shop.id()));
                if (queued != subscribers) {
                    throw new IllegalStateException(subscribers + " subscribers but " + queued + " alerts queued");
                }
                double rawRate = OutboxRows.rawInsert(bench.sql(), shop.id(), subscribers, MAX_BATCH);
                seconds.add(elapsed);
                fanOut.add(subscribers / elapsed);
                raw.add(rawRate);
                ratio.add(subscribers / elapsed / rawRate);
                if (run < options.runs() - 1) {
                    OutboxRows.clear(bench.sql(), shop.id());
                    subscriberData.rearm(variant);
                }
            }
            table.row(String.format(Locale.ROOT, "%,d", subscribers), seconds.summary(), fanOut.summary(),
                    raw.summary(), ratio.summary(), heapAfterGc.summary());
            report.metric("fanout@" + subscribers + ".rps", fanOut);
            report.metric("raw@" + subscribers + ".rps", raw);
            report.metric("heap@" + subscribers + ".mb", heapAfterGc);
            lastShop = shop;
            if (subscribers >= options.deliveries()) {
                subscriberData.addresses(options.deliveries());
            }
        }
        table.end();
        deliver(bench, lastShop, options, report);
        return report;
    }

    /** Stock 0, then {@value #STOCK}, by signed webhooks; the plugin opens a restock for the variant. */
    private static void restock(TestShop shop, String variant) {
        for (int stock : new int[] {0, STOCK}) {
            shop.webhooks().send("stock.changed", Map.of("variantId", variant, "stock", stock,
                    "updatedAt", Instant.now().toString()));
            shop.awaitInboxProcessed();
        }
    }

    private static void runJobUntilDone(BenchHost bench, TestShop shop, int subscribers) {
        int batches = 0;
        do {
            shop.runJob("stock-alert", "send-alerts");
            bench.host().clock().advance(Duration.ofMinutes(1));
            batches++;
        } while (bench.sql().fetchCount(NOTIFY_MESSAGES, NOTIFY_MESSAGES.SHOP_ID.eq(shop.id())) < subscribers
                && batches <= subscribers / MAX_BATCH + 2);
    }

    /**
     * Keeps the alerts of the first {@code --deliveries} subscribers (whose addresses are in the mirror) and times
     * the host's delivery of them to GreenMail with two workers.
     */
    private static void deliver(BenchHost bench, TestShop shop, Options options, Report report) {
        DSLContext db = bench.sql();
        int deliveries = options.deliveries();
        if (db.fetchCount(NOTIFY_MESSAGES, NOTIFY_MESSAGES.SHOP_ID.eq(shop.id())) < deliveries) {
            report.note("Delivery not measured: fewer queued alerts than --deliveries.");
            return;
        }
        List<String> keep = new ArrayList<>();
        for (int n = 1; n <= deliveries; n++) {
            keep.add(SubscriberData.customer(n));
        }
        db.deleteFrom(NOTIFY_MESSAGES)
                .where(NOTIFY_MESSAGES.SHOP_ID.eq(shop.id()), NOTIFY_MESSAGES.CUSTOMER_ID.notIn(keep))
                .execute();
        int receivedBefore = bench.host().mail().getReceivedMessages().length;
        OutboxWorker worker = bench.bean(OutboxWorker.class);
        long start = System.nanoTime();
        try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Integer>> drained = List.of(workers.submit(worker::drain), workers.submit(worker::drain));
            for (Future<Integer> future : drained) {
                future.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("Delivery failed", e);
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        int received = bench.host().mail().getReceivedMessages().length - receivedBefore;
        int sent = db.fetchCount(NOTIFY_MESSAGES, NOTIFY_MESSAGES.SHOP_ID.eq(shop.id()),
                NOTIFY_MESSAGES.STATE.eq("SENT"));
        if (sent != deliveries || received != deliveries) {
            throw new IllegalStateException(deliveries + " to deliver, " + sent + " marked sent, " + received
                    + " received by the SMTP sink");
        }
        Samples rate = report.metric("delivered.rps", new Samples());
        rate.add(deliveries / elapsed);
        double rawRate = rawSmtp(bench, deliveries);
        report.metric("rawsmtp.rps", new Samples()).add(rawRate);
        report.note(String.format(Locale.ROOT, "Delivery (one run): %,d alerts rendered (FreeMarker, de/en) and sent"
                + " over SMTP to GreenMail in-process by the host's delivery code on 2 workers: %.1f s, %.0f"
                + " messages/s. Baseline: the same number of already rendered messages sent with plain JavaMail (Nagle off,"
                + " as the host), one connection per message, on 2 threads to the same sink: %.0f messages/s (%.2f×).", deliveries,
                elapsed, deliveries / elapsed, rawRate, deliveries / elapsed / rawRate));
    }

    /** Sends a stored alert again {@code count} times with plain JavaMail on 2 threads; returns messages per second. */
    private static double rawSmtp(BenchHost bench, int count) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(bench.host().mail().getSmtp().getPort());
        // the host's socket settings (Nagle off), so that the difference is the host's own work
        sender.getJavaMailProperties().put("mail.smtp.socketFactory", NoDelaySockets.INSTANCE);
        MimeMessage[] sample = bench.host().mail().getReceivedMessages();
        MimeMessage template = sample[sample.length - 1];
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> senders = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                senders.add(threads.submit(() -> {
                    while (next.getAndIncrement() < count) {
                        sender.send(template);
                    }
                    return null;
                }));
            }
            for (Future<?> future : senders) {
                future.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("Raw SMTP baseline failed", e);
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }
}
