package dev.aftersales.host.tenancy;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.FieldOrRow;
import org.jooq.FieldOrRowOrSelect;
import org.jooq.Name;
import org.jooq.Param;
import org.jooq.QueryPart;
import org.jooq.Row;
import org.jooq.Select;
import org.jooq.SelectFieldOrAsterisk;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.impl.CustomCondition;
import org.jooq.impl.CustomField;
import org.jooq.impl.CustomQueryPart;
import org.jooq.impl.CustomTable;
import org.jooq.impl.DSL;
import org.jooq.impl.QOM;
import org.jooq.impl.TableImpl;

/**
 * Proves, on jOOQ's query model, that one query block of a plugin touches only the plugin's own tables and only this
 * shop's rows: every reference to one of its tables is constrained by {@code <reference>.shop_id = <this shop>} as a
 * top-level AND conjunct of the block's WHERE (or of the ON of the join that brings the table in, where that ON limits
 * the table's rows); inserted rows carry this shop's id; updates never move a row to another shop. Whatever it cannot
 * prove is refused: the answer is the set of table expressions the block declared, each checked.
 */
final class TenantScopeCheck {

    private static final String SHOP_ID = "shop_id";
    private static final Field SELECT_HINT = selectQueryField("hint");
    private static final Field SELECT_OPTION = selectQueryField("option");
    private static final Method PROXY_DELEGATE = proxyDelegate();
    /** jOOQ's plain-SQL query parts (package-private classes) that hold SQL text. */
    private static final Set<String> JOOQ_OWN_SQL = Set.of("*", "last_insert_id()");
    private static final Set<String> PLAIN_SQL_PARTS = Set.of("org.jooq.impl.SQLCondition", "org.jooq.impl.SQLField",
            "org.jooq.impl.SQLFieldSimple", "org.jooq.impl.SQLTable", "org.jooq.impl.SQLQuery",
            "org.jooq.impl.SQLResultQuery");

    private final String shopId;
    private final Set<String> tables;
    private final boolean schemaRendered;

    TenantScopeCheck(String shopId, Set<String> tables, boolean schemaRendered) {
        this.shopId = shopId;
        this.tables = tables;
        this.schemaRendered = schemaRendered;
    }

    /** The table expressions of a SELECT block, each proven to be scoped to the shop. */
    Set<Object> select(Select<?> select) {
        if (select.$intoTable() != null) {
            throw refused("SELECT ... INTO another table is not allowed");
        }
        rawTextOf(select);
        Scope scope = new Scope();
        select.$from().forEach(table -> scope.add(table, List.of()));
        scope.requireShopPredicates(select.$where());
        return scope.declared;
    }

    /** The target of an INSERT, proven to receive only rows of this shop. */
    Set<Object> insert(QOM.Insert<?> insert) {
        Scope scope = new Scope();
        scope.add(insert.$into(), List.of());
        if (scope.references.size() != 1 || insert.$into() instanceof QOM.TableAlias<?>) {
            throw refused("an INSERT must name one of the plugin's tables directly");
        }
        if (insert.$onDuplicateKeyUpdate() || !insert.$updateSet().isEmpty() || insert.$updateWhere() != null) {
            throw refused("INSERT ... ON DUPLICATE KEY UPDATE may update a row of another shop; use onDuplicateKeyIgnore()"
                    + " and a separate UPDATE scoped to the shop");
        }
        if (insert.$defaultValues()) {
            throw refused("INSERT ... DEFAULT VALUES sets no shop_id");
        }
        int column = shopIdColumn(insert.$columns());
        if (column < 0) {
            throw refused("INSERT into " + scope.references.getFirst().name + " does not set shop_id");
        }
        if (insert.$select() != null) {
            insertedBySelect(insert.$select(), column);
        } else {
            if (insert.$values().isEmpty()) {
                throw refused("INSERT without rows cannot be checked");
            }
            for (Row row : insert.$values()) {
                if (!isThisShop(row.field(column))) {
                    throw refused("INSERT of a row whose shop_id is not this shop");
                }
            }
        }
        return scope.declared;
    }

