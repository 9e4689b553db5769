package dev.aftersales.api.rewards;

import java.time.Instant;

/**
 * One booking in a customer's points ledger. Entries are never deleted and their amounts never change; a reversal is
 * a new entry pointing at the original.
 *
 * <pre>{@code
 * LedgerEntry entry = shop.rewards().earn("anna", 120, "Order 1001", "order:1001", "loyalty:order:1001", deliveredPlus14Days);
 * entry.state();       // PENDING until deliveredPlus14Days, then AVAILABLE
 * entry.featureId();   // "loyalty": set by the host, never by the caller
 * }</pre>
 *
 * @param id             the ledger's id of the entry (ascending in booking order within a shop)
 * @param customerId     whose points these are
 * @param kind           what booked it
 * @param state          where it stands now
 * @param amount         points added (positive) or taken (negative) from the balance
 * @param shortfall      for a reversal: points that could not be taken back because the customer had spent them
 *                       (the balance stops at zero); 0 otherwise. Operators see it in the ledger and the report.
 * @param reversedPoints for an earning: points reversed from it so far; 0 otherwise
 * @param reason         why, in words an operator and the customer understand (e.g. "Order 1001")
 * @param featureId      the feature that booked it, set by the host
 * @param reference      what it is about (e.g. {@code order:1001}, {@code review:77}); may be null
 * @param idempotencyKey the caller's key, unique in the shop: booking the same key again returns this entry
 * @param originalKey    for a reversal, the key of the entry it reverses; null otherwise
 * @param createdAt      when it was booked
 * @param availableAt    when its points are (or were) spendable; equals {@code createdAt} unless it was pending
 */
public record LedgerEntry(long id, String customerId, EntryKind kind, EntryState state, long amount, long shortfall,
                          long reversedPoints, String reason, String featureId, String reference,
                          String idempotencyKey, String originalKey, Instant createdAt, Instant availableAt) {
}
