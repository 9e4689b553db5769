package dev.aftersales.bench.wishlist;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;

import dev.aftersales.bench.CatalogData;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;

/**
 * Seeds a shop's catalog mirror and wishlists with multi-row INSERTs: {@code customers}
 * customers ({@code c-1}...) with 3 lists of 20 distinct variants each, over a catalog of 4 variants per product.
 * Ids are given explicitly so that items can refer to their lists without reading them back.
 */
public final class WishlistData {

    public static final int LISTS_PER_CUSTOMER = 3;
    public static final int ITEMS_PER_LIST = 20;
    private static final String[] LIST_NAMES = {"Wishlist", "Birthday", "Later"};

    private final DSLContext db;
    private final String shopId;
    private final Random random = new Random(42);
    private final LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);

    public WishlistData(DSLContext db, String shopId) {
        this.db = db;
        this.shopId = shopId;
    }

    public static String customer(int n) {
        return "c-" + n;
    }

    /** Seeds the variants and the customers' lists; returns the number of variants. */
    public int seed(int customers) {
        int variants = Math.max(100, customers / 5);
        new CatalogData(db, shopId).seedVariants(variants);
        long firstListId = nextId(WishlistQueries.LIST);
        long firstItemId = nextId(WishlistQueries.ITEM);
        Table<?> list = WishlistQueries.LIST;
        Field<?>[] listFields = {WishlistQueries.ID, WishlistQueries.SHOP_ID, WishlistQueries.CUSTOMER_ID,
                WishlistQueries.NAME, field(name("is_default")), WishlistQueries.CREATED_AT,
                WishlistQueries.UPDATED_AT};
        Field<?>[] itemFields = {WishlistQueries.ID, WishlistQueries.SHOP_ID, WishlistQueries.LIST_ID,
                WishlistQueries.VARIANT_ID, WishlistQueries.QUANTITY, WishlistQueries.CREATED_AT,
                WishlistQueries.UPDATED_AT};
        List<Object[]> lists = new ArrayList<>();
        List<Object[]> items = new ArrayList<>();
        long listId = firstListId;
        long itemId = firstItemId;
        for (int c = 1; c <= customers; c++) {
            for (int l = 0; l < LISTS_PER_CUSTOMER; l++, listId++) {
                lists.add(new Object[] {listId, shopId, customer(c), LIST_NAMES[l], l == 0, now, now});
                for (int variant : distinctVariants(variants)) {
                    items.add(new Object[] {itemId++, shopId, listId, CatalogData.variantId(variant), 1 + random.nextInt(3),
                            now, now});
                }
            }
        }
        CatalogData.insert(db, list, listFields, lists);
        CatalogData.insert(db, WishlistQueries.ITEM, itemFields, items);
        CatalogData.analyze(db, "wishlist_list", "wishlist_item", "catalog_variants");
        return variants;
    }

    private int[] distinctVariants(int variants) {
        return random.ints(1, variants + 1).distinct().limit(ITEMS_PER_LIST).toArray();
    }

    private long nextId(Table<?> table) {
        Long max = db.select(org.jooq.impl.DSL.max(WishlistQueries.ID)).from(table).fetchOne(0, Long.class);
        return max == null ? 1 : max + 1;
    }

}
