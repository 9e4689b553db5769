package dev.aftersales.host.tenancy;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.function.BiConsumer;
import org.jooq.Context;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.Query;
import org.jooq.QueryPart;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.VisitContext;
import org.jooq.VisitListener;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.impl.QOM;
import org.jooq.impl.TableImpl;

/**
 * Keeps a plugin's statements inside its own tables and its shop, on jOOQ's query model while the statement renders:
 * every query block (SELECT, including subqueries, derived tables and set operations; INSERT; UPDATE; DELETE) is
 * proven scoped by {@link TenantScopeCheck} as the renderer reaches it, and every table the renderer writes must be
 * one that an enclosing, proven block declared. Plain SQL (strings, templates, custom query parts), other statement
 * kinds and tables of the host or of other plugins are refused before anything reaches the database.
 *
 * <p>This is the one place tenant isolation of plugin data is enforced; repositories cannot forget it. It guards
 * against mistakes and query-level tricks, not against code that deliberately leaves jOOQ (JDBC, reflection): the
 * database's own grants are the wall for that (see docs/architecture.md).
 */
public final class TenantGuard implements ExecuteListener, VisitListener {

    private static final Object PROVEN_BLOCKS = new Object();
    private static final String SELECT_WRAPPER = "org.jooq.impl.SelectImpl";

    private final String pluginId;
    private final String shopId;
    private final Set<String> tables;
    private final BiConsumer<String, String> refusals;

    /**
     * @param refusals told (plugin id, reason) about every refused statement, so the testkit's checks can list them
     *                 even when a plugin swallows the exception
     */
    public TenantGuard(String pluginId, String shopId, Set<String> tables, BiConsumer<String, String> refusals) {
        this.pluginId = pluginId;
        this.shopId = shopId;
        this.tables = tables;
        this.refusals = refusals;
    }

    @Override
    public void renderStart(ExecuteContext ctx) {
        try {
            if (ctx.routine() != null) {
                throw TenantScopeCheck.refused("stored procedure calls are not allowed");
            }
            if (ctx.settings().getRenderQuotedNames() != RenderQuotedNames.ALWAYS) {
                throw TenantScopeCheck.refused("names must be rendered quoted (the host's setting was changed)");
            }
            Query query = ctx.query();
            if (query == null && ctx.batchQueries().length == 0) {
                throw TenantScopeCheck.refused("a statement without a jOOQ query cannot be checked");
            }
            if (query != null) {
                statementKind(query);
            }
            for (Query batched : ctx.batchQueries()) {
                statementKind(batched);
            }
        } catch (TenantGuardViolation violation) {
            throw recorded(violation);
        }
    }

    @Override
    public void visitStart(VisitContext ctx) {
        QueryPart part = ctx.queryPart();
        try {
            plainSql(part);
            if (part instanceof Query query) {
                provenBlocks(ctx.context()).push(block(query, ctx.context()));
            } else if (part instanceof TableImpl<?> table && ctx.context().declareTables()) {
                tableWritten(table, provenBlocks(ctx.context()), check(ctx.context()));
            }
        } catch (TenantGuardViolation violation) {
            throw recorded(violation);
        }
    }

    @Override
    public void visitEnd(VisitContext ctx) {
        if (ctx.queryPart() instanceof Query) {
            Deque<Set<Object>> blocks = provenBlocks(ctx.context());
            if (!blocks.isEmpty()) {
                blocks.pop();
            }
        }
    }

    /** The table expressions a query block declares, each proven scoped to the shop. */
    private Set<Object> block(Query query, Context<?> context) {
        if (SELECT_WRAPPER.equals(query.getClass().getName())) {
            // the DSL's SELECT only wraps the query that renders next, which is proven on its own
            return Set.of();
        }
        TenantScopeCheck check = check(context);
        return switch (query) {
            case Select<?> select -> check.select(select);
            case QOM.Insert<?> insert -> check.insert(insert);
            case QOM.Update<?> update -> check.update(update);
            case QOM.Delete<?> delete -> check.delete(delete);
            default -> throw TenantScopeCheck.refused(statementKindName(query) + " statements are not allowed");
        };
    }

    private TenantScopeCheck check(Context<?> context) {
        return new TenantScopeCheck(shopId, tables, Boolean.TRUE.equals(context.settings().isRenderSchema()));
    }

    /** A table the renderer writes must be one an enclosing block declared and proved, and one of the plugin's. */
    private void tableWritten(Table<?> table, Deque<Set<Object>> blocks, TenantScopeCheck check) {
        String foreign = check.foreignTable(table);
        if (foreign != null) {
            throw TenantScopeCheck.refused(foreign);
        }
        for (Set<Object> block : blocks) {
            if (block.contains(table)) {
                return;
            }
        }
        throw TenantScopeCheck.refused("the table " + table.getName() + " appears where the guard cannot prove it is"
                + " scoped to the shop");
    }

    private static void plainSql(QueryPart part) {
        if (TenantScopeCheck.isPlainSql(part)) {
            throw TenantScopeCheck.refused("plain SQL (" + part.getClass().getSimpleName() + text(part) + ") cannot be checked; build the statement with jOOQ's DSL on the plugin's generated tables");
        }
    }

    /** The text of a plain-SQL field or condition, shortened; other parts are not rendered again here. */
    private static String text(QueryPart part) {
        if (!(part instanceof org.jooq.Field<?> field)) {
            return "";
        }
        String text = field.getName().replaceAll("\\s+", " ");
        return " \"" + (text.length() > 60 ? text.substring(0, 60) + "..." : text) + "\"";
    }

    private static void statementKind(Query query) {
        if (!TenantScopeCheck.isQueryBlock(query)) {
            plainSql(query);
            throw TenantScopeCheck.refused(statementKindName(query) + " statements are not allowed");
        }
    }

    private static String statementKindName(Query query) {
        return query.getClass().getSimpleName().replace("Impl", "").replace("Query", "");
    }

    @SuppressWarnings("unchecked")
    private static Deque<Set<Object>> provenBlocks(Context<?> context) {
        Object blocks = context.data(PROVEN_BLOCKS);
        if (blocks == null) {
            blocks = new ArrayDeque<Set<Object>>();
            context.data(PROVEN_BLOCKS, blocks);
        }
        return (Deque<Set<Object>>) blocks;
    }

    private TenantGuardViolation recorded(TenantGuardViolation violation) {
        refusals.accept(pluginId, violation.reason());
        return new TenantGuardViolation(pluginId, violation.reason());
    }

    /** Thrown instead of running a statement that could read or write outside the plugin's own rows of this shop. */
    public static class TenantGuardViolation extends RuntimeException {

        private final String reason;

        TenantGuardViolation(String reason) {
            super("Tenant guard refused a statement: " + reason);
            this.reason = reason;
        }

        TenantGuardViolation(String pluginId, String reason) {
            super("Tenant guard refused a statement of plugin '" + pluginId + "': " + reason);
            this.reason = reason;
        }

        /** Why the statement was refused, without the plugin's name. */
        public String reason() {
            return reason;
        }
    }
}
