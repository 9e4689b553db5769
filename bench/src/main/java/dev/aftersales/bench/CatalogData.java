package dev.aftersales.bench;

import static dev.aftersales.host.jooq.Tables.CATALOG_VARIANTS;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStepN;
import org.jooq.Table;

/**
 * Seeds a shop's catalog mirror ({@code v-1}... in products of 4 variants, one in ten out of stock) and inserts
 * generated rows with multi-row INSERTs of 1,000 rows per statement.
 */
public final class CatalogData {

    private static final int ROWS_PER_STATEMENT = 1_000;

    private final DSLContext db;
    private final String shopId;
    private final Random random = new Random(42);

    public CatalogData(DSLContext db, String shopId) {
        this.db = db;
        this.shopId = shopId;
    }

    public static String variantId(int n) {
        return "v-" + n;
    }

    public void seedVariants(int variants) {
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        List<Object[]> rows = new ArrayList<>();
        for (int v = 1; v <= variants; v++) {
            int product = (v + 3) / 4;
            int stock = random.nextInt(10) == 0 ? 0 : random.nextInt(50);
            rows.add(new Object[] {shopId, variantId(v), "p-" + product, "SKU-" + v, "Product " + product,
                    "Size " + (char) ('S' + v % 4), BigDecimal.valueOf(500 + random.nextInt(20_000), 2), "EUR", stock,
                    true, "https://shop.example/p/" + product, "https://shop.example/i/" + product + ".jpg", now});
        }
        insert(db, CATALOG_VARIANTS, new Field<?>[] {CATALOG_VARIANTS.SHOP_ID, CATALOG_VARIANTS.VARIANT_ID,
                CATALOG_VARIANTS.PRODUCT_ID, CATALOG_VARIANTS.SKU, CATALOG_VARIANTS.PRODUCT_NAME, CATALOG_VARIANTS.NAME,
                CATALOG_VARIANTS.PRICE, CATALOG_VARIANTS.CURRENCY, CATALOG_VARIANTS.STOCK, CATALOG_VARIANTS.PURCHASABLE,
                CATALOG_VARIANTS.URL, CATALOG_VARIANTS.IMAGE_URL, CATALOG_VARIANTS.UPDATED_AT}, rows);
    }

    /**
     * Refreshes the optimizer's statistics of bulk-loaded tables, as the server does by itself some time after a
     * large change; until then it may plan a scan of the shop's whole index instead of a range.
     */
    public static void analyze(DSLContext db, String... tables) {
        db.execute("ANALYZE TABLE " + String.join(", ", tables));
    }

    /** Inserts the rows, {@value #ROWS_PER_STATEMENT} per statement, each statement committed on its own. */
    public static void insert(DSLContext db, Table<?> table, Field<?>[] fields, List<Object[]> rows) {
        for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
            InsertValuesStepN<?> insert = db.insertInto(table, fields);
            for (Object[] row : chunk) {
                insert = insert.values(row);
            }
            insert.execute();
        }
    }
}
