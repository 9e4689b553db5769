package dev.aftersales.bench.load;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/**
 * A closed-loop HTTP load driver: {@code clients} virtual threads, each sending its next request as soon as the
 * previous answer arrived (like browsers or a platform's webhook senders with a connection each). Requests during the
 * warm-up are sent but not counted; latency is measured per request from send to the last byte of the answer.
 */
public final class LoadDriver {

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .build();

    /**
     * Runs the load and returns what was measured after the warm-up.
     *
     * @param requests the request a client sends next, from the client's running request number (each client
     *                 numbers its own requests; combine it with the client index to make ids unique)
     * @param ok       whether an answer counts as a success; the others count as errors
     */
    public LoadResult run(int clients, Duration warmUp, Duration measure, ClientRequests requests,
                          Predicate<HttpResponse<byte[]>> ok) {
        long start = System.nanoTime();
        long measureFrom = start + warmUp.toNanos();
        long measureUntil = measureFrom + measure.toNanos();
        LongAdder errors = new LongAdder();
        long[][] latencies = new long[clients][];
        int[] counts = new int[clients];
        // each client writes only its own slot; closing the executor publishes them to this thread
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                int client = c;
                latencies[client] = new long[1 << 14];
                IntFunction<HttpRequest> next = n -> requests.request(client, n);
                threads.submit(() -> {
                        int n = 0;
                        for (long now = System.nanoTime(); now < measureUntil; now = System.nanoTime()) {
                            HttpRequest request = next.apply(n++);
                            long sent = System.nanoTime();
                            boolean success = send(request, ok);
                            long answered = System.nanoTime();
                            if (sent >= measureFrom && answered <= measureUntil) {
                                if (!success) {
                                    errors.increment();
                                }
                                if (counts[client] == latencies[client].length) {
                                    latencies[client] = Arrays.copyOf(latencies[client], counts[client] * 2);
                                }
                                latencies[client][counts[client]++] = answered - sent;
                            }
                        }
                });
            }
        }
        int total = 0;
        for (int count : counts) {
            total += count;
        }
        long[] all = new long[total];
        int at = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(latencies[c], 0, all, at, counts[c]);
            at += counts[c];
        }
        return LoadResult.of(all, errors.sum(), measure);
    }

    private boolean send(HttpRequest request, Predicate<HttpResponse<byte[]>> ok) {
        try {
            return ok.test(http.send(request, HttpResponse.BodyHandlers.ofByteArray()));
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The request a client sends as its {@code n}-th. */
    @FunctionalInterface
    public interface ClientRequests {
        HttpRequest request(int client, int n);
    }
}
