package dev.aftersales.host.rewards;

import dev.aftersales.api.graphql.Connection;
import dev.aftersales.api.graphql.PageRequest;
import dev.aftersales.api.rewards.LedgerEntry;
import dev.aftersales.api.rewards.Rewards;
import dev.aftersales.api.rewards.RewardsBalance;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The {@link Rewards} a feature receives in its context: the ledger scoped to one shop, booking as one feature. */
public final class ShopRewards implements Rewards {

    private final RewardsLedger ledger;
    private final String shopId;
    private final String featureId;

    ShopRewards(RewardsLedger ledger, String shopId, String featureId) {
        this.ledger = ledger;
        this.shopId = shopId;
        this.featureId = featureId;
    }

    @Override
    public LedgerEntry earn(String customerId, long points, String reason, String reference, String idempotencyKey,
                            Instant availableAt) {
        return ledger.earn(shopId, featureId, customerId, points, reason, reference, idempotencyKey, availableAt);
    }

    @Override
    public LedgerEntry reverse(String originalKey, long points, String reason, String idempotencyKey) {
        return ledger.reverse(shopId, featureId, originalKey, points, reason, idempotencyKey);
    }

    @Override
    public Optional<LedgerEntry> reserve(String customerId, long points, String reason, String reference,
                                         String idempotencyKey) {
        return ledger.reserve(shopId, featureId, customerId, points, reason, reference, idempotencyKey);
    }

    @Override
    public Optional<LedgerEntry> spend(String customerId, long points, String reason, String reference,
                                       String idempotencyKey) {
        return ledger.spend(shopId, featureId, customerId, points, reason, reference, idempotencyKey);
    }

    @Override
    public LedgerEntry confirm(String reservationKey) {
        return ledger.confirm(shopId, featureId, reservationKey);
    }

    @Override
    public LedgerEntry release(String reservationKey) {
        return ledger.release(shopId, featureId, reservationKey);
    }

    @Override
    public Optional<LedgerEntry> adjust(String customerId, long points, String reason, String idempotencyKey) {
        return ledger.adjust(shopId, featureId, customerId, points, reason, idempotencyKey);
    }

    @Override
    public Optional<LedgerEntry> expire(String customerId, String reason, String idempotencyKey) {
        return ledger.expire(shopId, featureId, customerId, reason, idempotencyKey);
    }

    @Override
    public RewardsBalance balance(String customerId) {
        return ledger.balance(shopId, customerId);
    }

    @Override
    public Connection<LedgerEntry> history(String customerId, PageRequest page) {
        return ledger.history(shopId, customerId, page);
    }

    @Override
    public Optional<LedgerEntry> entry(String idempotencyKey) {
        return ledger.entry(shopId, idempotencyKey);
    }

    @Override
    public List<RewardsBalance> inactiveSince(Instant inactiveSince, int limit) {
        return ledger.inactiveSince(shopId, inactiveSince, limit);
    }
}
