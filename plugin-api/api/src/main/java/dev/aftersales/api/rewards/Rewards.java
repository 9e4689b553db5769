package dev.aftersales.api.rewards;

import dev.aftersales.api.graphql.Connection;
import dev.aftersales.api.graphql.PageRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The shop's points ledger ({@code shop.rewards()}): the only way a feature gives or takes a customer's points. The
 * ledger is a host service; features never read or write its tables.
 *
 * <p>Guarantees: every booking is an append-only entry tagged with the calling feature; an <b>idempotency key</b> is
 * unique per shop, so booking the same key twice books once and returns the first entry (keys are the caller's:
 * start them with your feature id, e.g. {@code loyalty:order:1001}); the spendable balance <b>never goes negative</b>
 * under any concurrency (the database refuses it, not a read-then-write); points earned with a future
 * {@code availableAt} stay pending until then (the host makes them available on every read and write of the
 * customer's balance and in a job every minute); balances are checked against their entries by a drift check.
 *
 * <p>Calls join the caller's transaction when there is one ({@code shop.db().transaction(...)}), like the notifier.
 *
 * <pre>{@code
 * Rewards rewards = shop.rewards();
 * // an order: pending until the return window closes
 * rewards.earn("anna", 120, "Order 1001", "order:1001", "loyalty:order:1001", deliveredAt.plus(Duration.ofDays(14)));
 * // one line of it came back: take back its share (a new entry pointing at the first)
 * rewards.reverse("loyalty:order:1001", 40, "Return of order 1001", "loyalty:return:1001:1");
 * // redeem 500 points for a coupon: hold, ask the platform, then book or give back
 * Optional<LedgerEntry> hold = rewards.reserve("anna", 500, "5 € coupon", "reward:5eur", "loyalty:redeem:" + requestId);
 * if (hold.isEmpty()) { ... NOT_ENOUGH_POINTS ... }
 * try {
 *     Coupon coupon = shop.platform().issueCoupon(...);
 *     rewards.confirm(hold.get().idempotencyKey());
 * } catch (PlatformException e) {
 *     rewards.release(hold.get().idempotencyKey());
 * }
 * }</pre>
 *
 * Points are whole numbers; a {@code points} argument must be positive unless said otherwise
 * ({@link IllegalArgumentException} when not, nothing booked). Reasons are required (1–500 characters), keys are
 * 1–200 characters, references up to 200.
 *
 * @since plugin API 1.1
 */
public interface Rewards {

    /**
     * Gives points. With {@code availableAt} after now the entry is {@link EntryState#PENDING} and counts in
     * {@link RewardsBalance#pending()} until then; otherwise it is {@link EntryState#AVAILABLE} at once.
     *
     * <pre>{@code
     * rewards.earn("anna", 50, "Welcome bonus", "signup", "loyalty:signup:anna", null);
     * }</pre>
     *
     * @param reference   what the points are for (e.g. {@code order:1001}); may be null
     * @param availableAt when the points become spendable; null for now
     * @return the booked entry, or the first entry booked with this key
     * @throws IllegalArgumentException when the key is another feature's or another customer's
     */
    LedgerEntry earn(String customerId, long points, String reason, String reference, String idempotencyKey,
                     Instant availableAt);

    /**
     * Takes back points of an earlier earning (a return, a withdrawn review): a new {@link EntryKind#REVERSAL} entry
     * pointing at the original, partial reversals allowed. At most what is left of the original is reversed. Pending
     * points are simply cancelled; available points are taken from the balance, which stops at zero: what the
     * customer already spent is recorded as {@link LedgerEntry#shortfall()} for operators, never as a negative
     * balance.
     *
     * <pre>{@code
     * LedgerEntry reversal = rewards.reverse("loyalty:order:1001", 40, "Return of order 1001", "loyalty:return:r-9");
     * long notRecovered = reversal.shortfall();
     * }</pre>
     *
     * @param originalKey the idempotency key of the earning to reverse (it must be this feature's)
     * @throws IllegalArgumentException when there is no such earning of this feature
     */
    LedgerEntry reverse(String originalKey, long points, String reason, String idempotencyKey);

    /**
     * Holds points for a redemption: they leave the available balance at once ({@link EntryState#RESERVED}), in one
     * conditional update that fails rather than going below zero. Follow with {@link #confirm} or {@link #release}.
     *
     * <pre>{@code
     * Optional<LedgerEntry> hold = rewards.reserve("anna", 500, "5 € coupon", "reward:7", "loyalty:redeem:" + key);
     * }</pre>
     *
     * @return the hold (or the entry first booked with this key, whatever its state now); empty when the customer
     *         has fewer available points, and then nothing is booked
     */
    Optional<LedgerEntry> reserve(String customerId, long points, String reason, String reference,
                                  String idempotencyKey);

    /**
     * Books a held redemption as {@link EntryState#SPENT}. Confirming twice changes nothing.
     *
     * @throws IllegalArgumentException when there is no hold of this feature with this key
     * @throws IllegalStateException when the hold was released
     */
    LedgerEntry confirm(String reservationKey);

    /**
     * Gives held points back ({@link EntryState#RELEASED}). Releasing twice changes nothing.
     *
     * @throws IllegalArgumentException when there is no hold of this feature with this key
     * @throws IllegalStateException when the hold was confirmed
     */
    LedgerEntry release(String reservationKey);

    /**
     * Spends points at once: {@link #reserve} and {@link #confirm} in one.
     *
     * <pre>{@code
     * rewards.spend("anna", 100, "Donation", null, "community:donate:42").orElseThrow();
     * }</pre>
     */
    default Optional<LedgerEntry> spend(String customerId, long points, String reason, String reference,
                                        String idempotencyKey) {
        return reserve(customerId, points, reason, reference, idempotencyKey)
                .map(hold -> hold.state() == EntryState.RESERVED ? confirm(hold.idempotencyKey()) : hold);
    }

    /**
     * An operator's manual correction, positive or negative ({@code points != 0}), available at once.
     *
     * <pre>{@code
     * rewards.adjust("anna", -200, "Duplicate bonus booked by mistake", "loyalty:adjust:" + requestKey);
     * }</pre>
     *
     * @return the entry (or the first one booked with this key); empty when a negative correction exceeds the
     *         available points, and then nothing is booked
     */
    Optional<LedgerEntry> adjust(String customerId, long points, String reason, String idempotencyKey);

    /**
     * Lets every available point of the customer expire in one {@link EntryKind#EXPIRY} entry.
     *
     * <pre>{@code
     * rewards.expire("anna", "No activity for 24 months", "loyalty:expiry:anna:" + lastActivity);
     * }</pre>
     *
     * @return the entry (or the first one booked with this key); empty when nothing was available
     */
    Optional<LedgerEntry> expire(String customerId, String reason, String idempotencyKey);

    /** The customer's balance; an empty one for a customer the ledger has not seen. One read. */
    RewardsBalance balance(String customerId);

    /**
     * The customer's entries from every feature, newest first (keyset pages: the cursor holds the entry id).
     *
     * <pre>{@code
     * Connection<LedgerEntry> page = rewards.history("anna", call.page());
     * }</pre>
     */
    Connection<LedgerEntry> history(String customerId, PageRequest page);

    /** The entry booked with this key in the shop, by any feature. */
    Optional<LedgerEntry> entry(String idempotencyKey);

    /**
     * Customers with available points whose last activity lies before {@code inactiveSince}, oldest activity first:
     * for expiry reminders and expiry.
     *
     * <pre>{@code
     * for (RewardsBalance dormant : rewards.inactiveSince(now.minus(Period.ofMonths(24)), 500)) { ... }
     * }</pre>
     */
    List<RewardsBalance> inactiveSince(Instant inactiveSince, int limit);
}
