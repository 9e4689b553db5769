package dev.aftersales.testkit;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * Finds a person in the whole database, generated from the schema (information_schema), so a table added later by
 * the host or any plugin is covered without touching a test: every text column of every table, restricted to one
 * shop where the table has a {@code shop_id}, is searched for the customer's id, address and address hash. Use it
 * to prove a GDPR erase left nothing, e.g. after {@code shop.erase("wishlist", "anna")}:
 *
 * <pre>{@code
 * assertThat(shop.personalData("anna", null)).isEmpty();
 * }</pre>
 */
public final class PersonalDataScan {

    /**
     * What GDPR lets stay, and why: the erasure record names the customer id as proof of the erasure; the
     * suppression list keeps the address hash so the person is not mailed again without a new opt-in.
     */
    public static final Set<String> KEPT_ON_PURPOSE = Set.of("customer_erasures.customer_id",
            "notify_suppressions.email_hash");
    private static final Set<String> TEXT_TYPES = Set.of("char", "varchar", "tinytext", "text", "mediumtext",
            "longtext", "json");

    private final DSLContext db;

    public PersonalDataScan(DSLContext db) {
        this.db = db;
    }

    /**
     * Each {@code table.column} (with the value searched) of the shop that still holds the person, except
     * {@link #KEPT_ON_PURPOSE}; {@code email} may be null when the test knows no address.
     */
    public List<String> find(String shopId, String customerId, String email) {
        List<String> needles = email == null ? List.of(customerId)
                : List.of(customerId, email, sha256(email.toLowerCase(Locale.ROOT)));
        List<String> found = new ArrayList<>();
        columnsByTable().forEach((tableName, columns) -> {
            Condition ofShop = columns.containsKey("shop_id") ? field(name(tableName, "shop_id")).eq(shopId)
                    : DSL.noCondition();
            columns.forEach((column, type) -> {
                if (!TEXT_TYPES.contains(type) || KEPT_ON_PURPOSE.contains(tableName + "." + column)) {
                    return;
                }
                for (String needle : needles) {
                    // LIKE under the tables' case-insensitive collation: an address in any case is found
                    if (db.fetchExists(table(name(tableName)),
                            ofShop.and(field(name(tableName, column), String.class).contains(needle)))) {
                        found.add(tableName + "." + column + " holds " + needle);
                    }
                }
            });
        });
        return found;
    }

    /** Every row of every table of the shop (tables with a shop_id) but {@code leftOut}, to compare states. */
    public Map<String, List<String>> rowsOf(String shopId, Set<String> leftOut) {
        Map<String, List<String>> rows = new TreeMap<>();
        columnsByTable().forEach((tableName, columns) -> {
            if (columns.containsKey("shop_id") && !leftOut.contains(tableName)) {
                rows.put(tableName, db.selectFrom(table(name(tableName)))
                        .where(field(name(tableName, "shop_id")).eq(shopId)).fetch().stream()
                        .map(Record::toString).sorted().toList());
            }
        });
        return rows;
    }

    private Map<String, Map<String, String>> columnsByTable() {
        Map<String, Map<String, String>> tables = new LinkedHashMap<>();
        db.resultQuery("select table_name, column_name, data_type from information_schema.columns "
                        + "where table_schema = database() order by table_name, ordinal_position")
                .fetch().forEach(row -> tables.computeIfAbsent(row.get(0, String.class).toLowerCase(Locale.ROOT),
                        t -> new LinkedHashMap<>()).put(row.get(1, String.class).toLowerCase(Locale.ROOT),
                        row.get(2, String.class).toLowerCase(Locale.ROOT)));
        return tables;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
