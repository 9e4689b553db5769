package dev.aftersales.plugins.wishlist;

import static dev.aftersales.plugins.wishlist.jooq.Tables.WISHLIST_ITEM;
import static dev.aftersales.plugins.wishlist.jooq.Tables.WISHLIST_LIST;

import dev.aftersales.api.FeatureContext;
import dev.aftersales.api.Wiring;
import java.util.List;
import org.jooq.Field;
import org.jooq.Record4;
import org.jooq.impl.DSL;

/**
 * Reports for the shop operator: what customers wish for most, and how much the feature is used, served in the
 * operator API as {@code Shop.wishlistReport} (see {@code admin.graphqls}). Each report covers one shop (the
 * context's), like every other query of the feature.
 *
 * <pre>{@code
 * List<WishlistReports.WishedVariant> top = new WishlistReports().mostWishedVariants(shop, 20);
 * WishlistReports.ListCounts counts = new WishlistReports().listCounts(shop);
 * }</pre>
 */
public final class WishlistReports {

    /** The most rows {@link #mostWishedVariants} returns, to keep a report query bounded. */
    public static final int MAX_LIMIT = 1000;

    /**
     * How much one variant is wished for.
     *
     * @param customers signed-in customers with the variant on at least one list
     * @param wishlists lists holding it, guests' lists included
     * @param quantity  pieces wished for in total
     */
    public record WishedVariant(String variantId, int customers, int wishlists, long quantity) {
    }

    /**
     * How much the feature is used in one shop.
     *
     * @param customerWishlists lists of signed-in customers
     * @param guestWishlists    lists of guests not (yet) merged
     * @param sharedWishlists   lists their owners share by link
     * @param customers         customers with at least one list
     * @param items             items on all lists
     */
    public record ListCounts(String shopId, int customerWishlists, int guestWishlists, int sharedWishlists,
                             int customers, int items) {
    }

    /** Serves the reports in the operator API. */
    void register(Wiring wiring) {
        wiring.adminField("Shop", "wishlistReport", call -> listCounts(call.shop()));
        wiring.adminField("WishlistReport", "mostWishedVariants",
                call -> mostWishedVariants(call.shop(), call.<Integer>argument("first")));
    }

    /** The variants on the most lists, most wished first (ties by customers, then variant id). */
    public List<WishedVariant> mostWishedVariants(FeatureContext shop, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
        Field<Integer> customers = DSL.countDistinct(WISHLIST_LIST.CUSTOMER_ID).as("customers");
        Field<Integer> wishlists = DSL.count().as("wishlists");
        Field<Long> quantity = DSL.sum(WISHLIST_ITEM.QUANTITY).cast(Long.class).as("quantity");
        return shop.db()
                .select(WISHLIST_ITEM.VARIANT_ID, customers, wishlists, quantity)
                .from(WISHLIST_ITEM)
                .join(WISHLIST_LIST).on(WISHLIST_LIST.ID.eq(WISHLIST_ITEM.LIST_ID))
                .where(WISHLIST_ITEM.SHOP_ID.eq(shop.shopId()), WISHLIST_LIST.SHOP_ID.eq(shop.shopId()))
                .groupBy(WISHLIST_ITEM.VARIANT_ID)
                .orderBy(wishlists.desc(), customers.desc(), WISHLIST_ITEM.VARIANT_ID)
                .limit(limit)
                .fetch((Record4<String, Integer, Integer, Long> row) ->
                        new WishedVariant(row.value1(), row.value2(), row.value3(), row.value4()));
    }

    /** Counts of lists, customers and items in the shop. */
    public ListCounts listCounts(FeatureContext shop) {
        var lists = shop.db()
                .select(DSL.count(WISHLIST_LIST.CUSTOMER_ID), DSL.count(WISHLIST_LIST.GUEST_ID),
                        DSL.count(WISHLIST_LIST.SHARE_NONCE), DSL.countDistinct(WISHLIST_LIST.CUSTOMER_ID))
                .from(WISHLIST_LIST)
                .where(WISHLIST_LIST.SHOP_ID.eq(shop.shopId()))
                .fetchOne();
        int items = shop.db().fetchCount(WISHLIST_ITEM, WISHLIST_ITEM.SHOP_ID.eq(shop.shopId()));
        return new ListCounts(shop.shopId(), lists.value1(), lists.value2(), lists.value3(), lists.value4(), items);
    }
}
