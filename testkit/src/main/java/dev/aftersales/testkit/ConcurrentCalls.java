package dev.aftersales.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs many GraphQL calls at once against the host, for tests that many clients on one hot row (or one customer's
 * double click) never fail. All threads start together; a call fails when it throws, answers an HTTP status other than
 * 200 or carries GraphQL errors (userErrors are results, not failures: assert on them with {@link Report#results()}).
 *
 * <pre>{@code
 * ConcurrentCalls.Report report = ConcurrentCalls.run(8, 40, (thread, call) ->
 *         shop.storefront("c-" + thread + "-" + call).execute(SUBSCRIBE, Map.of("input", Map.of("variantId", "v-1"))));
 * report.assertNoFailures();
 * assertThat(report.results()).hasSize(320);
 * }</pre>
 */
public final class ConcurrentCalls {

    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    private ConcurrentCalls() {
    }

    /** One call of the run: {@code thread} in [0, threads), {@code call} in [0, callsPerThread). */
    @FunctionalInterface
    public interface Call {
        GraphQlResult execute(int thread, int call);
    }

    /**
     * Runs {@code callsPerThread} calls on each of {@code threads} threads, all released at the same moment, and
     * waits (at most three minutes) until every call answered.
     */
    public static Report run(int threads, int callsPerThread, Call call) {
        CountDownLatch start = new CountDownLatch(1);
        List<GraphQlResult> results = Collections.synchronizedList(new ArrayList<>());
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                running.add(pool.submit(() -> {
                    start.await();
                    for (int c = 0; c < callsPerThread; c++) {
                        try {
                            GraphQlResult result = call.execute(thread, c);
                            results.add(result);
                            if (result.status() != 200 || !result.errors().isEmpty()) {
                                failures.add("call " + thread + "/" + c + ": " + result);
                            }
                        } catch (RuntimeException | AssertionError e) {
                            failures.add("call " + thread + "/" + c + " threw " + e);
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            for (Future<?> thread : running) {
                thread.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (TimeoutException e) {
            throw new AssertionError("Concurrent calls did not finish within " + TIMEOUT, e);
        } catch (Exception e) {
            throw new IllegalStateException("Concurrent calls were interrupted", e);
        } finally {
            pool.shutdownNow();
        }
        return new Report(threads * callsPerThread, List.copyOf(results), List.copyOf(failures));
    }

    /**
     * What a run produced.
     *
     * @param calls    how many calls were made
     * @param results  every answer (in completion order)
     * @param failures a description of every failed call: exception, HTTP status or GraphQL errors with the response
     */
    public record Report(int calls, List<GraphQlResult> results, List<String> failures) {

        /** Fails the test with the first failures (and how many there were) unless every call succeeded. */
        public Report assertNoFailures() {
            if (!failures.isEmpty()) {
                throw new AssertionError(failures.size() + " of " + calls + " concurrent calls failed, e.g.\n"
                        + String.join("\n", failures.subList(0, Math.min(5, failures.size()))));
            }
            return this;
        }
    }
}
