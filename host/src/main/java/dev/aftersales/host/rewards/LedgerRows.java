package dev.aftersales.host.rewards;

import static dev.aftersales.host.jooq.Tables.REWARDS_BALANCES;
import static dev.aftersales.host.jooq.Tables.REWARDS_ENTRIES;

import dev.aftersales.api.rewards.EntryKind;
import dev.aftersales.api.rewards.EntryState;
import dev.aftersales.api.rewards.LedgerEntry;
import dev.aftersales.api.rewards.RewardsBalance;
import dev.aftersales.host.jooq.tables.records.RewardsBalancesRecord;
import dev.aftersales.host.jooq.tables.records.RewardsEntriesRecord;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/** All SQL on the ledger's two tables, for one shop and one transaction's {@link DSLContext}. */
final class LedgerRows {

    private final DSLContext tx;
    private final String shopId;

    LedgerRows(DSLContext tx, String shopId) {
        this.tx = tx;
        this.shopId = shopId;
    }

    Optional<RewardsEntriesRecord> byKey(String key, boolean lock) {
        var query = tx.selectFrom(REWARDS_ENTRIES)
                .where(REWARDS_ENTRIES.SHOP_ID.eq(shopId).and(REWARDS_ENTRIES.IDEMPOTENCY_KEY.eq(key)));
        return Optional.ofNullable(lock ? query.forUpdate().fetchOne() : query.fetchOne());
    }

    /** Inserts an entry and returns its id. A key booked already fails on the unique index (a lost race). */
    long insert(NewEntry entry) {
        tx.insertInto(REWARDS_ENTRIES)
                .set(REWARDS_ENTRIES.SHOP_ID, shopId)
                .set(REWARDS_ENTRIES.CUSTOMER_ID, entry.customerId())
                .set(REWARDS_ENTRIES.FEATURE_ID, entry.featureId())
                .set(REWARDS_ENTRIES.KIND, entry.kind().name())
                .set(REWARDS_ENTRIES.STATE, entry.state().name())
                .set(REWARDS_ENTRIES.IN_PENDING, entry.inPending())
                .set(REWARDS_ENTRIES.AMOUNT, entry.amount())
                .set(REWARDS_ENTRIES.SHORTFALL, entry.shortfall())
                .set(REWARDS_ENTRIES.REVERSED_POINTS, 0L)
                .set(REWARDS_ENTRIES.REASON, entry.reason())
                .set(REWARDS_ENTRIES.REFERENCE, entry.reference())
                .set(REWARDS_ENTRIES.IDEMPOTENCY_KEY, entry.key())
                .set(REWARDS_ENTRIES.ORIGINAL_ID, entry.originalId())
                .set(REWARDS_ENTRIES.ORIGINAL_KEY, entry.originalKey())
                .set(REWARDS_ENTRIES.CREATED_AT, utc(entry.createdAt()))
                .set(REWARDS_ENTRIES.AVAILABLE_AT, utc(entry.availableAt()))
                .execute();
        return tx.lastID().longValue();
    }

    /**
     * Adds to the balance row, creating it on first use. Only for changes that cannot take a bucket below zero
     * (earnings, releases); the rest go through {@link #take} or run under {@link #lockBalance}.
     */
    void add(String customerId, long available, long pending, long reserved, long lifetime, Instant activity) {
        int updated = addExisting(customerId, available, pending, reserved, lifetime, activity);
        if (updated == 0) {
            tx.insertInto(REWARDS_BALANCES)
                    .set(REWARDS_BALANCES.SHOP_ID, shopId)
                    .set(REWARDS_BALANCES.CUSTOMER_ID, customerId)
                    .set(REWARDS_BALANCES.AVAILABLE, 0L)
                    .set(REWARDS_BALANCES.PENDING, 0L)
                    .set(REWARDS_BALANCES.RESERVED, 0L)
                    .set(REWARDS_BALANCES.LIFETIME_EARNED, 0L)
                    .onDuplicateKeyIgnore()
                    .execute();
            addExisting(customerId, available, pending, reserved, lifetime, activity);
        }
    }

