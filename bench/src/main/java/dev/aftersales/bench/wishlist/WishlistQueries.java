package dev.aftersales.bench.wishlist;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import dev.aftersales.api.catalog.Variant;
import dev.aftersales.api.graphql.GlobalId;
import dev.aftersales.host.catalog.CatalogService;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * The statements the wishlist plugin runs for the benchmarked query, written by hand: the customer's lists (one
 * statement, all columns as the plugin reads them), the newest items of all those lists ({@code ROW_NUMBER()} per list, one statement) and their variants
 * through the host's {@link CatalogService} (one statement), the same three the GraphQL path runs through its batch
 * loaders. The hand-written endpoint runs them per request; the in-memory GraphQL baseline once per customer.
 */
@Component
public class WishlistQueries {

    static final Table<?> LIST = table(name("wishlist_list"));
    static final Table<?> ITEM = table(name("wishlist_item"));
    static final Field<Long> ID = field(name("id"), Long.class);
    static final Field<String> SHOP_ID = field(name("shop_id"), String.class);
    static final Field<String> CUSTOMER_ID = field(name("customer_id"), String.class);
    static final Field<String> NAME = field(name("name"), String.class);
    static final Field<Long> LIST_ID = field(name("list_id"), Long.class);
    static final Field<String> VARIANT_ID = field(name("variant_id"), String.class);
    static final Field<Integer> QUANTITY = field(name("quantity"), Integer.class);
    static final Field<String> NOTE = field(name("note"), String.class);
    static final Field<LocalDateTime> CREATED_AT = field(name("created_at"), LocalDateTime.class);
    static final Field<LocalDateTime> UPDATED_AT = field(name("updated_at"), LocalDateTime.class);

    private final DSLContext db;
    private final CatalogService catalog;

    WishlistQueries(DSLContext db, CatalogService catalog) {
        this.db = db;
        this.catalog = catalog;
    }

    /** A customer's first {@code lists} lists, each with its newest {@code items} items and their variants. */
    public List<ListView> wishlists(String shopId, String customerId, int lists, int items) {
        Map<Long, String> names = new LinkedHashMap<>();
        db.select().from(LIST)
                .where(SHOP_ID.eq(shopId), CUSTOMER_ID.eq(customerId), ID.gt(0L))
                .orderBy(ID)
                .limit(lists)
                .forEach(row -> names.put(row.get(ID), row.get(NAME)));
        if (names.isEmpty()) {
            return List.of();
        }
        Field<Integer> rowInList = DSL.rowNumber().over(DSL.partitionBy(LIST_ID).orderBy(ID.desc())).as("row_in_list");
        Table<?> ranked = db.select(ID, LIST_ID, VARIANT_ID, QUANTITY, NOTE, CREATED_AT, UPDATED_AT, rowInList)
                .from(ITEM)
                .where(SHOP_ID.eq(shopId), LIST_ID.in(names.keySet()))
                .asTable("ranked_item");
        Map<Long, List<ItemRow>> rows = new LinkedHashMap<>();
        Set<String> variantIds = new LinkedHashSet<>();
        db.select(ranked.fields()).from(ranked)
                .where(ranked.field(rowInList).le(items))
                .orderBy(ranked.field(LIST_ID), ranked.field(ID).desc())
                .forEach(row -> {
                    ItemRow item = new ItemRow(row.get(ranked.field(ID)), row.get(ranked.field(VARIANT_ID)),
                            row.get(ranked.field(QUANTITY)));
                    rows.computeIfAbsent(row.get(ranked.field(LIST_ID)), id -> new ArrayList<>()).add(item);
                    variantIds.add(item.variantId());
                });
        Map<String, Variant> variants = catalog.variants(shopId, variantIds);
        List<ListView> views = new ArrayList<>();
        names.forEach((listId, name) -> views.add(new ListView(GlobalId.encode("Wishlist", listId), name,
                rows.getOrDefault(listId, List.of()).stream()
                        .map(item -> new ItemView(GlobalId.encode("WishlistItem", item.id()), item.quantity(),
                                variants.get(item.variantId())))
                        .toList())));
        return views;
    }

    private record ItemRow(long id, String variantId, int quantity) {
    }

    /** A list as the benchmarked query shows it. */
    public record ListView(String id, String name, List<ItemView> items) {
    }

    /** An item as the benchmarked query shows it; the variant is null when the mirror has none. */
    public record ItemView(String id, int quantity, Variant variant) {
    }
}
