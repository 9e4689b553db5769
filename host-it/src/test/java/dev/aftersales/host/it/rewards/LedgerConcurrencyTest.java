package dev.aftersales.host.it.rewards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.table;

import dev.aftersales.api.rewards.LedgerEntry;
import dev.aftersales.api.rewards.Rewards;
import dev.aftersales.host.rewards.DriftCheck;
import dev.aftersales.host.rewards.RewardsLedger;
import dev.aftersales.testkit.AftersalesHost;
import dev.aftersales.testkit.TestShop;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jooq.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * 10,000 ledger operations (earn, pending earn, spend, hold and release, reverse, negative correction) on a few hot
 * customers from 16 threads, with a watcher reading every balance while they run. Afterwards every balance equals
 * the sum of its entries, none was ever negative, nothing failed, and replaying every booked operation changes nothing.
 */
class LedgerConcurrencyTest {

    private static final int OPERATIONS = 10_000;
    private static final int THREADS = 16;
    private static final int CUSTOMERS = 8;
    private static final int SEED_EARNINGS = 40;

    @RegisterExtension
    static final AftersalesHost host = AftersalesHost.withPlugins();

    @Test
    void tenThousandConcurrentOperationsKeepEveryBalanceEqualToItsEntriesAndNeverNegative(TestShop shop)
            throws Exception {
        Rewards rewards = host.bean(RewardsLedger.class).forShop(shop.id(), "loyalty");
        for (int c = 0; c < CUSTOMERS; c++) {
            for (int i = 0; i < SEED_EARNINGS; i++) {
                rewards.earn(customer(c), 50, "Seed", null, seedKey(c, i), null);
            }
        }
        List<Supplier<Object>> operations = operations(rewards, host.clock().instant());
        ConcurrentLinkedQueue<Supplier<Object>> booked = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong lowest = new AtomicLong(Long.MAX_VALUE);
        AtomicLong watches = new AtomicLong();
        Thread watcher = Thread.ofPlatform().start(() -> {
            while (running.get()) {
                Long min = shop.sql().select(org.jooq.impl.DSL.min(field("available", Long.class)))
                        .from(table("rewards_balances")).where(field("shop_id").eq(shop.id()))
                        .fetchOne(0, Long.class);
                lowest.accumulateAndGet(min == null ? 0 : min, Math::min);
                watches.incrementAndGet();
            }
        });

        try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
            List<Future<?>> futures = new ArrayList<>();
            for (Supplier<Object> operation : operations) {
                futures.add(pool.submit(() -> {
                    try {
                        if (isBooked(operation.get())) {
                            booked.add(operation);
                        }
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            running.set(false);
            watcher.join();
        }

        assertThat(failures).isEmpty();
        assertThat(watches.get()).isPositive();
        assertThat(lowest.get()).isGreaterThanOrEqualTo(0);
        assertBalancesEqualTheirEntries(shop);

        List<Map<String, Object>> before = snapshot(shop);
        long entriesBefore = entries(shop);
        try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
            List<Future<Object>> replays = booked.stream().map(op -> pool.submit(op::get)).toList();
            for (Future<Object> replay : replays) {
                replay.get();
            }
        }
        assertThat(entries(shop)).isEqualTo(entriesBefore);
        assertThat(snapshot(shop)).isEqualTo(before);
        assertBalancesEqualTheirEntries(shop);
    }

    /** Deterministic mix; reversals point at seed earnings, which exist before the run starts. */
    private static List<Supplier<Object>> operations(Rewards rewards, Instant now) {
        Random random = new Random(12);
        List<Supplier<Object>> operations = new ArrayList<>();
        for (int n = 0; n < OPERATIONS; n++) {
            String customer = customer(random.nextInt(CUSTOMERS));
            int c = Integer.parseInt(customer.substring(1));
            long points = 1 + random.nextInt(60);
            String key = "op:" + n;
            operations.add(switch (random.nextInt(7)) {
                case 0 -> () -> rewards.earn(customer, points, "Order", null, key, null);
                case 1 -> () -> rewards.earn(customer, points, "Order", null, key, now.plus(Duration.ofHours(1)));
                case 2, 3 -> () -> rewards.spend(customer, points, "Coupon", null, key);
                case 4 -> () -> rewards.reserve(customer, points, "Coupon", null, key)
                        .map(hold -> rewards.release(hold.idempotencyKey()));
                case 5 -> {
                    String original = seedKey(c, random.nextInt(SEED_EARNINGS));
                    yield () -> rewards.reverse(original, points, "Return", key);
                }
                default -> () -> rewards.adjust(customer, -points, "Correction", key);
            });
        }
        Collections.shuffle(operations, random);
        return operations;
    }

    private static boolean isBooked(Object result) {
        return result instanceof LedgerEntry || result instanceof Optional<?> optional && optional.isPresent();
    }

    private static void assertBalancesEqualTheirEntries(TestShop shop) {
        assertThat(host.bean(DriftCheck.class).check(shop.id()).customersWithDrift()).isZero();
        // and independently of the drift check: available = non-pending entries but released holds, pending = the rest
        for (int c = 0; c < CUSTOMERS; c++) {
            Record balance = shop.sql().select(field("available"), field("pending"), field("reserved"))
                    .from(table("rewards_balances"))
                    .where(field("shop_id").eq(shop.id()).and(field("customer_id").eq(customer(c)))).fetchOne();
            assertThat(balance.get(0, Long.class)).isGreaterThanOrEqualTo(0L)
                    .isEqualTo(sumOfEntries(shop, c, field("in_pending").isFalse().and(field("state").ne("RELEASED"))));
            assertThat(balance.get(1, Long.class)).isEqualTo(sumOfEntries(shop, c, field("in_pending").isTrue()));
            assertThat(balance.get(2, Long.class)).isZero();
        }
    }

    private static long sumOfEntries(TestShop shop, int c, org.jooq.Condition which) {
        BigDecimal sum = shop.sql().select(sum(field("amount", Long.class))).from(table("rewards_entries"))
                .where(field("shop_id").eq(shop.id()).and(field("customer_id").eq(customer(c))).and(which))
                .fetchOne(0, BigDecimal.class);
        return sum == null ? 0 : sum.longValueExact();
    }

    private static List<Map<String, Object>> snapshot(TestShop shop) {
        return shop.sql().selectFrom(table("rewards_balances")).where(field("shop_id").eq(shop.id()))
                .orderBy(field("customer_id")).fetchMaps();
    }

    private static long entries(TestShop shop) {
        return shop.sql().fetchCount(table("rewards_entries"), field("shop_id").eq(shop.id()));
    }

    private static String customer(int c) {
        return "c" + c;
    }

    private static String seedKey(int c, int i) {
        return "seed:" + c + ":" + i;
    }
}
