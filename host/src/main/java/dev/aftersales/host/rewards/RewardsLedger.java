package dev.aftersales.host.rewards;

import dev.aftersales.api.graphql.Connection;
import dev.aftersales.api.graphql.PageRequest;
import dev.aftersales.api.rewards.EntryKind;
import dev.aftersales.api.rewards.EntryState;
import dev.aftersales.api.rewards.LedgerEntry;
import dev.aftersales.api.rewards.RewardsBalance;
import dev.aftersales.host.jooq.tables.records.RewardsEntriesRecord;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * The points ledger's operations for any shop and feature (the {@code Rewards} a feature receives delegates here).
 * Every operation books its entry and changes the balance row in one transaction; a take from the available balance
 * is one conditional update ({@code available >= points}) or runs under the balance row's lock. Every operation
 * touches the customer's balance row before any entry row, so concurrent bookings queue on that row instead of
 * deadlocking on each other's entry locks.
 */
@Component
public class RewardsLedger {

    private static final int MAX_REASON = 500;
    private static final int MAX_KEY = 200;

    private final DSLContext db;
    private final Clock clock;
    private final LedgerTransactions transactions;

    RewardsLedger(DSLContext db, Clock clock, LedgerTransactions transactions) {
        this.db = db;
        this.clock = clock;
        this.transactions = transactions;
    }

    /** The ledger as a feature sees it: entries it books carry its id. */
    public ShopRewards forShop(String shopId, String featureId) {
        return new ShopRewards(this, shopId, featureId);
    }

    LedgerEntry earn(String shopId, String featureId, String customerId, long points, String reason,
                     String reference, String key, Instant availableAt) {
        requireCustomer(customerId);
        requirePositive(points);
        requireText(reason, key, reference);
        return transactions.run(tx -> {
            LedgerRows rows = new LedgerRows(tx.dsl(), shopId);
            Optional<LedgerEntry> earlier = bookedBefore(rows, key, featureId, customerId);
            if (earlier.isPresent()) {
                return earlier.get();
            }
            Instant now = now();
            boolean pending = availableAt != null && availableAt.isAfter(now);
            Instant available = pending ? availableAt.truncatedTo(ChronoUnit.MICROS) : now;
            LedgerRows.NewEntry entry = new LedgerRows.NewEntry(customerId, featureId, EntryKind.EARN,
                    pending ? EntryState.PENDING : EntryState.AVAILABLE, pending, points, 0, reason, reference, key,
                    null, null, now, available);
            // the balance row first, like every operation: one lock order, no deadlocks between bookings
            if (pending) {
                rows.add(customerId, 0, points, 0, 0, now);
            } else {
                rows.add(customerId, points, 0, 0, points, now);
            }
            return booked(rows.insert(entry), entry);
        });
    }

    Optional<LedgerEntry> reserve(String shopId, String featureId, String customerId, long points, String reason,
                                  String reference, String key) {
        return take(shopId, featureId, customerId, points, reason, reference, key, true);
    }

    /** A spend in one transaction: the conditional take and a {@code SPENT} entry, without a hold in between. */
    Optional<LedgerEntry> spend(String shopId, String featureId, String customerId, long points, String reason,
                                String reference, String key) {
        return take(shopId, featureId, customerId, points, reason, reference, key, false);
    }

    private Optional<LedgerEntry> take(String shopId, String featureId, String customerId, long points,
                                       String reason, String reference, String key, boolean hold) {
        requireCustomer(customerId);
        requirePositive(points);
        requireText(reason, key, reference);
        return transactions.run(tx -> {
            LedgerRows rows = new LedgerRows(tx.dsl(), shopId);
            Optional<LedgerEntry> earlier = bookedBefore(rows, key, featureId, customerId);
            if (earlier.isPresent()) {
                return earlier;
            }
            Instant now = now();
            if (!takeMaturingIfNeeded(rows, customerId, points, hold, 0, now)) {
                return bookedMeanwhile(rows, key, featureId, customerId);
            }
            LedgerRows.NewEntry entry = new LedgerRows.NewEntry(customerId, featureId, EntryKind.SPEND,
                    hold ? EntryState.RESERVED : EntryState.SPENT, false, -points, 0, reason, reference, key, null,
                    null, now, now);
            return Optional.of(booked(rows.insert(entry), entry));
        });
    }

