package dev.aftersales.bench;

/** One figure of BENCHMARKS.md: runs its subject and its baseline in the same host and reports both. */
public interface Figure {

    /** The name on the command line ({@code ./aftersales bench <name>}). */
    String name();

    Report run(BenchHost bench, Options options);
}
