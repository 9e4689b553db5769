package dev.aftersales.bench.ledger;

import dev.aftersales.api.rewards.Rewards;
import dev.aftersales.bench.BenchHost;
import dev.aftersales.bench.Figure;
import dev.aftersales.bench.Options;
import dev.aftersales.bench.Report;
import dev.aftersales.bench.Samples;
import dev.aftersales.host.rewards.DriftCheck;
import dev.aftersales.host.rewards.RewardsLedger;
import dev.aftersales.testkit.TestShop;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jooq.DSLContext;

/**
 * Figure: rewards ledger operations per second (half earn 1 point, half spend 1 point, random customers, each with its
 * own idempotency key: entry + conditional balance update in one transaction) from concurrent clients through the
 * host's ledger service, against the raw baseline of the same run: one autocommitted single-row
 * {@code UPDATE ... SET balance = balance - 1 WHERE ... AND balance >= 1} on the same database and connection pool.
 * Then the drift check's time over {@code customers × 100} entries of one shop (1M with the defaults), which must find
 * no difference.
 */
public final class LedgerThroughput implements Figure {

    private static final int ENTRIES_PER_CUSTOMER = 100;
    private static final String BASELINE_TABLE = "bench_raw_balance";
    private static final String SEQUENCE_TABLE = "bench_sequence";
    private static final int SEED_CUSTOMERS = 200;

    @Override
    public String name() {
        return "ledger";
    }

    @Override
    public Report run(BenchHost bench, Options options) {
        DSLContext db = bench.bean(DSLContext.class);
        int customers = options.customers();
        Report report = new Report("Rewards ledger", "./aftersales bench ledger " + options.describe(),
                bench.machine(), String.format(Locale.ROOT, "Ledger operations through the host's `RewardsLedger`"
                        + " (in process, its connection pool): alternately earn and spend 1 point for one of %,d"
                        + " customers at random, each with a new idempotency key. Baseline in the same run: one"
                        + " autocommitted `UPDATE %s SET balance = balance - 1 WHERE id = ? AND balance >= 1` on one"
                        + " of %,d rows. Medians of %d runs of %d s after a %d s warm-up.", customers,
                        BASELINE_TABLE, customers, options.runs(), options.measure().toSeconds(),
                        options.warmUp().toSeconds()));
        TestShop shop = bench.newShop();
        Rewards rewards = bench.bean(RewardsLedger.class).forShop(shop.id(), "bench");
        for (int c = 0; c < customers; c++) {
            rewards.earn("c" + c, 1_000_000, "Bench seed", null, "seed:" + c, null);
        }
        prepareBaseline(db, customers);
        AtomicLong keys = new AtomicLong();
        for (int clients : options.clients()) {
            Samples ledger = new Samples();
            Samples raw = new Samples();
            Samples ratio = new Samples();
            for (int run = 0; run < options.runs(); run++) {
                Duration warmUp = run > 0 ? Duration.ofSeconds(1) : options.warmUp();
                double ledgerRate = rate(clients, warmUp, options.measure(), () -> {
                    String customer = "c" + ThreadLocalRandom.current().nextInt(customers);
                    long n = keys.incrementAndGet();
                    if (n % 2 == 0) {
                        rewards.earn(customer, 1, "Bench earn", null, "op:" + n, null);
                    } else {
                        rewards.spend(customer, 1, "Bench spend", null, "op:" + n).orElseThrow();
                    }
                });
                double rawRate = rate(clients, warmUp, options.measure(), () -> {
                    int updated = db.execute("UPDATE " + BASELINE_TABLE
                            + " SET balance = balance - 1 WHERE id = ? AND balance >= 1",
                            ThreadLocalRandom.current().nextInt(customers));
                    if (updated != 1) {
                        throw new IllegalStateException("The baseline row ran out of balance");
                    }
                });
                ledger.add(ledgerRate);
                raw.add(rawRate);
                ratio.add(ledgerRate / rawRate);
            }
            report.table(clients + " clients", "operations/s", "vs raw UPDATE")
                    .row("ledger: earn or spend (entry + balance, one transaction)", ledger.summary(), ratio.summary())
                    .row("raw single-row `UPDATE ... WHERE balance >= 1`", raw.summary(), "1")
                    .end();
            report.metric("ledger@" + clients + ".rps", ledger);
            report.metric("raw@" + clients + ".rps", raw);
            report.metric("ratio@" + clients, ratio);
        }
        DriftCheck drift = bench.bean(DriftCheck.class);
        DriftCheck.Result mid = drift.check(shop.id());
        if (mid.customersWithDrift() != 0) {
            throw new IllegalStateException("Drift after the load: " + mid.drifts());
        }
        TestShop big = bench.newShop();
        long entries = seedEntries(db, big.id(), customers);
        Samples seconds = new Samples();
        for (int run = 0; run < options.runs(); run++) {
            DriftCheck.Result result = drift.check(big.id());
            if (result.customersWithDrift() != 0) {
                throw new IllegalStateException("Drift in the seeded ledger: " + result.drifts());
            }
            seconds.add(result.took().toMillis() / 1000.0);
        }
        report.table(String.format(Locale.ROOT, "drift check, %,d entries of %,d customers", entries, customers),
                        "seconds", "differences")
                .row("recompute every balance from its entries (one shop)", seconds.summary(), "0")
                .end();
        report.metric("drift.seconds", seconds);
        report.note(String.format(Locale.ROOT, "Check: after the load, the drift check of the load's shop found %d"
                + " differences over %,d balances.", mid.customersWithDrift(), customers));
        db.execute("DROP TABLE " + BASELINE_TABLE);
        return report;
    }