    LedgerEntry confirm(String shopId, String featureId, String key) {
        return settleHold(shopId, featureId, key, EntryState.SPENT);
    }

    LedgerEntry release(String shopId, String featureId, String key) {
        return settleHold(shopId, featureId, key, EntryState.RELEASED);
    }

    private LedgerEntry settleHold(String shopId, String featureId, String key, EntryState outcome) {
        return transactions.run(tx -> {
            LedgerRows rows = new LedgerRows(tx.dsl(), shopId);
            String customerId = rows.byKey(key, false)
                    .filter(row -> row.getFeatureId().equals(featureId) && row.getKind().equals(EntryKind.SPEND.name()))
                    .orElseThrow(() -> new IllegalArgumentException("No redemption hold of feature " + featureId
                            + " has the key " + key))
                    .getCustomerId();
            rows.lockBalance(customerId);
            RewardsEntriesRecord hold = rows.byKey(key, true).orElseThrow();
            EntryState state = EntryState.valueOf(hold.getState());
            if (state == outcome) {
                return LedgerRows.entry(hold);
            }
            if (state != EntryState.RESERVED) {
                throw new IllegalStateException("The hold " + key + " is " + state + " already");
            }
            long points = -hold.getAmount();
            rows.setState(hold.getId(), outcome);
            if (outcome == EntryState.SPENT) {
                rows.add(hold.getCustomerId(), 0, 0, -points, 0, null);
            } else {
                rows.add(hold.getCustomerId(), points, 0, -points, 0, null);
            }
            hold.setState(outcome.name());
            return LedgerRows.entry(hold);
        });
    }

    LedgerEntry reverse(String shopId, String featureId, String originalKey, long points, String reason,
                        String key) {
        requirePositive(points);
        requireText(reason, key, null);
        requireText(reason, originalKey, null);
        return transactions.run(tx -> {
            LedgerRows rows = new LedgerRows(tx.dsl(), shopId);
            Optional<RewardsEntriesRecord> existing = rows.byKey(key, false);
            if (existing.isPresent()) {
                return owned(existing.get(), featureId, existing.get().getCustomerId());
            }
            RewardsEntriesRecord unlocked = rows.byKey(originalKey, false)
                    .filter(row -> row.getFeatureId().equals(featureId) && row.getAmount() > 0
                            && !row.getKind().equals(EntryKind.SPEND.name()))
                    .orElseThrow(() -> new IllegalArgumentException("No earning of feature " + featureId
                            + " has the key " + originalKey));
            String customerId = unlocked.getCustomerId();
            rows.lockBalance(customerId);
            Instant now = now();
            matureDue(rows, customerId, now);
            RewardsEntriesRecord original = rows.byKey(originalKey, true).orElseThrow();
            long remaining = original.getAmount() - original.getReversedPoints();
            long reversed = Math.min(points, remaining);
            boolean fully = reversed == remaining;
            LedgerRows.NewEntry entry;
            if (original.getState().equals(EntryState.PENDING.name())) {
                entry = new LedgerRows.NewEntry(customerId, featureId, EntryKind.REVERSAL, EntryState.REVERSED, true,
                        -reversed, 0, reason, original.getReference(), key, original.getId(), originalKey, now,
                        LedgerRows.instant(original.getAvailableAt()));
                rows.add(customerId, 0, -reversed, 0, 0, null);
            } else {
                long available = rows.lockBalance(customerId).getAvailable();
                long taken = Math.min(reversed, available);
                entry = new LedgerRows.NewEntry(customerId, featureId, EntryKind.REVERSAL, EntryState.REVERSED,
                        false, -taken, reversed - taken, reason, original.getReference(), key, original.getId(),
                        originalKey, now, now);
                rows.add(customerId, -taken, 0, 0, -reversed, null);
            }
            long id = rows.insert(entry);
            rows.addReversed(original.getId(), reversed, fully);
            return booked(id, entry);
        });
    }

