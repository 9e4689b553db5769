package dev.aftersales.api.notify;

/**
 * What kind of message this is; consent, unsubscribe and frequency caps work per category.
 *
 * <ul>
 *   <li>{@link #TRANSACTIONAL} — a direct consequence of what the person just did (e.g. the double opt-in
 *       confirmation). No advertising. Never capped, never delayed by quiet hours.</li>
 *   <li>{@link #ALERT} — something the person asked to be told about (back in stock, price drop). No cross-selling.</li>
 *   <li>{@link #REMINDER} — a service reminder about earlier purchases (replenishment, review request).</li>
 *   <li>{@link #MARKETING} — advertising; needs double opt-in from customers and guests alike.</li>
 * </ul>
 *
 * Guests need a confirmed double opt-in for every category but {@code TRANSACTIONAL}; signed-in customers only for
 * {@code MARKETING} (they may unsubscribe from any category).
 */
public enum Category {
    TRANSACTIONAL, ALERT, REMINDER, MARKETING;

    /** Whether a guest (an address not tied to a shop account) needs a confirmed double opt-in. */
    public boolean needsDoubleOptInForGuests() {
        return this != TRANSACTIONAL;
    }

    /** Whether a signed-in customer needs a confirmed double opt-in. */
    public boolean needsDoubleOptInForCustomers() {
        return this == MARKETING;
    }

    /** Whether frequency caps and quiet hours apply. */
    public boolean isContactPressure() {
        return this != TRANSACTIONAL;
    }
}