    private static void prepareBaseline(DSLContext db, int rows) {
        db.execute("DROP TABLE IF EXISTS " + BASELINE_TABLE);
        db.execute("CREATE TABLE " + BASELINE_TABLE + " (id INT NOT NULL PRIMARY KEY, balance BIGINT NOT NULL)"
                + " ENGINE=InnoDB");
        for (int from = 0; from < rows; from += 1000) {
            StringBuilder insert = new StringBuilder("INSERT INTO " + BASELINE_TABLE + " (id, balance) VALUES ");
            for (int id = from; id < Math.min(rows, from + 1000); id++) {
                insert.append(id == from ? "" : ",").append("(").append(id).append(", 1000000000)");
            }
            db.execute(insert.toString());
        }
    }

    /**
     * {@code customers × 100} entries (earnings and spends) and their balances, written in bulk with SQL by the
     * ledger's own rules, so the drift check must find them equal; in statements of {@value #SEED_CUSTOMERS}
     * customers, each well inside the host's statement timeout.
     */
    private static long seedEntries(DSLContext db, String shopId, int customers) {
        db.execute("DROP TABLE IF EXISTS " + SEQUENCE_TABLE);
        db.execute("CREATE TABLE " + SEQUENCE_TABLE + " (i INT NOT NULL PRIMARY KEY) ENGINE=InnoDB");
        StringBuilder values = new StringBuilder("INSERT INTO " + SEQUENCE_TABLE + " (i) VALUES ");
        for (int i = 0; i < ENTRIES_PER_CUSTOMER; i++) {
            values.append(i == 0 ? "" : ",").append("(").append(i).append(")");
        }
        db.execute(values.toString());
        for (int from = 0; from < customers; from += SEED_CUSTOMERS) {
            int to = Math.min(customers, from + SEED_CUSTOMERS);
            db.execute("""
                    INSERT INTO rewards_entries (shop_id, customer_id, feature_id, kind, state, in_pending, amount,
                      shortfall, reversed_points, reason, reference, idempotency_key, original_id, original_key,
                      created_at, available_at)
                    SELECT ?, CONCAT('c', c.i), 'bench', IF(MOD(n.i, 4) = 3, 'SPEND', 'EARN'),
                           IF(MOD(n.i, 4) = 3, 'SPENT', 'AVAILABLE'), FALSE, IF(MOD(n.i, 4) = 3, -5, 10), 0, 0, 'Bench', NULL,
                           CONCAT('bulk:', c.i, ':', n.i), NULL, NULL, NOW(6), NOW(6)
                    FROM %1$s n, (SELECT a.i * 100 + b.i + ? AS i FROM %1$s a, %1$s b) c
                    WHERE c.i < ?""".formatted(SEQUENCE_TABLE), shopId, from, to);
            db.execute("""
                    INSERT INTO rewards_balances (shop_id, customer_id, available, pending, reserved,
                      lifetime_earned, last_activity_at)
                    SELECT ?, CONCAT('c', c.i), 625, 0, 0, 750, NOW(6)
                    FROM (SELECT a.i * 100 + b.i + ? AS i FROM %1$s a, %1$s b) c
                    WHERE c.i < ?""".formatted(SEQUENCE_TABLE), shopId, from, to);
        }
        db.execute("DROP TABLE " + SEQUENCE_TABLE);
        return (long) customers * ENTRIES_PER_CUSTOMER;
    }

    /** Runs {@code operation} from {@code clients} threads; operations per second over the measured window. */
    private static double rate(int clients, Duration warmUp, Duration measure, Runnable operation) {
        AtomicBoolean counting = new AtomicBoolean(false);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong done = new AtomicLong();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<Future<?>> workers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                workers.add(pool.submit(() -> {
                    while (running.get()) {
                        operation.run();
                        if (counting.get()) {
                            done.incrementAndGet();
                        }
                    }
                }));
            }
            sleep(warmUp);
            counting.set(true);
            long start = System.nanoTime();
            sleep(measure);
            counting.set(false);
            double seconds = (System.nanoTime() - start) / 1e9;
            running.set(false);
            for (Future<?> worker : workers) {
                worker.get();
            }
            return done.get() / seconds;
        } catch (Exception e) {
            throw new IllegalStateException("A ledger benchmark client failed", e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
