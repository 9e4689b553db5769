package dev.aftersales.api.rewards;

/**
 * Where a ledger entry stands. Amounts never change after booking; only the state moves on
 * ({@code PENDING → AVAILABLE}, {@code RESERVED → SPENT | RELEASED}, an earning fully reversed → {@code REVERSED}).
 *
 * <pre>{@code
 * boolean spendable = entry.state() == EntryState.AVAILABLE;
 * }</pre>
 */
public enum EntryState {
    /** Earned but not spendable yet: becomes {@code AVAILABLE} at {@link LedgerEntry#availableAt()}. */
    PENDING,
    /** Counts in the spendable balance. */
    AVAILABLE,
    /** A reversal entry, or an earning reversed in full. */
    REVERSED,
    /** An expiry entry. */
    EXPIRED,
    /** A redemption that was booked. */
    SPENT,
    /** A redemption on hold: the points are taken from the balance until it is confirmed or released. */
    RESERVED,
    /** A hold that was lifted: the points went back, the entry counts for nothing. */
    RELEASED
}