    /** The tables of an UPDATE, proven to be scoped to the shop and never to move a row to another shop. */
    Set<Object> update(QOM.Update<?> update) {
        Scope scope = new Scope();
        scope.add(update.$table(), List.of());
        update.$from().forEach(table -> scope.add(table, List.of()));
        for (Map.Entry<? extends FieldOrRow, ? extends FieldOrRowOrSelect> set : update.$set().entrySet()) {
            if (!(set.getKey() instanceof org.jooq.Field<?> column)) {
                throw refused("UPDATE ... SET (row) = ... cannot be checked; set columns one by one");
            }
            if (SHOP_ID.equalsIgnoreCase(column.getName()) && !isThisShop(set.getValue())) {
                throw refused("UPDATE sets shop_id to a value that is not this shop");
            }
        }
        scope.requireShopPredicates(update.$where());
        return scope.declared;
    }

    /** The tables of a DELETE, proven to be scoped to the shop. */
    Set<Object> delete(QOM.Delete<?> delete) {
        Scope scope = new Scope();
        scope.add(delete.$from(), List.of());
        delete.$using().forEach(table -> scope.add(table, List.of()));
        scope.requireShopPredicates(delete.$where());
        return scope.declared;
    }

    /** Why a table name the plugin used is not one of its tables, or null when it is. */
    String foreignTable(Table<?> table) {
        Name name = table.getQualifiedName();
        boolean qualified = name.parts().length > 1 && (table.getSchema() == null || schemaRendered);
        if (qualified || name.parts().length > 2) {
            return "the table " + name + " is qualified with another schema";
        }
        String simple = name.last().toLowerCase(Locale.ROOT);
        return tables.contains(simple) ? null : "the table " + simple + " is not one of the plugin's own tables"
                + " (a plugin reaches host data only through plugin-api services, never another plugin's tables,"
                + " and only tables named with its feature prefix)";
    }

    private void insertedBySelect(Select<?> select, int column) {
        List<? extends SelectFieldOrAsterisk> selected = select.$select();
        if (column >= selected.size() || !(selected.get(column) instanceof org.jooq.Field<?> value)) {
            throw refused("INSERT ... SELECT whose shop_id column cannot be read");
        }
        if (isThisShop(value)) {
            return;
        }
        // a copied shop_id is fine when it comes from one of the plugin's tables: that block is scoped on its own
        Scope source = new Scope();
        select.$from().forEach(table -> source.add(table, List.of()));
        boolean copied = source.references.stream().anyMatch(reference -> isShopColumnOf(value, reference.name,
                source.references.size() == 1));
        if (!copied) {
            throw refused("INSERT ... SELECT whose shop_id is neither this shop nor copied from a scoped table");
        }
    }

    private static int shopIdColumn(List<? extends org.jooq.Field<?>> columns) {
        for (int i = 0; i < columns.size(); i++) {
            if (SHOP_ID.equalsIgnoreCase(columns.get(i).getName())) {
                return i;
            }
        }
        return -1;
    }

    private boolean isThisShop(Object value) {
        return value instanceof Param<?> param && shopId.equals(String.valueOf(param.getValue()));
    }

    /** A real column reference {@code reference.shop_id} (or {@code shop_id} when the block reads one table). */
    private static boolean isShopColumnOf(Object value, String reference, boolean soleReference) {
        if (!(value instanceof TableField<?, ?> column) || !SHOP_ID.equalsIgnoreCase(column.getName())) {
            return false;
        }
        String[] parts = column.getQualifiedName().getName();
        if (parts.length == 1) {
            return soleReference;
        }
        // aliases are case-sensitive on the database server: `A` and `a` are two references
        return parts[parts.length - 2].equals(reference);
    }

