package dev.aftersales.plugins.wishlist;

import static dev.aftersales.plugins.wishlist.jooq.Tables.WISHLIST_ITEM;
import static dev.aftersales.plugins.wishlist.jooq.Tables.WISHLIST_LIST;
import static dev.aftersales.plugins.wishlist.jooq.Tables.WISHLIST_OWNER;

import dev.aftersales.api.FeatureContext;
import dev.aftersales.plugins.wishlist.jooq.tables.WishlistList;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * SQL for wishlists and their items in one shop. Every statement filters on {@code shop_id} for every wishlist
 * table it touches (joins and subqueries included), and every insert sets it: the host rejects statements that do
 * not, and it is what keeps shops apart.
 *
 * <p>Create it per operation: {@link #of(FeatureContext)} outside a transaction, {@link #in(Configuration,
 * FeatureContext)} inside one. Methods named {@code lock...} read with {@code FOR UPDATE}: the limit checks count
 * rows and then insert, so two concurrent requests of the same owner must not both pass the check.
 *
 * <p>Inserts fetch their generated id with {@code LAST_INSERT_ID()} on the same connection, which is why they run
 * inside a transaction; {@code INSERT ... RETURNING} is not portable between MySQL and MariaDB through Connector/J.
 */
final class WishlistRepository {

    private static final WishlistList LIST = WISHLIST_LIST;
    // the generated table class shares its simple name with this package's WishlistItem record
    private static final dev.aftersales.plugins.wishlist.jooq.tables.WishlistItem ITEM = WISHLIST_ITEM;

    private final DSLContext db;
    private final String shopId;

    WishlistRepository(DSLContext db, String shopId) {
        this.db = db;
        this.shopId = shopId;
    }

    static WishlistRepository of(FeatureContext shop) {
        return new WishlistRepository(shop.db(), shop.shopId());
    }

    static WishlistRepository in(Configuration transaction, FeatureContext shop) {
        return new WishlistRepository(transaction.dsl(), shop.shopId());
    }