    Optional<LedgerEntry> adjust(String shopId, String featureId, String customerId, long points, String reason,
                                 String key) {
        requireCustomer(customerId);
        if (points == 0) {
            throw new IllegalArgumentException("An adjustment of 0 points changes nothing");
        }
        requireText(reason, key, null);
        return transactions.run(tx -> {
            LedgerRows rows = new LedgerRows(tx.dsl(), shopId);
            Optional<LedgerEntry> earlier = bookedBefore(rows, key, featureId, customerId);
            if (earlier.isPresent()) {
                return earlier;
            }
            Instant now = now();
            if (points > 0) {
                rows.add(customerId, points, 0, 0, points, now);
            } else if (!takeMaturingIfNeeded(rows, customerId, -points, false, points, now)) {
                return bookedMeanwhile(rows, key, featureId, customerId);
            }
            LedgerRows.NewEntry entry = new LedgerRows.NewEntry(customerId, featureId, EntryKind.ADJUSTMENT,
                    EntryState.AVAILABLE, false, points, 0, reason, null, key, null, null, now, now);
            return Optional.of(booked(rows.insert(entry), entry));
        });
    }

    Optional<LedgerEntry> expire(String shopId, String featureId, String customerId, String reason, String key) {
        requireCustomer(customerId);
        requireText(reason, key, null);
        return transactions.run(tx -> {
            LedgerRows rows = new LedgerRows(tx.dsl(), shopId);
            Optional<LedgerEntry> earlier = bookedBefore(rows, key, featureId, customerId);
            if (earlier.isPresent()) {
                return earlier;
            }
            rows.lockBalance(customerId);
            Instant now = now();
            matureDue(rows, customerId, now);
            long available = rows.lockBalance(customerId).getAvailable();
            if (available == 0) {
                return Optional.empty();
            }
            LedgerRows.NewEntry entry = new LedgerRows.NewEntry(customerId, featureId, EntryKind.EXPIRY,
                    EntryState.EXPIRED, false, -available, 0, reason, null, key, null, null, now, now);
            rows.add(customerId, -available, 0, 0, 0, null);
            return Optional.of(booked(rows.insert(entry), entry));
        });
    }

    /** The balance, after making due pending points available (a write only when some are due). */
    public RewardsBalance balance(String shopId, String customerId) {
        LedgerRows reader = new LedgerRows(db, shopId);
        Optional<RewardsBalance> balance = reader.balance(customerId).map(LedgerRows::balance);
        if (balance.isPresent() && balance.get().pending() > 0 && matureIfDue(shopId, customerId) > 0) {
            balance = reader.balance(customerId).map(LedgerRows::balance);
        }
        return balance.orElseGet(() -> RewardsBalance.empty(customerId));
    }

    public Connection<LedgerEntry> history(String shopId, String customerId, PageRequest page) {
        balance(shopId, customerId);
        Long before = page.after().map(RewardsLedger::cursorKey).orElse(null);
        List<LedgerEntry> rows = new LedgerRows(db, shopId).history(customerId, before, page.first() + 1).stream()
                .map(LedgerRows::entry).toList();
        return Connection.of(rows, page, entry -> String.valueOf(entry.id()));
    }

    Optional<LedgerEntry> entry(String shopId, String key) {
        return new LedgerRows(db, shopId).byKey(key, false).map(LedgerRows::entry);
    }

    List<RewardsBalance> inactiveSince(String shopId, Instant before, int limit) {
        return new LedgerRows(db, shopId).inactiveSince(before, Math.max(1, Math.min(limit, 1000))).stream()
                .map(LedgerRows::balance).toList();
    }