    private int addExisting(String customerId, long available, long pending, long reserved, long lifetime,
                            Instant activity) {
        var update = tx.update(REWARDS_BALANCES)
                .set(REWARDS_BALANCES.AVAILABLE, REWARDS_BALANCES.AVAILABLE.plus(available))
                .set(REWARDS_BALANCES.PENDING, REWARDS_BALANCES.PENDING.plus(pending))
                .set(REWARDS_BALANCES.RESERVED, REWARDS_BALANCES.RESERVED.plus(reserved))
                .set(REWARDS_BALANCES.LIFETIME_EARNED, REWARDS_BALANCES.LIFETIME_EARNED.plus(lifetime));
        var withActivity = activity == null ? update : update.set(REWARDS_BALANCES.LAST_ACTIVITY_AT, utc(activity));
        return withActivity.where(balanceOf(customerId)).execute();
    }

    /**
     * Takes {@code points} from the available balance into {@code reserved} (a hold) or nowhere (a spend-like
     * correction), only if that many are available: the database decides, so concurrent takes cannot overdraw.
     */
    boolean take(String customerId, long points, boolean hold, long lifetime, Instant activity) {
        return tx.update(REWARDS_BALANCES)
                .set(REWARDS_BALANCES.AVAILABLE, REWARDS_BALANCES.AVAILABLE.minus(points))
                .set(REWARDS_BALANCES.RESERVED, REWARDS_BALANCES.RESERVED.plus(hold ? points : 0L))
                .set(REWARDS_BALANCES.LIFETIME_EARNED, REWARDS_BALANCES.LIFETIME_EARNED.plus(lifetime))
                .set(REWARDS_BALANCES.LAST_ACTIVITY_AT, utc(activity))
                .where(balanceOf(customerId).and(REWARDS_BALANCES.AVAILABLE.ge(points)))
                .execute() == 1;
    }

    /** Locks the customer's balance row (creating it first), for changes that depend on its current value. */
    RewardsBalancesRecord lockBalance(String customerId) {
        RewardsBalancesRecord row = tx.selectFrom(REWARDS_BALANCES).where(balanceOf(customerId)).forUpdate()
                .fetchOne();
        if (row != null) {
            return row;
        }
        add(customerId, 0, 0, 0, 0, null);
        return tx.selectFrom(REWARDS_BALANCES).where(balanceOf(customerId)).forUpdate().fetchOne();
    }

    Optional<RewardsBalancesRecord> balance(String customerId) {
        return Optional.ofNullable(tx.selectFrom(REWARDS_BALANCES).where(balanceOf(customerId)).fetchOne());
    }

    /** Pending earnings of the customer whose time has come, locked. */
    List<RewardsEntriesRecord> due(String customerId, Instant now) {
        return tx.selectFrom(REWARDS_ENTRIES)
                .where(REWARDS_ENTRIES.SHOP_ID.eq(shopId).and(REWARDS_ENTRIES.CUSTOMER_ID.eq(customerId))
                        .and(REWARDS_ENTRIES.STATE.eq(EntryState.PENDING.name()))
                        .and(REWARDS_ENTRIES.AVAILABLE_AT.le(utc(now))))
                .orderBy(REWARDS_ENTRIES.ID)
                .forUpdate()
                .fetch();
    }

    /** Moves a pending earning and the reversals booked against it while pending into the available bucket. */
    boolean mature(long entryId) {
        int moved = tx.update(REWARDS_ENTRIES)
                .set(REWARDS_ENTRIES.STATE, EntryState.AVAILABLE.name())
                .set(REWARDS_ENTRIES.IN_PENDING, false)
                .where(REWARDS_ENTRIES.SHOP_ID.eq(shopId).and(REWARDS_ENTRIES.ID.eq(entryId))
                        .and(REWARDS_ENTRIES.STATE.eq(EntryState.PENDING.name())))
                .execute();
        if (moved == 0) {
            return false;
        }
        tx.update(REWARDS_ENTRIES).set(REWARDS_ENTRIES.IN_PENDING, false)
                .where(REWARDS_ENTRIES.SHOP_ID.eq(shopId).and(REWARDS_ENTRIES.ORIGINAL_ID.eq(entryId)))
                .execute();
        return true;
    }

