package dev.aftersales.plugins.pricealert;

import dev.aftersales.api.catalog.Money;
import java.math.BigDecimal;

/**
 * Decides what a new price means for one subscription: an alert, a new reference (the currency changed), or nothing.
 *
 * <ul>
 *   <li>"Any drop": an alert when the price lies at least {@code minDropPercent} below the reference.</li>
 *   <li>Target price: the first alert when the price reaches the target (at or below it); later ones, like "any
 *       drop", only when it falls at least {@code minDropPercent} below the price of the last alert.</li>
 *   <li>After an alert the reference is the alerted price, and it never rises: a rise and a fall back to the same
 *       price alert nobody ("once per drop"), and jitter smaller than the minimum drop is ignored.</li>
 *   <li>A price in another currency is no drop: "any drop" takes it as its new reference; a target, given in the
 *       old currency, waits until the price is in that currency again.</li>
 * </ul>
 */
final class DropRule {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    enum Decision {
        /** Notify, and measure the next drop against the new price. */
        ALERT,
        /** No alert; the new price (in a new currency) is the reference from now on. */
        REBASE,
        /** Nothing to do. */
        NONE
    }

    private DropRule() {
    }

    static Decision decide(Money reference, BigDecimal target, boolean alertedBefore, Money price,
                           BigDecimal minDropPercent) {
        if (!reference.currency().equalsIgnoreCase(price.currency())) {
            return target == null ? Decision.REBASE : Decision.NONE;
        }
        if (target != null) {
            if (price.amount().compareTo(target) > 0) {
                return Decision.NONE;
            }
            return !alertedBefore || droppedEnough(reference.amount(), price.amount(), minDropPercent)
                    ? Decision.ALERT : Decision.NONE;
        }
        return droppedEnough(reference.amount(), price.amount(), minDropPercent) ? Decision.ALERT : Decision.NONE;
    }

    /** Whether {@code price} lies below {@code reference} by more than nothing and at least {@code minDropPercent}. */
    static boolean droppedEnough(BigDecimal reference, BigDecimal price, BigDecimal minDropPercent) {
        if (price.compareTo(reference) >= 0) {
            return false;
        }
        // (reference - price) / reference >= minDropPercent / 100, without dividing
        return reference.subtract(price).multiply(HUNDRED).compareTo(minDropPercent.multiply(reference)) >= 0;
    }
}
