package dev.aftersales.host.holdout;

import java.util.Locale;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * The comparison of treated and held-out customers, from per-group sums only (the database adds them up; no customer
 * list is held in memory). Conversion: difference of two proportions with the unpooled normal (Wald) interval.
 * Revenue per customer: difference of means with Welch's interval (t with Welch–Satterthwaite degrees of freedom),
 * which does not assume equal variances. Both at 95 %; below {@value #MIN_CUSTOMERS} customers or
 * {@value #MIN_CONVERTED} ordering customers in a group the normal approximation does not hold and the report says so.
 */
final class LiftStatistics {

    static final int MIN_CUSTOMERS = 100;
    static final int MIN_CONVERTED = 5;
    static final String METHOD = "Conversion: difference of two proportions, unpooled normal (Wald) 95 % interval. "
            + "Revenue per customer: difference of means, Welch 95 % interval. Groups: customers as assigned when the "
            + "feature first meant to message them in the period (intention to treat).";
    private static final double Z = new NormalDistribution(null, 0, 1).inverseCumulativeProbability(0.975);

    private LiftStatistics() {
    }

    /** What the database summed for one group: customers, customers with an order, orders, revenue and its squares. */
    record Totals(long customers, long converted, long orders, double revenue, double revenueSquares) {

        double conversion() {
            return customers == 0 ? 0 : (double) converted / customers;
        }

        double revenuePerCustomer() {
            return customers == 0 ? 0 : revenue / customers;
        }

        /** Sample variance of revenue per customer. */
        double revenueVariance() {
            return customers < 2 ? 0 : Math.max(0, (revenueSquares - revenue * revenue / customers) / (customers - 1));
        }
    }

    /** A difference (treated minus held out) with its 95 % interval; no bounds while a group has under 2 customers. */
    record Interval(double estimate, Double low, Double high) {
    }

    enum Verdict { TOO_FEW_CUSTOMERS, LIFT, NO_CLEAR_DIFFERENCE, NEGATIVE }

    record Comparison(Interval conversionPoints, Interval revenuePerCustomer, Verdict verdict, String message) {
    }

    static Comparison compare(Totals treated, Totals heldOut) {
        Interval conversion = conversionPoints(treated, heldOut);
        Interval revenue = revenuePerCustomer(treated, heldOut);
        if (tooFew(treated) || tooFew(heldOut)) {
            return new Comparison(conversion, revenue, Verdict.TOO_FEW_CUSTOMERS, String.format(Locale.ROOT,
                    "Too few customers to tell yet: each group needs at least %d customers and %d of them ordering "
                            + "(treated: %d customers, %d ordering; held out: %d customers, %d ordering).",
                    MIN_CUSTOMERS, MIN_CONVERTED, treated.customers(), treated.converted(), heldOut.customers(),
                    heldOut.converted()));
        }
        String interval = String.format(Locale.ROOT, "%.1f points (95 %% CI %.1f to %.1f)", conversion.estimate(),
                conversion.low(), conversion.high());
        if (conversion.low() > 0) {
            return new Comparison(conversion, revenue, Verdict.LIFT,
                    "Messaged customers converted more often than held-out ones by " + interval
                            + ": the feature brings orders that would not have come without it.");
        }
        if (conversion.high() < 0) {
            return new Comparison(conversion, revenue, Verdict.NEGATIVE,
                    "Messaged customers converted less often than held-out ones, by " + interval
                            + ": the messages seem to cost orders.");
        }
        return new Comparison(conversion, revenue, Verdict.NO_CLEAR_DIFFERENCE,
                "No clear difference in conversion yet: " + interval
                        + ". Keep the holdout running, or raise its share, until the interval excludes 0.");
    }

    /** Treated minus held-out conversion, in percentage points. */
    static Interval conversionPoints(Totals treated, Totals heldOut) {
        double p1 = treated.conversion();
        double p2 = heldOut.conversion();
        double difference = p1 - p2;
        if (treated.customers() == 0 || heldOut.customers() == 0) {
            return new Interval(100 * difference, null, null);
        }
        double se = Math.sqrt(variance(p1, treated.customers()) + variance(p2, heldOut.customers()));
        return new Interval(100 * difference, 100 * (difference - Z * se), 100 * (difference + Z * se));
    }

    /** Treated minus held-out revenue per customer, Welch. */
    static Interval revenuePerCustomer(Totals treated, Totals heldOut) {
        double difference = treated.revenuePerCustomer() - heldOut.revenuePerCustomer();
        if (treated.customers() < 2 || heldOut.customers() < 2) {
            return new Interval(difference, null, null);
        }
        double a = treated.revenueVariance() / treated.customers();
        double b = heldOut.revenueVariance() / heldOut.customers();
        double se = Math.sqrt(a + b);
        if (se == 0) {
            return new Interval(difference, difference, difference);
        }
        double degrees = (a + b) * (a + b)
                / (a * a / (treated.customers() - 1) + b * b / (heldOut.customers() - 1));
        double t = new TDistribution(null, degrees).inverseCumulativeProbability(0.975);
        return new Interval(difference, difference - t * se, difference + t * se);
    }

    private static double variance(double proportion, long n) {
        return proportion * (1 - proportion) / n;
    }

    private static boolean tooFew(Totals group) {
        return group.customers() < MIN_CUSTOMERS || group.converted() < MIN_CONVERTED;
    }
}
