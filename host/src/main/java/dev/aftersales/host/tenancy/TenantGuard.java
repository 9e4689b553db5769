package dev.aftersales.host.tenancy;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.Param;
import org.jooq.Query;
import org.jooq.impl.QOM;

/**
 * Refuses any statement a plugin runs on its own tables without this shop's {@code shop_id}: every reference to one
 * of the plugin's tables needs a {@code shop_id = ?} predicate bound to the shop, and every inserted row this shop's
 * id. This is the one place tenant isolation of plugin data is enforced; repositories cannot forget it.
 */
public final class TenantGuard implements ExecuteListener {

    private final String shopId;
    private final Set<String> tables;

    public TenantGuard(String shopId, Set<String> tables) {
        this.shopId = shopId;
        this.tables = tables;
    }

    @Override
    public void executeStart(ExecuteContext ctx) {
        if (ctx.batchQueries().length > 1) {
            for (Query query : ctx.batchQueries()) {
                check(query, ctx.dsl().render(query));
            }
        } else {
            check(ctx.query(), ctx.sql());
        }
    }

    private void check(Query query, String sql) {
        if (query == null) {
            throw new TenantGuardViolation("plain SQL without a jOOQ query cannot be checked for shop_id: " + sql);
        }
        List<Object> binds = query.getBindValues();
        boolean insertChecked = false;
        if (query instanceof QOM.Insert<?> insert && tables.contains(insert.$into().getName())) {
            insertRowsBelongToShop(insert, sql);
            insertChecked = true;
        }
        Optional<String> problem = TenantSqlCheck.problem(sql, binds, shopId, tables, insertChecked);
        if (problem.isPresent()) {
            throw new TenantGuardViolation(problem.get() + ": " + sql);
        }
    }

    private void insertRowsBelongToShop(QOM.Insert<?> insert, String sql) {
        if (insert.$select() != null) {
            return; // the select part is checked like any other query
        }
        int column = -1;
        for (int i = 0; i < insert.$columns().size(); i++) {
            if ("shop_id".equals(insert.$columns().get(i).getName())) {
                column = i;
            }
        }
        if (column < 0) {
            throw new TenantGuardViolation("insert without shop_id: " + sql);
        }
        for (var row : insert.$values()) {
            if (!(row.field(column) instanceof Param<?> value) || !shopId.equals(value.getValue())) {
                throw new TenantGuardViolation("insert of a row for another shop: " + sql);
            }
        }
    }

    /** Thrown instead of running a statement that could read or write another shop's rows. */
    public static class TenantGuardViolation extends RuntimeException {
        public TenantGuardViolation(String message) {
            super("Tenant guard refused a statement: " + message);
        }
    }
}
