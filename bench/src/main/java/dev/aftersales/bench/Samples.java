package dev.aftersales.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The values of one metric over repeated runs, summarised as median and range. */
public final class Samples {

    private final List<Double> values = new ArrayList<>();

    public void add(double value) {
        values.add(value);
    }

    /** The value added last. */
    public double last() {
        return values.getLast();
    }

    public int size() {
        return values.size();
    }

    public double median() {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    public double min() {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    public double max() {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    /** {@code median (min–max)} with a precision that suits the magnitude. */
    public String summary() {
        return format(median()) + " (" + format(min()) + "–" + format(max()) + ")";
    }

    static String format(double value) {
        double magnitude = Math.abs(value);
        String pattern = magnitude >= 100 ? "%.0f" : magnitude >= 10 ? "%.1f" : "%.2f";
        return String.format(Locale.ROOT, pattern, value);
    }
}
