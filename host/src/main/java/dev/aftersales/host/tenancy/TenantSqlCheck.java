package dev.aftersales.host.tenancy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads SQL as jOOQ renders it (names always quoted) and checks that each reference to a guarded table is matched
 * by a {@code `table-or-alias`.`shop_id` = ?} predicate whose bind value is the shop's id.
 */
final class TenantSqlCheck {

    private static final Pattern QUOTED_NAME = Pattern.compile("`([^`]+)`");
    private static final Pattern ALIAS = Pattern.compile("\\G\\s+as\\s+`([^`]+)`", Pattern.CASE_INSENSITIVE);
    private static final Pattern SHOP_PREDICATE = Pattern.compile("`([^`]+)`\\.`shop_id`\\s*=\\s*\\?");
    private static final Pattern INSERT_TARGET = Pattern.compile("^\\s*(insert|replace)\\s+(ignore\\s+)?into\\s+`([^`]+)`",
            Pattern.CASE_INSENSITIVE);

    private TenantSqlCheck() {
    }

    /**
     * Why the statement is not safely scoped to the shop, or empty when it is.
     *
     * @param insertTargetChecked the statement is an insert whose rows were already checked to carry the shop id
     */
    static Optional<String> problem(String sql, List<Object> binds, String shopId, Set<String> tables,
                                    boolean insertTargetChecked) {
        Map<String, Integer> references = new HashMap<>();
        Matcher name = QUOTED_NAME.matcher(sql);
        int insertTargetEnd = insertTargetEnd(sql, insertTargetChecked);
        while (name.find()) {
            String identifier = name.group(1);
            boolean qualifier = name.end() < sql.length() && sql.charAt(name.end()) == '.';
            boolean qualified = name.start() > 0 && sql.charAt(name.start() - 1) == '.';
            if (!tables.contains(identifier) || qualifier || qualified || name.end() == insertTargetEnd) {
                continue;
            }
            Matcher alias = ALIAS.matcher(sql);
            alias.region(name.end(), sql.length());
            String referencedAs = alias.lookingAt() ? alias.group(1) : identifier;
            references.merge(referencedAs, 1, Integer::sum);
        }
        if (references.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Integer> predicates = new HashMap<>();
        Matcher predicate = SHOP_PREDICATE.matcher(sql);
        while (predicate.find()) {
            int bindIndex = countPlaceholders(sql, predicate.end() - 1);
            if (bindIndex < binds.size() && shopId.equals(String.valueOf(binds.get(bindIndex)))) {
                predicates.merge(predicate.group(1), 1, Integer::sum);
            }
        }
        for (Map.Entry<String, Integer> reference : references.entrySet()) {
            if (predicates.getOrDefault(reference.getKey(), 0) < reference.getValue()) {
                return Optional.of("`" + reference.getKey() + "` is used without `" + reference.getKey()
                        + "`.`shop_id` = <this shop>");
            }
        }
        return Optional.empty();
    }

    private static int insertTargetEnd(String sql, boolean insertTargetChecked) {
        if (!insertTargetChecked) {
            return -1;
        }
        Matcher insert = INSERT_TARGET.matcher(sql);
        return insert.find() ? insert.end() : -1;
    }

    /** How many {@code ?} placeholders stand before {@code position}, skipping quoted strings. */
    private static int countPlaceholders(String sql, int position) {
        int count = 0;
        boolean inString = false;
        for (int i = 0; i < position; i++) {
            char c = sql.charAt(i);
            if (c == '\'') {
                inString = !inString;
            } else if (c == '?' && !inString) {
                count++;
            }
        }
        return count;
    }
}
