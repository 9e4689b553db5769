package dev.aftersales.plugins.replenishment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * When a customer's consumable runs out, and which rule said so. Pure logic: the inputs come from the due table.
 * <ol>
 *   <li>{@link Rule#OWN_INTERVAL}: the customer set their own interval (days between purchases);</li>
 *   <li>{@link Rule#CUSTOMER_MEDIAN}: the customer bought the variant at least twice: the median of their own
 *       intervals, per unit;</li>
 *   <li>{@link Rule#SHOP_MEDIAN}: enough repeat buyers: the median of their medians, per unit;</li>
 *   <li>{@link Rule#USAGE_DAYS}: the operator's usage days per unit;</li>
 *   <li>{@link Rule#NONE}: the operator gave the variant (and its product) no usage days: not a consumable, never
 *       reminded, whatever was learned.</li>
 * </ol>
 * The run-out date is the last purchase plus units × days per unit (own interval: plus that interval), one cycle
 * further for each skipped reminder; a cycle lasts between 1 and {@value #MAX_CYCLE_DAYS} days.
 */
record Timing(Rule rule, BigDecimal unitDays, Instant runOutAt) {

    static final int MAX_CYCLE_DAYS = 730;

    enum Rule { OWN_INTERVAL, CUSTOMER_MEDIAN, SHOP_MEDIAN, USAGE_DAYS, NONE }

    /**
     * @param lastPurchase when the current cycle started
     * @param units        units of the last purchase, already bounded
     * @param customDays   the customer's own interval, or null
     * @param customerDays the customer's median days per unit, or null
     * @param shopDays     the shop-wide median days per unit when enough repeat buyers exist, or null
     * @param usageDays    the operator's usage days per unit, or null (not a consumable)
     * @param skipped      reminders the customer skipped in this cycle
     */
    static Timing of(Instant lastPurchase, int units, Integer customDays, BigDecimal customerDays, BigDecimal shopDays,
                     Integer usageDays, int skipped) {
        if (usageDays == null) {
            return new Timing(Rule.NONE, null, null);
        }
        if (customDays != null) {
            return new Timing(Rule.OWN_INTERVAL, null, runOut(lastPurchase, BigDecimal.valueOf(customDays), skipped));
        }
        Rule rule = customerDays != null ? Rule.CUSTOMER_MEDIAN : shopDays != null ? Rule.SHOP_MEDIAN : Rule.USAGE_DAYS;
        BigDecimal perUnit = customerDays != null ? customerDays : shopDays != null ? shopDays
                : BigDecimal.valueOf(usageDays);
        return new Timing(rule, perUnit, runOut(lastPurchase, perUnit.multiply(BigDecimal.valueOf(units)), skipped));
    }

    private static Instant runOut(Instant start, BigDecimal cycleDays, int skipped) {
        BigDecimal bounded = cycleDays.max(BigDecimal.ONE).min(BigDecimal.valueOf(MAX_CYCLE_DAYS));
        long minutes = bounded.multiply(BigDecimal.valueOf(24 * 60)).setScale(0, RoundingMode.HALF_UP).longValue();
        return start.plus(Duration.ofMinutes(minutes * (1L + skipped)));
    }

    /** A purchase of one variant by one customer: when, and how many units (net of returns). */
    record Purchase(Instant placedAt, int quantity) {
    }

    /**
     * The median days per unit between a customer's purchases of one variant (each interval divided by the units of
     * the purchase that started it), or null with fewer than two purchases. Fully returned purchases do not count.
     *
     * @param purchases oldest first
     */
    static BigDecimal medianDaysPerUnit(List<Purchase> purchases) {
        List<Purchase> kept = purchases.stream().filter(p -> p.quantity() > 0).toList();
        if (kept.size() < 2) {
            return null;
        }
        List<BigDecimal> perUnit = new ArrayList<>();
        for (int i = 1; i < kept.size(); i++) {
            long minutes = Duration.between(kept.get(i - 1).placedAt(), kept.get(i).placedAt()).toMinutes();
            perUnit.add(BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(24L * 60 * kept.get(i - 1).quantity()),
                    2, RoundingMode.HALF_UP));
        }
        return median(perUnit);
    }

    /** The median of the values (the mean of the middle two for an even count), or null for none. */
    static BigDecimal median(List<BigDecimal> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<BigDecimal> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle)
                : sorted.get(middle - 1).add(sorted.get(middle)).divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP);
    }
}
