package dev.aftersales.host.rewards;

import static dev.aftersales.host.jooq.Tables.REWARDS_BALANCES;
import static dev.aftersales.host.jooq.Tables.REWARDS_ENTRIES;

import dev.aftersales.api.rewards.LedgerEntry;
import dev.aftersales.host.privacy.CustomerData;
import dev.aftersales.host.privacy.DataSubject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * GDPR export and erasure of a customer's ledger. Erasure <b>anonymises</b> rather than deletes: the entries and the
 * balance move to a random id ({@code erased-…}) and lose their reason, reference and keys (which may name the
 * person), but keep amounts, kinds, states, features and times. So the shop's liability (points it still owes) and
 * the report per period and feature stay right, and the drift check still balances; nothing links them to the person.
 * One of the host's {@link CustomerData} parts, so the operator's erase and the platform's deletion both reach it.
 */
@Component
public class RewardsPrivacy implements CustomerData {

    private final DSLContext db;

    RewardsPrivacy(DSLContext db) {
        this.db = db;
    }

    @Override
    public String section() {
        return "rewards";
    }

    @Override
    public Object export(DataSubject subject) {
        return export(subject.shopId(), subject.customerId());
    }

    @Override
    public int erase(DataSubject subject) {
        return erase(subject.shopId(), subject.customerId());
    }

    /** The customer's balance and every entry, oldest first, JSON-friendly. */
    public Map<String, Object> export(String shopId, String customerId) {
        LedgerRows rows = new LedgerRows(db, shopId);
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("balance", rows.balance(customerId).map(LedgerRows::balance).map(balance -> Map.of(
                "available", balance.available(), "pending", balance.pending(), "reserved", balance.reserved(),
                "lifetimeEarned", balance.lifetimeEarned())).orElse(null));
        List<Map<String, Object>> entries = db.selectFrom(REWARDS_ENTRIES)
                .where(REWARDS_ENTRIES.SHOP_ID.eq(shopId).and(REWARDS_ENTRIES.CUSTOMER_ID.eq(customerId)))
                .orderBy(REWARDS_ENTRIES.ID)
                .fetch(LedgerRows::entry).stream()
                .map(RewardsPrivacy::entry).toList();
        export.put("entries", entries);
        return export;
    }

    /**
     * Anonymises the customer's ledger in the caller's transaction; running it again finds nothing left to change.
     * Returns the rows changed.
     */
    public int erase(String shopId, String customerId) {
        String anonymous = "erased-" + UUID.randomUUID().toString().replace("-", "");
        return db.update(REWARDS_ENTRIES)
                .set(REWARDS_ENTRIES.CUSTOMER_ID, anonymous)
                .set(REWARDS_ENTRIES.REASON, "erased")
                .set(REWARDS_ENTRIES.REFERENCE, (String) null)
                .set(REWARDS_ENTRIES.IDEMPOTENCY_KEY, DSL.concat(DSL.inline("erased:"),
                        REWARDS_ENTRIES.ID.cast(String.class)))
                .set(REWARDS_ENTRIES.ORIGINAL_KEY, (String) null)
                .where(REWARDS_ENTRIES.SHOP_ID.eq(shopId).and(REWARDS_ENTRIES.CUSTOMER_ID.eq(customerId)))
                .execute()
                + db.update(REWARDS_BALANCES)
                .set(REWARDS_BALANCES.CUSTOMER_ID, anonymous)
                .where(REWARDS_BALANCES.SHOP_ID.eq(shopId).and(REWARDS_BALANCES.CUSTOMER_ID.eq(customerId)))
                .execute();
    }

    private static Map<String, Object> entry(LedgerEntry entry) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", entry.id());
        map.put("kind", entry.kind().name());
        map.put("state", entry.state().name());
        map.put("amount", entry.amount());
        map.put("shortfall", entry.shortfall());
        map.put("reason", entry.reason());
        map.put("feature", entry.featureId());
        map.put("reference", entry.reference());
        map.put("createdAt", entry.createdAt().toString());
        map.put("availableAt", entry.availableAt().toString());
        return map;
    }
}
