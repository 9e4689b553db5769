package dev.aftersales.bench.webhooks;

import static dev.aftersales.host.jooq.Tables.INBOX_EVENTS;

import dev.aftersales.bench.BenchHost;
import dev.aftersales.bench.CatalogData;
import dev.aftersales.bench.Figure;
import dev.aftersales.bench.Options;
import dev.aftersales.bench.Report;
import dev.aftersales.bench.Samples;
import dev.aftersales.bench.load.LoadDriver;
import dev.aftersales.bench.load.LoadResult;
import dev.aftersales.host.webhooks.Inbox;
import dev.aftersales.host.webhooks.InboxWorker;
import dev.aftersales.host.webhooks.WebhookSignature;
import dev.aftersales.testkit.TestShop;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/**
 * Figure 3: signed {@code stock.changed} deliveries with distinct ids from concurrent senders to
 * {@code POST /webhooks/{shop}} (checked, stored in the inbox, 202) with the inbox workers paused (the endpoint's own
 * rate), against the same endpoint answering 200 after the same checks without storing. Also measured: the rate while
 * the workers apply events at the same time, and the workers' rate of applying the backlog. At the end every accepted
 * delivery must be in the inbox.
 */
public final class WebhookIngest implements Figure {

    private static final int VARIANTS = 1_000;

    @Override
    public String name() {
        return "webhooks";
    }

    @Override
    public Report run(BenchHost bench, Options options) {
        TestShop shop = bench.newShop();
        new CatalogData(bench.sql(), shop.id()).seedVariants(VARIANTS);
        String secret = shop.webhooks().secret();
        Clock clock = bench.host().clock();
        URI base = bench.host().baseUrl();
        URI stored = base.resolve("/webhooks/" + shop.id());
        URI notStored = base.resolve(NonStoringWebhookEndpoint.PATH + shop.id());
        AtomicLong counted = new AtomicLong();
        AtomicLong runNumber = new AtomicLong();
        LoadDriver driver = new LoadDriver();

        Report report = new Report("Webhook ingest", "./aftersales bench webhooks " + options.describe(),
                bench.machine(), String.format(Locale.ROOT, "Signed `stock.changed` deliveries (Standard Webhooks"
                        + " HMAC-SHA256, distinct ids) for %,d variants, one shop. Medians of %d runs of %d s after a"
                        + " %d s warm-up per endpoint; the inbox workers apply a run's events before the next run"
                        + " starts.", VARIANTS, options.runs(), options.measure().toSeconds(),
                        options.warmUp().toSeconds()));
        InboxWorker workers = bench.bean(InboxWorker.class);
        for (int senders : options.clients()) {
            Samples[] paused = samples();
            Samples[] processing = samples();
            Samples[] baseline = samples();
            Samples ratio = new Samples();
            Samples applied = new Samples();
            for (int run = 0; run < options.runs(); run++) {
                Duration warmUp = run > 0 ? Duration.ofSeconds(1) : options.warmUp();
                // the endpoint alone: inbox workers paused, then timed while they apply the backlog
                workers.stop();
                LoadResult storedOnly = driver.run(senders, warmUp, options.measure(),
                        deliveries(stored, secret, clock, runNumber.incrementAndGet()), accepted(counted));
                workers.start();
                long drainStart = System.nanoTime();
                long backlog = pending(bench, shop.id());
                awaitApplied(bench, shop.id());
                applied.add(backlog / Math.max(1e-9, (System.nanoTime() - drainStart) / 1e9));
                // sustained: the workers apply events while the senders go on
                LoadResult storedWhileApplying = driver.run(senders, Duration.ofSeconds(1), options.measure(),
                        deliveries(stored, secret, clock, runNumber.incrementAndGet()), accepted(counted));
                awaitApplied(bench, shop.id());
                LoadResult notStoring = driver.run(senders, warmUp, options.measure(),
                        deliveries(notStored, secret, clock, runNumber.incrementAndGet()),
                        response -> response.statusCode() == 200);
                add(paused, storedOnly);
                add(processing, storedWhileApplying);
                add(baseline, notStoring);
                ratio.add(storedOnly.perSecond() / notStoring.perSecond());
            }
            report.table(senders + " senders", "deliveries/s", "p50 ms", "p99 ms", "errors", "vs not storing")
                    .row("POST /webhooks/{shop}: check, store, 202", paused[0].summary(), paused[1].summary(),
                            paused[2].summary(), paused[3].summary(), ratio.summary())
                    .row("the same while the inbox workers apply events", processing[0].summary(),
                            processing[1].summary(), processing[2].summary(), processing[3].summary(), "")
                    .row("same checks, 200 without storing", baseline[0].summary(), baseline[1].summary(),
                            baseline[2].summary(), baseline[3].summary(), "1")
                    .end();
            report.note(String.format(Locale.ROOT, "Applied by the inbox workers (one shop: one worker at a time,"
                    + " in arrival order), backlog / time to drain: %s events/s.", applied.summary()));
            report.metric("stored@" + senders + ".rps", paused[0]);
            report.metric("stored@" + senders + ".p99", paused[2]);
            report.metric("stored@" + senders + ".errors", paused[3]);
            report.metric("sustained@" + senders + ".rps", processing[0]);
            report.metric("notstored@" + senders + ".rps", baseline[0]);
            report.metric("applied@" + senders + ".rps", applied);
        }
        int inInbox = bench.sql().fetchCount(INBOX_EVENTS, INBOX_EVENTS.SHOP_ID.eq(shop.id()));
        if (inInbox != counted.get()) {
            throw new IllegalStateException("The host accepted " + counted.get() + " deliveries but its inbox holds "
                    + inInbox);
        }
        report.note(String.format(Locale.ROOT, "Check: %,d deliveries accepted with 202, %,d events in the inbox.",
                counted.get(), inInbox));
        return report;
    }