    /** Makes the customer's due pending points available; returns how many entries matured. */
    public int matureIfDue(String shopId, String customerId) {
        return transactions.run(tx -> {
            LedgerRows rows = new LedgerRows(tx.dsl(), shopId);
            rows.lockBalance(customerId);
            return matureDue(rows, customerId, now());
        });
    }

    private boolean takeMaturingIfNeeded(LedgerRows rows, String customerId, long points, boolean hold,
                                         long lifetime, Instant now) {
        if (rows.take(customerId, points, hold, lifetime, now)) {
            return true;
        }
        return matureDue(rows, customerId, now) > 0 && rows.take(customerId, points, hold, lifetime, now);
    }

    /** The entry an earlier call with the same key booked, checked to be the same feature's and customer's. */
    private static Optional<LedgerEntry> bookedBefore(LedgerRows rows, String key, String featureId,
                                                      String customerId) {
        return rows.byKey(key, false).map(existing -> owned(existing, featureId, customerId));
    }

    /**
     * A take refused for too few points may have waited for a concurrent booking of the same key (a double click)
     * that took them: a locking read sees that booking even where this transaction's snapshot is older.
     */
    private static Optional<LedgerEntry> bookedMeanwhile(LedgerRows rows, String key, String featureId,
                                                         String customerId) {
        return rows.byKey(key, true).map(existing -> owned(existing, featureId, customerId));
    }

    private static int matureDue(LedgerRows rows, String customerId, Instant now) {
        int matured = 0;
        for (RewardsEntriesRecord due : rows.due(customerId, now)) {
            if (rows.mature(due.getId())) {
                long net = due.getAmount() - due.getReversedPoints();
                rows.add(customerId, net, -net, 0, net, null);
                matured++;
            }
        }
        return matured;
    }

    private static LedgerEntry owned(RewardsEntriesRecord existing, String featureId, String customerId) {
        if (!existing.getFeatureId().equals(featureId)) {
            throw new IllegalArgumentException("The idempotency key " + existing.getIdempotencyKey()
                    + " was booked by feature " + existing.getFeatureId() + ": start keys with your feature id");
        }
        if (!existing.getCustomerId().equals(customerId)) {
            throw new IllegalArgumentException("The idempotency key " + existing.getIdempotencyKey()
                    + " was booked for another customer");
        }
        return LedgerRows.entry(existing);
    }

    private static LedgerEntry booked(long id, LedgerRows.NewEntry entry) {
        return new LedgerEntry(id, entry.customerId(), entry.kind(), entry.state(), entry.amount(), entry.shortfall(),
                0, entry.reason(), entry.featureId(), entry.reference(), entry.key(), entry.originalKey(),
                entry.createdAt(), entry.availableAt());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static long cursorKey(String key) {
        try {
            return Long.parseLong(key);
        } catch (NumberFormatException e) {
            throw new dev.aftersales.api.FeatureException(dev.aftersales.api.FeatureException.ErrorCode.BAD_REQUEST,
                    "'after' is not a cursor of this list");
        }
    }

    private static void requireCustomer(String customerId) {
        if (customerId == null || customerId.isBlank() || customerId.length() > 64) {
            throw new IllegalArgumentException("A customer id of 1 to 64 characters is required");
        }
    }

    private static void requirePositive(long points) {
        if (points <= 0) {
            throw new IllegalArgumentException("Points must be positive, were " + points);
        }
    }

    private static void requireText(String reason, String key, String reference) {
        if (reason == null || reason.isBlank() || reason.length() > MAX_REASON) {
            throw new IllegalArgumentException("A reason of 1 to " + MAX_REASON + " characters is required");
        }
        if (key == null || key.isBlank() || key.length() > MAX_KEY) {
            throw new IllegalArgumentException("An idempotency key of 1 to " + MAX_KEY + " characters is required");
        }
        if (reference != null && reference.length() > MAX_KEY) {
            throw new IllegalArgumentException("A reference has at most " + MAX_KEY + " characters");
        }
    }
}
