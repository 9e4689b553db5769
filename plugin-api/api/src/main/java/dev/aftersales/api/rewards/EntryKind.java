package dev.aftersales.api.rewards;

/**
 * What booked a ledger entry. The sign of {@link LedgerEntry#amount()} follows from it: {@code EARN} adds,
 * {@code REVERSAL}, {@code SPEND} and {@code EXPIRY} take away, {@code ADJUSTMENT} does either.
 *
 * <pre>{@code
 * if (entry.kind() == EntryKind.REVERSAL) {
 *     String original = entry.originalKey(); // the entry it reverses
 * }
 * }</pre>
 */
public enum EntryKind {
    /** Points given for something the customer did: an order, a review, a referral, a sign-up. */
    EARN,
    /** Points taken back from an earlier entry (a return, a withdrawn review); points at the original. */
    REVERSAL,
    /** Points redeemed (a reservation while it is held, then spent or released). */
    SPEND,
    /** Available points that expired. */
    EXPIRY,
    /** An operator's manual correction, positive or negative. */
    ADJUSTMENT
}
