package dev.aftersales.plugins.wishlist;

import static dev.aftersales.plugins.wishlist.jooq.Tables.WISHLIST_GUEST;
import static dev.aftersales.plugins.wishlist.jooq.Tables.WISHLIST_ITEM;
import static dev.aftersales.plugins.wishlist.jooq.Tables.WISHLIST_LIST;
import static dev.aftersales.plugins.wishlist.WishlistRepository.fromDb;
import static dev.aftersales.plugins.wishlist.WishlistRepository.toDb;

import dev.aftersales.api.FeatureContext;
import dev.aftersales.plugins.wishlist.jooq.tables.records.WishlistGuestRecord;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * SQL for guest wishlist sessions ({@code wishlist_guest}) in one shop. Like {@link WishlistRepository}, every
 * statement filters on (or inserts) {@code shop_id} for every table it touches.
 */
final class GuestRepository {

    /** A guest session: found by the hash of its token; {@code mergedAt} is set once it was merged at login. */
    record GuestRow(long id, Instant createdAt, Instant lastUsedAt, Instant mergedAt, String mergedCustomerId) {

        boolean isMerged() {
            return mergedAt != null;
        }
    }

    private final DSLContext db;
    private final String shopId;

    GuestRepository(DSLContext db, String shopId) {
        this.db = db;
        this.shopId = shopId;
    }

    static GuestRepository of(FeatureContext shop) {
        return new GuestRepository(shop.db(), shop.shopId());
    }

    static GuestRepository in(Configuration transaction, FeatureContext shop) {
        return new GuestRepository(transaction.dsl(), shop.shopId());
    }

    Optional<GuestRow> byTokenHash(String tokenHash) {
        return db.selectFrom(WISHLIST_GUEST)
                .where(WISHLIST_GUEST.SHOP_ID.eq(shopId), WISHLIST_GUEST.TOKEN_HASH.eq(tokenHash))
                .fetchOptional(GuestRepository::toGuest);
    }

    /** Locks the guest so that a merge and a concurrent change of the guest's list do not interleave. */
    Optional<GuestRow> lockByTokenHash(String tokenHash) {
        return db.selectFrom(WISHLIST_GUEST)
                .where(WISHLIST_GUEST.SHOP_ID.eq(shopId), WISHLIST_GUEST.TOKEN_HASH.eq(tokenHash))
                .forUpdate()
                .fetchOptional(GuestRepository::toGuest);
    }

    /** Inserts a guest; runs in a transaction because the id comes from {@code LAST_INSERT_ID()}. */
    long insert(String tokenHash, Instant now) {
        db.insertInto(WISHLIST_GUEST)
                .set(WISHLIST_GUEST.SHOP_ID, shopId)
                .set(WISHLIST_GUEST.TOKEN_HASH, tokenHash)
                .set(WISHLIST_GUEST.CREATED_AT, toDb(now))
                .set(WISHLIST_GUEST.LAST_USED_AT, toDb(now))
                .execute();
        return db.lastID().longValueExact();
    }

    /** Keeps an active guest's list from expiring. */
    void touch(long guestId, Instant now) {
        db.update(WISHLIST_GUEST)
                .set(WISHLIST_GUEST.LAST_USED_AT, toDb(now))
                .where(WISHLIST_GUEST.SHOP_ID.eq(shopId), WISHLIST_GUEST.ID.eq(guestId))
                .execute();
    }

    void markMerged(long guestId, String customerId, Instant now) {
        db.update(WISHLIST_GUEST)
                .set(WISHLIST_GUEST.MERGED_AT, toDb(now))
                .set(WISHLIST_GUEST.MERGED_CUSTOMER_ID, customerId)
                .set(WISHLIST_GUEST.LAST_USED_AT, toDb(now))
                .where(WISHLIST_GUEST.SHOP_ID.eq(shopId), WISHLIST_GUEST.ID.eq(guestId))
                .execute();
    }

    /** The guest sessions merged into a customer's list (they name the customer, so export and erase cover them). */
    List<GuestRow> mergedInto(String customerId) {
        return db.selectFrom(WISHLIST_GUEST)
                .where(WISHLIST_GUEST.SHOP_ID.eq(shopId), WISHLIST_GUEST.MERGED_CUSTOMER_ID.eq(customerId))
                .orderBy(WISHLIST_GUEST.ID)
                .fetch(GuestRepository::toGuest);
    }

    void deleteMergedInto(String customerId) {
        db.deleteFrom(WISHLIST_GUEST)
                .where(WISHLIST_GUEST.SHOP_ID.eq(shopId), WISHLIST_GUEST.MERGED_CUSTOMER_ID.eq(customerId))
                .execute();
    }

    /**
     * Guests unused since {@code cutoff}, oldest first, at most {@code limit}. A merge counts as the last use, so
     * this also finds merge tombstones older than the cutoff.
     */
    List<Long> lockExpired(Instant cutoff, int limit) {
        return db.select(WISHLIST_GUEST.ID)
                .from(WISHLIST_GUEST)
                .where(WISHLIST_GUEST.SHOP_ID.eq(shopId), WISHLIST_GUEST.LAST_USED_AT.lt(toDb(cutoff)))
                .orderBy(WISHLIST_GUEST.LAST_USED_AT)
                .limit(limit)
                .forUpdate()
                .fetch(WISHLIST_GUEST.ID);
    }

    /** Deletes guests with their lists and the lists' items. */
    void delete(Collection<Long> guestIds) {
        if (guestIds.isEmpty()) {
            return;
        }
        db.deleteFrom(WISHLIST_ITEM)
                .where(WISHLIST_ITEM.SHOP_ID.eq(shopId), WISHLIST_ITEM.LIST_ID.in(
                        DSL.select(WISHLIST_LIST.ID).from(WISHLIST_LIST)
                                .where(WISHLIST_LIST.SHOP_ID.eq(shopId), WISHLIST_LIST.GUEST_ID.in(guestIds))))
                .execute();
        db.deleteFrom(WISHLIST_LIST)
                .where(WISHLIST_LIST.SHOP_ID.eq(shopId), WISHLIST_LIST.GUEST_ID.in(guestIds))
                .execute();
        db.deleteFrom(WISHLIST_GUEST)
                .where(WISHLIST_GUEST.SHOP_ID.eq(shopId), WISHLIST_GUEST.ID.in(guestIds))
                .execute();
    }

    private static GuestRow toGuest(WishlistGuestRecord record) {
        return new GuestRow(record.getId(), fromDb(record.getCreatedAt()), fromDb(record.getLastUsedAt()),
                fromDb(record.getMergedAt()), record.getMergedCustomerId());
    }
}