    private static Samples[] samples() {
        return new Samples[] {new Samples(), new Samples(), new Samples(), new Samples()};
    }

    private static LoadDriver.ClientRequests deliveries(URI endpoint, String secret, Clock clock, long run) {
        return (client, n) -> delivery(endpoint, secret, clock, "evt-" + run + "-" + client + "-" + n);
    }

    /** 202 counts as success; every 202 is counted to check the inbox against at the end. */
    private static Predicate<HttpResponse<byte[]>> accepted(AtomicLong counted) {
        return response -> {
            boolean ok = response.statusCode() == 202;
            if (ok) {
                counted.incrementAndGet();
            }
            return ok;
        };
    }

    private static void add(Samples[] samples, LoadResult result) {
        samples[0].add(result.perSecond());
        samples[1].add(result.p50Millis());
        samples[2].add(result.p99Millis());
        samples[3].add(result.errors());
    }

    private static HttpRequest delivery(URI endpoint, String secret, Clock clock, String eventId) {
        Instant now = clock.instant();
        String variant = CatalogData.variantId(1 + ThreadLocalRandom.current().nextInt(VARIANTS));
        byte[] body = ("{\"id\":\"" + eventId + "\",\"type\":\"stock.changed\",\"occurredAt\":\"" + now
                + "\",\"data\":{\"variantId\":\"" + variant + "\",\"stock\":"
                + ThreadLocalRandom.current().nextInt(100) + ",\"updatedAt\":\"" + now + "\"}}")
                .getBytes(StandardCharsets.UTF_8);
        String timestamp = String.valueOf(now.getEpochSecond());
        return HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json")
                .header("webhook-id", eventId)
                .header("webhook-timestamp", timestamp)
                .header("webhook-signature", WebhookSignature.header(secret, eventId, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }

    private static long pending(BenchHost bench, String shopId) {
        Map<String, Integer> counts = bench.bean(Inbox.class).counts(shopId);
        return counts.get(Inbox.PENDING) + counts.get(Inbox.PROCESSING) + counts.getOrDefault(Inbox.RETRY, 0);
    }

    private static void awaitApplied(BenchHost bench, String shopId) {
        Awaitility.await("the inbox drained").atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> pending(bench, shopId) == 0);
    }
}
