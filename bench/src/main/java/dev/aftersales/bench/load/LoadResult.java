package dev.aftersales.bench.load;

import java.time.Duration;
import java.util.Arrays;

/** What one load run measured: answers per second, errors and latency percentiles (milliseconds). */
public record LoadResult(long requests, long errors, double perSecond, double p50Millis, double p99Millis) {

    static LoadResult of(long[] latencyNanos, long errors, Duration measured) {
        long[] sorted = latencyNanos.clone();
        Arrays.sort(sorted);
        return new LoadResult(sorted.length, errors, sorted.length / (measured.toNanos() / 1e9),
                percentile(sorted, 0.50), percentile(sorted, 0.99));
    }

    /** Nearest-rank percentile, in milliseconds; 0 without samples. */
    private static double percentile(long[] sorted, double fraction) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(fraction * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }
}