    void setState(long entryId, EntryState state) {
        tx.update(REWARDS_ENTRIES).set(REWARDS_ENTRIES.STATE, state.name())
                .where(REWARDS_ENTRIES.SHOP_ID.eq(shopId).and(REWARDS_ENTRIES.ID.eq(entryId)))
                .execute();
    }

    void addReversed(long entryId, long points, boolean fully) {
        var update = tx.update(REWARDS_ENTRIES)
                .set(REWARDS_ENTRIES.REVERSED_POINTS, REWARDS_ENTRIES.REVERSED_POINTS.plus(points));
        (fully ? update.set(REWARDS_ENTRIES.STATE, EntryState.REVERSED.name()) : update)
                .where(REWARDS_ENTRIES.SHOP_ID.eq(shopId).and(REWARDS_ENTRIES.ID.eq(entryId)))
                .execute();
    }

    List<RewardsEntriesRecord> history(String customerId, Long beforeId, int limit) {
        var condition = REWARDS_ENTRIES.SHOP_ID.eq(shopId).and(REWARDS_ENTRIES.CUSTOMER_ID.eq(customerId));
        if (beforeId != null) {
            condition = condition.and(REWARDS_ENTRIES.ID.lt(beforeId));
        }
        return tx.selectFrom(REWARDS_ENTRIES).where(condition).orderBy(REWARDS_ENTRIES.ID.desc()).limit(limit).fetch();
    }

    List<RewardsBalancesRecord> inactiveSince(Instant before, int limit) {
        return tx.selectFrom(REWARDS_BALANCES)
                .where(REWARDS_BALANCES.SHOP_ID.eq(shopId).and(REWARDS_BALANCES.AVAILABLE.gt(0L))
                        .and(REWARDS_BALANCES.LAST_ACTIVITY_AT.lt(utc(before))))
                .orderBy(REWARDS_BALANCES.LAST_ACTIVITY_AT, REWARDS_BALANCES.CUSTOMER_ID)
                .limit(limit)
                .fetch();
    }

    private org.jooq.Condition balanceOf(String customerId) {
        return REWARDS_BALANCES.SHOP_ID.eq(shopId).and(REWARDS_BALANCES.CUSTOMER_ID.eq(customerId));
    }

    static LedgerEntry entry(RewardsEntriesRecord row) {
        return new LedgerEntry(row.getId(), row.getCustomerId(), EntryKind.valueOf(row.getKind()),
                EntryState.valueOf(row.getState()), row.getAmount(), row.getShortfall(), row.getReversedPoints(),
                row.getReason(), row.getFeatureId(), row.getReference(), row.getIdempotencyKey(),
                row.getOriginalKey(), instant(row.getCreatedAt()), instant(row.getAvailableAt()));
    }

    static RewardsBalance balance(RewardsBalancesRecord row) {
        return new RewardsBalance(row.getCustomerId(), row.getAvailable(), row.getPending(), row.getReserved(),
                row.getLifetimeEarned(), row.getLastActivityAt() == null ? null : instant(row.getLastActivityAt()));
    }

    static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant instant(LocalDateTime time) {
        return time.toInstant(ZoneOffset.UTC);
    }

    /** An entry to book. */
    record NewEntry(String customerId, String featureId, EntryKind kind, EntryState state, boolean inPending,
                    long amount, long shortfall, String reason, String reference, String key, Long originalId,
                    String originalKey, Instant createdAt, Instant availableAt) {
    }
}