    /** SELECT hints and options are raw SQL text appended to the statement: they could add anything. */
    private static void rawTextOf(Select<?> select) {
        if (SELECT_HINT == null || !SELECT_HINT.getDeclaringClass().isInstance(select)) {
            return;
        }
        try {
            if (SELECT_HINT.get(select) != null || SELECT_OPTION.get(select) != null) {
                throw refused("SELECT hints and options are raw SQL text and cannot be checked");
            }
        } catch (IllegalAccessException e) {
            throw refused("this jOOQ version hides SELECT hints from the tenant guard");
        }
    }

    private static Condition unwrapped(Condition proxy) {
        try {
            return (Condition) PROXY_DELEGATE.invoke(proxy);
        } catch (ReflectiveOperationException | ClassCastException e) {
            return proxy; // an opaque condition proves nothing: fail closed
        }
    }

    private static Method proxyDelegate() {
        try {
            Method method = Class.forName("org.jooq.impl.QOM$UProxy").getMethod("$delegate");
            method.setAccessible(true);
            return method;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static Field selectQueryField(String name) {
        try {
            Field field = Class.forName("org.jooq.impl.SelectQueryImpl").getDeclaredField(name);
            field.setAccessible(true);
            return field;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    static TenantGuard.TenantGuardViolation refused(String reason) {
        return new TenantGuard.TenantGuardViolation(reason);
    }

    /** The conjuncts of a condition joined by AND at its top level. */
    static List<Condition> conjuncts(Condition condition) {
        List<Condition> conjuncts = new ArrayList<>();
        addConjuncts(condition, conjuncts);
        return conjuncts;
    }

    private static void addConjuncts(Condition condition, List<Condition> into) {
        if (condition == null || condition == DSL.noCondition()) {
            return;
        }
        if (PROXY_DELEGATE != null && PROXY_DELEGATE.getDeclaringClass().isInstance(condition)) {
            // jOOQ keeps ON and WHERE conditions in a provider object that only wraps the condition
            addConjuncts(unwrapped(condition), into);
        } else if (condition instanceof QOM.And and) {
            addConjuncts(and.$arg1(), into);
            addConjuncts(and.$arg2(), into);
        } else {
            into.add(condition);
        }
    }

    private record Reference(String name, List<Condition> conditions) {
    }

    /** The table expressions one block declares and the plugin-table references among them. */
    private final class Scope {

        final Set<Object> declared = Collections.newSetFromMap(new IdentityHashMap<>());
        final List<Reference> references = new ArrayList<>();

        /**
         * Adds a table expression of the block; {@code limiting} are the ON conditions that every row of it visible
         * to the block satisfies.
         */
        void add(Table<?> table, List<Condition> limiting) {
            declared.add(table);
            switch (table) {
                case QOM.Join<?> join -> {
                    List<Condition> on = with(limiting, conjuncts(join.$on()));
                    usingRefused(join.$using());
                    add(join.$table1(), on);
                    add(join.$table2(), on);
                }
                case QOM.StraightJoin<?> join -> {
                    List<Condition> on = with(limiting, conjuncts(join.$on()));
                    usingRefused(join.$using());
                    add(join.$table1(), on);
                    add(join.$table2(), on);
                }
                case QOM.LeftJoin<?> join -> {
                    usingRefused(join.$using());
                    add(join.$table1(), limiting);
                    add(join.$table2(), with(limiting, conjuncts(join.$on())));
                }
                case QOM.RightJoin<?> join -> {
                    usingRefused(join.$using());
                    add(join.$table1(), with(limiting, conjuncts(join.$on())));
                    add(join.$table2(), limiting);
                }
                case QOM.CrossJoin<?> join -> {
                    add(join.$table1(), limiting);
                    add(join.$table2(), limiting);
                }
                case QOM.JoinTable<?, ?> join -> throw refused("a " + join.getClass().getSimpleName()
                        + " cannot be checked; use an inner or left join with ON");
                case QOM.TableAlias<?> alias -> aliased(alias.$table(), alias.$alias(), limiting);
                case QOM.DerivedTable<?> derived -> {
                    // its SELECT is a query block of its own, checked when it is rendered
                }
                case QOM.Values<?> values -> {
                    // literal rows, no table data
                }
                case QOM.Dual dual -> {
                }
                case TableImpl<?> base when base.$alias() != null -> aliased(base.$aliased(), base.$alias(), limiting);
                case TableImpl<?> base -> reference(base, base.getName(), limiting);
                default -> throw refused(isPlainSql(table) ? "plain SQL tables cannot be checked" : "the table expression " + table.getClass().getSimpleName()
                        + " cannot be checked");
            }
        }

        private void aliased(Table<?> underlying, Name alias, List<Condition> limiting) {
            if (underlying instanceof QOM.DerivedTable<?> || underlying instanceof QOM.Values<?>) {
                declared.add(underlying);
                return;
            }
            if (!(underlying instanceof TableImpl<?> base) || base.$alias() != null) {
                throw refused("an aliased " + underlying.getClass().getSimpleName() + " cannot be checked");
            }
            reference(base, alias.last(), limiting);
        }

        private void reference(TableImpl<?> base, String name, List<Condition> limiting) {
            String foreign = foreignTable(base);
            if (foreign != null) {
                throw refused(foreign);
            }
            declared.add(base);
            references.add(new Reference(name, limiting));
        }

        void requireShopPredicates(Condition where) {
            if (references.stream().map(reference -> reference.name().toLowerCase(Locale.ROOT)).distinct().count()
                    < references.size()) {
                throw refused("two tables of one query block are referenced by names that differ only in case");
            }
            List<Condition> conjuncts = conjuncts(where);
            boolean sole = references.size() == 1;
            for (Reference reference : references) {
                if (!constrained(with(conjuncts, reference.conditions()), reference.name(), sole)) {
                    throw refused("`" + reference.name() + "` is used without `" + reference.name()
                            + "`.`shop_id` = <this shop> as a top-level AND condition of its query block");
                }
            }
        }

        private boolean constrained(List<Condition> conditions, String reference, boolean sole) {
            for (Condition condition : conditions) {
                if (condition instanceof QOM.Eq<?> eq
                        && (isShopColumnOf(eq.$arg1(), reference, sole) && isThisShop(eq.$arg2())
                        || isShopColumnOf(eq.$arg2(), reference, sole) && isThisShop(eq.$arg1()))) {
                    return true;
                }
            }
            return false;
        }

        private static void usingRefused(List<?> using) {
            if (!using.isEmpty()) {
                throw refused("JOIN ... USING cannot be checked; use ON");
            }
        }

        private static List<Condition> with(List<Condition> first, List<Condition> second) {
            if (second.isEmpty()) {
                return first;
            }
            List<Condition> all = new ArrayList<>(first);
            all.addAll(second);
            return all;
        }
    }

    /**
     * Whether a query part is plain SQL or renders itself: whatever text it holds reaches the database unchecked.
     * jOOQ itself renders {@code count(*)}'s asterisk and {@code DSLContext.lastID()} as plain SQL; exactly those texts
     * are let through.
     */
    static boolean isPlainSql(QueryPart part) {
        if (part instanceof CustomCondition || part instanceof CustomField<?> || part instanceof CustomTable<?>
                || part instanceof CustomQueryPart) {
            // jOOQ renders parts of its own this way (window clauses); one from anywhere else renders what it likes
            return part.getClass().getClassLoader() != CustomQueryPart.class.getClassLoader();
        }
        // SQL templates (DSL.sql) only render inside these containers, so the containers are what is refused
        return PLAIN_SQL_PARTS.contains(part.getClass().getName())
                && !(part instanceof org.jooq.Field<?> field && JOOQ_OWN_SQL.contains(field.getName()));
    }

    static boolean isQueryBlock(QueryPart part) {
        return part instanceof Select<?> || part instanceof QOM.Insert<?> || part instanceof QOM.Update<?>
                || part instanceof QOM.Delete<?>;
    }
}
