package dev.aftersales.api.rewards;

import java.time.Instant;

/**
 * A customer's points in one shop, as the ledger keeps them. {@code available} is never negative: the database
 * enforces it under any concurrency.
 *
 * <pre>{@code
 * RewardsBalance balance = shop.rewards().balance("anna");
 * boolean canRedeem = balance.available() >= 500;
 * }</pre>
 *
 * @param customerId     whose balance
 * @param available      spendable points now
 * @param pending        earned points not spendable yet (e.g. until an order's return window closes)
 * @param reserved       points held by redemptions in progress (already taken from {@code available})
 * @param lifetimeEarned points that became available over the customer's lifetime, less reversals
 * @param lastActivityAt last time points were earned, spent or adjusted; null when never (expiry counts from it)
 */
public record RewardsBalance(String customerId, long available, long pending, long reserved, long lifetimeEarned,
                             Instant lastActivityAt) {

    /** The balance of a customer the ledger has never seen. */
    public static RewardsBalance empty(String customerId) {
        return new RewardsBalance(customerId, 0, 0, 0, 0, null);
    }
}