    /** The precision of {@code DATETIME(6)}: rows built in memory after a write equal the stored ones. */
    static Instant storedPrecision(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    // ---------------------------------------------------------------- lists

    Optional<Wishlist> list(Owner owner, long listId) {
        return db.selectFrom(LIST)
                .where(LIST.SHOP_ID.eq(shopId), LIST.ID.eq(listId), ownedBy(owner))
                .fetchOptional(WishlistRepository::toList);
    }

    Optional<Wishlist> lockList(Owner owner, long listId) {
        return db.selectFrom(LIST)
                .where(LIST.SHOP_ID.eq(shopId), LIST.ID.eq(listId), ownedBy(owner))
                .forUpdate()
                .fetchOptional(WishlistRepository::toList);
    }

    /**
     * Locks the customer's set of lists until the transaction ends; the first statement of every transaction that
     * creates, deletes or picks a customer's default list. One primary key record per customer, locked by an upsert:
     * concurrent customers never wait for each other, and nobody holds a gap lock on the lists (a
     * {@code SELECT ... FOR UPDATE} of a customer's lists did, and concurrent first adds deadlocked on it).
     */
    void lockCustomer(String customerId) {
        db.insertInto(WISHLIST_OWNER)
                .set(WISHLIST_OWNER.SHOP_ID, shopId)
                .set(WISHLIST_OWNER.CUSTOMER_ID, customerId)
                .onDuplicateKeyUpdate()
                .set(WISHLIST_OWNER.CUSTOMER_ID, customerId)
                .execute();
    }

    /**
     * All lists of a customer, oldest first, after {@link #lockCustomer} (taken first in the transaction, so this read
     * sees every change committed before it): the basis of the list limit and of the default list.
     */
    List<Wishlist> lockListsOf(String customerId) {
        lockCustomer(customerId);
        return db.selectFrom(LIST)
                .where(LIST.SHOP_ID.eq(shopId), LIST.CUSTOMER_ID.eq(customerId))
                .orderBy(LIST.ID)
                .fetch(WishlistRepository::toList);
    }

    /** One page of a customer's lists in id order (keyset pagination: ids after {@code afterId}). */
    List<Wishlist> listsOf(String customerId, long afterId, int limit) {
        return db.selectFrom(LIST)
                .where(LIST.SHOP_ID.eq(shopId), LIST.CUSTOMER_ID.eq(customerId), LIST.ID.gt(afterId))
                .orderBy(LIST.ID)
                .limit(limit)
                .fetch(WishlistRepository::toList);
    }

    Optional<Wishlist> defaultListOf(String customerId) {
        return db.selectFrom(LIST)
                .where(LIST.SHOP_ID.eq(shopId), LIST.CUSTOMER_ID.eq(customerId), LIST.IS_DEFAULT.isTrue())
                .orderBy(LIST.ID)
                .limit(1)
                .fetchOptional(WishlistRepository::toList);
    }

    /**
     * The customer's default list, locked; created (as default) when the customer has no list yet. The first list a
     * customer gets is the default and deleting the default promotes the oldest remaining list, so a customer with
     * lists always has a default; should one be missing anyway, the oldest list becomes it.
     */
    Wishlist lockDefaultList(String customerId, String nameIfNew, Instant now) {
        List<Wishlist> lists = lockListsOf(customerId);
        if (lists.isEmpty()) {
            return insertList(new Owner.Customer(customerId), nameIfNew, true, now);
        }
        Optional<Wishlist> current = lists.stream().filter(Wishlist::isDefault).findFirst();
        if (current.isEmpty()) {
            return makeDefault(lists.getFirst(), now);
        }
        // the list's row too: changes through its id (wishlistId) lock only the list
        return lockList(new Owner.Customer(customerId), current.get().id()).orElseThrow();
    }

    /** The guest's list (a guest has exactly one). */
    Optional<Wishlist> listOfGuest(long guestId) {
        return db.selectFrom(LIST)
                .where(LIST.SHOP_ID.eq(shopId), LIST.GUEST_ID.eq(guestId))
                .orderBy(LIST.ID)
                .limit(1)
                .fetchOptional(WishlistRepository::toList);
    }

    /** The guest's list, locked by primary key: a locking scan of the guest index would lock its gaps too. */
    Optional<Wishlist> lockListOfGuest(long guestId) {
        return listOfGuest(guestId).flatMap(list -> lockList(new Owner.Guest(guestId), list.id()));
    }

    /** A customer's list that is shared under exactly this nonce; a revoked or re-shared list no longer matches. */
    Optional<Wishlist> sharedList(long listId, String shareNonce) {
        return db.selectFrom(LIST)
                .where(LIST.SHOP_ID.eq(shopId), LIST.ID.eq(listId), LIST.SHARE_NONCE.eq(shareNonce),
                        LIST.CUSTOMER_ID.isNotNull())
                .fetchOptional(WishlistRepository::toList);
    }

    Wishlist insertList(Owner owner, String name, boolean isDefault, Instant now) {
        Instant at = storedPrecision(now);
        String customerId = owner instanceof Owner.Customer customer ? customer.customerId() : null;
        Long guestId = owner instanceof Owner.Guest guest ? guest.guestId() : null;
        db.insertInto(LIST)
                .set(LIST.SHOP_ID, shopId)
                .set(LIST.CUSTOMER_ID, customerId)
                .set(LIST.GUEST_ID, guestId)
                .set(LIST.NAME, name)
                .set(LIST.IS_DEFAULT, isDefault)
                .set(LIST.CREATED_AT, toDb(at))
                .set(LIST.UPDATED_AT, toDb(at))
                .execute();
        return new Wishlist(lastId(), customerId, guestId, name, isDefault, null, at, at);
    }

    Wishlist rename(Wishlist list, String name, Instant now) {
        Instant at = storedPrecision(now);
        db.update(LIST)
                .set(LIST.NAME, name)
                .set(LIST.UPDATED_AT, toDb(at))
                .where(LIST.SHOP_ID.eq(shopId), LIST.ID.eq(list.id()))
                .execute();
        return new Wishlist(list.id(), list.customerId(), list.guestId(), name, list.isDefault(),
                list.shareNonce(), list.createdAt(), at);
    }

    Wishlist makeDefault(Wishlist list, Instant now) {
        Instant at = storedPrecision(now);
        db.update(LIST)
                .set(LIST.IS_DEFAULT, true)
                .set(LIST.UPDATED_AT, toDb(at))
                .where(LIST.SHOP_ID.eq(shopId), LIST.ID.eq(list.id()))
                .execute();
        return new Wishlist(list.id(), list.customerId(), list.guestId(), list.name(), true,
                list.shareNonce(), list.createdAt(), at);
    }

    /** Sets (share) or clears (unshare) the nonce that share links sign. */
    Wishlist setShareNonce(Wishlist list, String shareNonce, Instant now) {
        Instant at = storedPrecision(now);
        db.update(LIST)
                .set(LIST.SHARE_NONCE, shareNonce)
                .set(LIST.UPDATED_AT, toDb(at))
                .where(LIST.SHOP_ID.eq(shopId), LIST.ID.eq(list.id()))
                .execute();
        return new Wishlist(list.id(), list.customerId(), list.guestId(), list.name(), list.isDefault(),
                shareNonce, list.createdAt(), at);
    }

    /**
     * Records that the list's items changed, so {@code updatedAt} tells when the list last changed. For a guest's
     * list it also marks the guest as active: guest lists expire counting from their last change.
     */
    Wishlist touch(Wishlist list, Instant now) {
        Instant at = storedPrecision(now);
        db.update(LIST)
                .set(LIST.UPDATED_AT, toDb(at))
                .where(LIST.SHOP_ID.eq(shopId), LIST.ID.eq(list.id()))
                .execute();
        if (list.guestId() != null) {
            new GuestRepository(db, shopId).touch(list.guestId(), at);
        }
        return new Wishlist(list.id(), list.customerId(), list.guestId(), list.name(), list.isDefault(),
                list.shareNonce(), list.createdAt(), at);
    }

    /** Like {@link #touch} for lists whose rows the caller does not hold (the sources of a move). */
    void touchAll(Collection<Long> listIds, Instant now) {
        if (!listIds.isEmpty()) {
            db.update(LIST)
                    .set(LIST.UPDATED_AT, toDb(now))
                    .where(LIST.SHOP_ID.eq(shopId), LIST.ID.in(listIds))
                    .execute();
        }
    }

    /** Deletes a list with its items. */
    void deleteList(long listId) {
        deleteItemsOfList(listId);
        db.deleteFrom(LIST).where(LIST.SHOP_ID.eq(shopId), LIST.ID.eq(listId)).execute();
    }

    // ---------------------------------------------------------------- items

    /** An item on one of the owner's lists, locked for a change. */
    Optional<WishlistItem> lockItem(Owner owner, long itemId) {
        return db.select(ITEM.fields())
                .from(ITEM)
                .join(LIST).on(LIST.ID.eq(ITEM.LIST_ID))
                .where(ITEM.SHOP_ID.eq(shopId), LIST.SHOP_ID.eq(shopId), ITEM.ID.eq(itemId), ownedBy(owner))
                .forUpdate()
                .fetchOptional(WishlistRepository::toItem);
    }

    /** Those of the given items that lie on the owner's lists, by id, locked for a change. */
    /** The owner's items among these ids, by id, without locking (for reads that change nothing). */
    Map<Long, WishlistItem> items(Owner owner, Collection<Long> itemIds) {
        Map<Long, WishlistItem> items = new LinkedHashMap<>();
        if (itemIds.isEmpty()) {
            return items;
        }
        db.select(ITEM.fields())
                .from(ITEM)
                .join(LIST).on(LIST.ID.eq(ITEM.LIST_ID))
                .where(ITEM.SHOP_ID.eq(shopId), LIST.SHOP_ID.eq(shopId), ITEM.ID.in(itemIds), ownedBy(owner))
                .fetch(WishlistRepository::toItem)
                .forEach(item -> items.put(item.id(), item));
        return items;
    }

    Map<Long, WishlistItem> lockItems(Owner owner, Collection<Long> itemIds) {
        Map<Long, WishlistItem> items = new LinkedHashMap<>();
        if (itemIds.isEmpty()) {
            return items;
        }
        db.select(ITEM.fields())
                .from(ITEM)
                .join(LIST).on(LIST.ID.eq(ITEM.LIST_ID))
                .where(ITEM.SHOP_ID.eq(shopId), LIST.SHOP_ID.eq(shopId), ITEM.ID.in(itemIds), ownedBy(owner))
                .forUpdate()
                .fetch(WishlistRepository::toItem)
                .forEach(item -> items.put(item.id(), item));
        return items;
    }

    /** All items of a list, oldest first. */
    List<WishlistItem> itemsOfList(long listId) {
        return db.selectFrom(ITEM)
                .where(ITEM.SHOP_ID.eq(shopId), ITEM.LIST_ID.eq(listId))
                .orderBy(ITEM.ID)
                .fetch(WishlistRepository::toItem);
    }

    int countItems(long listId) {
        return db.fetchCount(ITEM, ITEM.SHOP_ID.eq(shopId).and(ITEM.LIST_ID.eq(listId)));
    }

    Optional<WishlistItem> itemByVariant(long listId, String variantId) {
        return db.selectFrom(ITEM)
                .where(ITEM.SHOP_ID.eq(shopId), ITEM.LIST_ID.eq(listId), ITEM.VARIANT_ID.eq(variantId))
                .fetchOptional(WishlistRepository::toItem);
    }

    WishlistItem insertItem(long listId, String variantId, int quantity, String note, Instant now) {
        Instant at = storedPrecision(now);
        db.insertInto(ITEM)
                .set(ITEM.SHOP_ID, shopId)
                .set(ITEM.LIST_ID, listId)
                .set(ITEM.VARIANT_ID, variantId)
                .set(ITEM.QUANTITY, quantity)
                .set(ITEM.NOTE, note)
                .set(ITEM.CREATED_AT, toDb(at))
                .set(ITEM.UPDATED_AT, toDb(at))
                .execute();
        return new WishlistItem(lastId(), listId, variantId, quantity, note, at, at);
    }

    /** Inserts several items in one statement (their ids are not needed: callers re-read the list). */
    void insertItems(long listId, List<ItemMerge.Incoming> items, Instant now) {
        if (items.isEmpty()) {
            return;
        }
        var insert = db.insertInto(ITEM, ITEM.SHOP_ID, ITEM.LIST_ID, ITEM.VARIANT_ID, ITEM.QUANTITY, ITEM.NOTE,
                ITEM.CREATED_AT, ITEM.UPDATED_AT);
        for (ItemMerge.Incoming item : items) {
            insert = insert.values(shopId, listId, item.variantId(), item.quantity(), item.note(), toDb(now), toDb(now));
        }
        insert.execute();
    }

    WishlistItem updateItem(WishlistItem item, int quantity, String note, Instant now) {
        setItem(item.id(), quantity, note, now);
        return new WishlistItem(item.id(), item.listId(), item.variantId(), quantity, note, item.addedAt(),
                storedPrecision(now));
    }

    void setItem(long itemId, int quantity, String note, Instant now) {
        db.update(ITEM)
                .set(ITEM.QUANTITY, quantity)
                .set(ITEM.NOTE, note)
                .set(ITEM.UPDATED_AT, toDb(now))
                .where(ITEM.SHOP_ID.eq(shopId), ITEM.ID.eq(itemId))
                .execute();
    }

    /** Writes a merge plan into {@code target}; returns the variants that are new on it. */
    List<String> writePlan(Wishlist target, ItemMerge.Plan plan, Instant now) {
        plan.updates().forEach(update -> setItem(update.itemId(), update.quantity(), update.note(), now));
        insertItems(target.id(), plan.inserts(), now);
        return plan.inserts().stream().map(ItemMerge.Incoming::variantId).toList();
    }

    void deleteItems(Collection<Long> itemIds) {
        if (!itemIds.isEmpty()) {
            db.deleteFrom(ITEM).where(ITEM.SHOP_ID.eq(shopId), ITEM.ID.in(itemIds)).execute();
        }
    }

    void deleteItemsOfList(long listId) {
        db.deleteFrom(ITEM).where(ITEM.SHOP_ID.eq(shopId), ITEM.LIST_ID.eq(listId)).execute();
    }

    /** Those of the variants that are still on at least one of the owner's lists. */
    Set<String> variantsWishedBy(Owner owner, Collection<String> variantIds) {
        if (variantIds.isEmpty()) {
            return Set.of();
        }
        return db.selectDistinct(ITEM.VARIANT_ID)
                .from(ITEM)
                .join(LIST).on(LIST.ID.eq(ITEM.LIST_ID))
                .where(ITEM.SHOP_ID.eq(shopId), LIST.SHOP_ID.eq(shopId), ownedBy(owner),
                        ITEM.VARIANT_ID.in(variantIds))
                .fetchSet(ITEM.VARIANT_ID);
    }

    // ---------------------------------------------------------------- batched reads (one statement per request)

    /** Number of items per list; lists without items are absent. */
    Map<Long, Integer> itemCounts(Collection<Long> listIds) {
        return db.select(ITEM.LIST_ID, DSL.count())
                .from(ITEM)
                .where(ITEM.SHOP_ID.eq(shopId), ITEM.LIST_ID.in(listIds))
                .groupBy(ITEM.LIST_ID)
                .fetchMap(ITEM.LIST_ID, DSL.count());
    }

    /**
     * The newest {@code limit} items of each list (below {@code beforeId} when given), in one statement for all
     * lists: {@code ROW_NUMBER()} per list instead of one {@code LIMIT} query per list, so a page of lists with
     * their items costs the same number of statements however many lists or items it shows.
     */
    Map<Long, List<WishlistItem>> itemPages(Collection<Long> listIds, Long beforeId, int limit) {
        Field<Integer> rowInList = DSL.rowNumber()
                .over(DSL.partitionBy(ITEM.LIST_ID).orderBy(ITEM.ID.desc()))
                .as("row_in_list");
        Table<?> ranked = db.select(ITEM.ID, ITEM.LIST_ID, ITEM.VARIANT_ID, ITEM.QUANTITY, ITEM.NOTE,
                        ITEM.CREATED_AT, ITEM.UPDATED_AT, rowInList)
                .from(ITEM)
                .where(ITEM.SHOP_ID.eq(shopId), ITEM.LIST_ID.in(listIds),
                        beforeId == null ? DSL.noCondition() : ITEM.ID.lt(beforeId))
                .asTable("ranked_item");
        Map<Long, List<WishlistItem>> pages = new LinkedHashMap<>();
        db.select(ranked.fields())
                .from(ranked)
                .where(ranked.field(rowInList).le(limit))
                .orderBy(ranked.field(ITEM.LIST_ID), ranked.field(ITEM.ID).desc())
                .fetch(record -> toItem(record, ranked))
                .forEach(item -> pages.computeIfAbsent(item.listId(), id -> new ArrayList<>()).add(item));
        return pages;
    }

    /** A customer's list together with a variant it holds. */
    record ListHolding(String variantId, Wishlist list) {
    }

    /** The customers' lists that hold any of the variants, oldest list first. */
    List<ListHolding> listsHolding(Collection<String> customerIds, Collection<String> variantIds) {
        return db.select(ITEM.VARIANT_ID).select(LIST.fields())
                .from(LIST)
                .join(ITEM).on(ITEM.LIST_ID.eq(LIST.ID))
                .where(LIST.SHOP_ID.eq(shopId), ITEM.SHOP_ID.eq(shopId), LIST.CUSTOMER_ID.in(customerIds),
                        ITEM.VARIANT_ID.in(variantIds))
                .orderBy(LIST.ID)
                .fetch(record -> new ListHolding(record.get(ITEM.VARIANT_ID), toList(record)));
    }

    // ---------------------------------------------------------------- GDPR

    /** All lists of a customer, oldest first. */
    List<Wishlist> allListsOf(String customerId) {
        return db.selectFrom(LIST)
                .where(LIST.SHOP_ID.eq(shopId), LIST.CUSTOMER_ID.eq(customerId))
                .orderBy(LIST.ID)
                .fetch(WishlistRepository::toList);
    }

    /** All items of all lists of a customer, oldest first. */
    List<WishlistItem> allItemsOf(String customerId) {
        return db.select(ITEM.fields())
                .from(ITEM)
                .join(LIST).on(LIST.ID.eq(ITEM.LIST_ID))
                .where(ITEM.SHOP_ID.eq(shopId), LIST.SHOP_ID.eq(shopId), LIST.CUSTOMER_ID.eq(customerId))
                .orderBy(ITEM.ID)
                .fetch(WishlistRepository::toItem);
    }

    /** Deletes every list of the customer with its items. */
    void deleteAllOf(String customerId) {
        db.deleteFrom(ITEM)
                .where(ITEM.SHOP_ID.eq(shopId), ITEM.LIST_ID.in(
                        DSL.select(LIST.ID).from(LIST)
                                .where(LIST.SHOP_ID.eq(shopId), LIST.CUSTOMER_ID.eq(customerId))))
                .execute();
        db.deleteFrom(LIST).where(LIST.SHOP_ID.eq(shopId), LIST.CUSTOMER_ID.eq(customerId)).execute();
        db.deleteFrom(WISHLIST_OWNER)
                .where(WISHLIST_OWNER.SHOP_ID.eq(shopId), WISHLIST_OWNER.CUSTOMER_ID.eq(customerId)).execute();
    }

    // ---------------------------------------------------------------- mapping

    private static Condition ownedBy(Owner owner) {
        return switch (owner) {
            case Owner.Customer customer -> LIST.CUSTOMER_ID.eq(customer.customerId());
            case Owner.Guest guest -> LIST.GUEST_ID.eq(guest.guestId());
        };
    }

    private long lastId() {
        return db.lastID().longValueExact();
    }

    static LocalDateTime toDb(Instant instant) {
        return LocalDateTime.ofInstant(storedPrecision(instant), ZoneOffset.UTC);
    }

    static Instant fromDb(LocalDateTime stored) {
        return stored == null ? null : stored.toInstant(ZoneOffset.UTC);
    }

    private static Wishlist toList(Record record) {
        return new Wishlist(
                record.get(LIST.ID),
                record.get(LIST.CUSTOMER_ID),
                record.get(LIST.GUEST_ID),
                record.get(LIST.NAME),
                record.get(LIST.IS_DEFAULT),
                record.get(LIST.SHARE_NONCE),
                fromDb(record.get(LIST.CREATED_AT)),
                fromDb(record.get(LIST.UPDATED_AT)));
    }

    private static WishlistItem toItem(Record record) {
        return toItem(record, ITEM);
    }

    /** Reads an item from {@code ITEM} itself or from a derived table that selected its columns. */
    private static WishlistItem toItem(Record record, Table<?> from) {
        return new WishlistItem(
                record.get(from.field(ITEM.ID)),
                record.get(from.field(ITEM.LIST_ID)),
                record.get(from.field(ITEM.VARIANT_ID)),
                record.get(from.field(ITEM.QUANTITY)),
                record.get(from.field(ITEM.NOTE)),
                fromDb(record.get(from.field(ITEM.CREATED_AT))),
                fromDb(record.get(from.field(ITEM.UPDATED_AT))));
    }
}
