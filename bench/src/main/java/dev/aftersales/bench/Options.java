package dev.aftersales.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * How large and how long: the defaults are the figures of BENCHMARKS.md; {@link #smoke()} is the CI smoke run (tiny
 * data, about a second per measurement).
 *
 * @param runs        measured runs per figure and variant; reports give the median and range over them
 * @param clients     concurrent clients (or webhook senders) of the load figures, one table per value
 * @param customers   customers with wishlists (each 3 lists of 20 items)
 * @param subscribers subscribers of one variant for the restock fan-out, one table per value
 * @param deliveries  messages delivered to the SMTP sink after a fan-out
 * @param warmUp      load before the first measured run of each endpoint (JIT, pools, caches)
 * @param measure     length of one measured load run
 */
public record Options(int runs, List<Integer> clients, int customers, List<Integer> subscribers, int deliveries,
                      Duration warmUp, Duration measure) {

    public static Options defaults() {
        return new Options(5, List.of(32), 10_000, List.of(100_000), 10_000, Duration.ofSeconds(20),
                Duration.ofSeconds(10));
    }

    public static Options smoke() {
        return new Options(1, List.of(4), 30, List.of(100, 300), 50, Duration.ofSeconds(1), Duration.ofSeconds(1));
    }

    /** The defaults changed by {@code --runs 5 --clients 1,8,32 --customers 10000 --subscribers 10000,100000 ...}. */
    public static Options parse(List<String> arguments) {
        Options options = arguments.contains("--smoke") ? smoke() : defaults();
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (!argument.startsWith("--") || argument.equals("--smoke")) {
                continue;
            }
            if (i + 1 >= arguments.size()) {
                throw new IllegalArgumentException(argument + " needs a value");
            }
            String value = arguments.get(++i);
            options = switch (argument) {
                case "--runs" -> new Options(Integer.parseInt(value), options.clients, options.customers,
                        options.subscribers, options.deliveries, options.warmUp, options.measure);
                case "--clients" -> new Options(options.runs, integers(value), options.customers,
                        options.subscribers, options.deliveries, options.warmUp, options.measure);
                case "--customers" -> new Options(options.runs, options.clients, Integer.parseInt(value),
                        options.subscribers, options.deliveries, options.warmUp, options.measure);
                case "--subscribers" -> new Options(options.runs, options.clients, options.customers,
                        integers(value), options.deliveries, options.warmUp, options.measure);
                case "--deliveries" -> new Options(options.runs, options.clients, options.customers,
                        options.subscribers, Integer.parseInt(value), options.warmUp, options.measure);
                case "--warm-up" -> new Options(options.runs, options.clients, options.customers,
                        options.subscribers, options.deliveries, Duration.ofSeconds(Long.parseLong(value)),
                        options.measure);
                case "--measure" -> new Options(options.runs, options.clients, options.customers,
                        options.subscribers, options.deliveries, options.warmUp,
                        Duration.ofSeconds(Long.parseLong(value)));
                default -> throw new IllegalArgumentException("Unknown option " + argument);
            };
        }
        return options;
    }

    private static List<Integer> integers(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).map(Integer::parseInt).toList();
    }

    /** The options as they would be typed, for the report's command line. */
    public String describe() {
        return "--runs " + runs + " --clients " + join(clients) + " --customers " + customers + " --subscribers "
                + join(subscribers) + " --deliveries " + deliveries + " --warm-up " + warmUp.toSeconds()
                + " --measure " + measure.toSeconds();
    }

    private static String join(List<Integer> values) {
        return String.join(",", values.stream().map(String::valueOf).toList());
    }
}
