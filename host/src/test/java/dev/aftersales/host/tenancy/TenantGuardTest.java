package dev.aftersales.host.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.table;

import java.sql.Connection;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.ExecuteListenerProvider;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.UniqueKey;
import org.jooq.VisitListenerProvider;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.Internal;
import org.jooq.impl.SQLDataType;
import org.jooq.impl.TableImpl;
import org.jooq.tools.jdbc.MockConnection;
import org.jooq.tools.jdbc.MockResult;
import org.junit.jupiter.api.Test;

/**
 * The guard on SQL as jOOQ renders it for MariaDB. Statements go to jOOQ's mock JDBC connection: the guard runs
 * before execution, so what matters is whether execution is reached.
 */
class TenantGuardTest {

    private static final Table<Record> ITEMS = table(name("wishlist_items"));
    private static final Field<String> SHOP_ID = field(name("wishlist_items", "shop_id"), String.class);
    private static final Field<Long> ID = field(name("wishlist_items", "id"), Long.class);
    private static final Table<Record> LISTS = table(name("wishlist_lists"));
    private static final Field<String> LIST_SHOP_ID = field(name("wishlist_lists", "shop_id"), String.class);
    private static final Field<Long> LIST_ID = field(name("wishlist_lists", "id"), Long.class);

    private final DSLContext db = guarded("shop-a");

    @Test
    void allowsStatementsScopedToTheShop() {
        db.select(ID).from(ITEMS).where(SHOP_ID.eq("shop-a").and(ID.eq(1L))).fetch();
        db.update(ITEMS).set(ID, 2L).where(SHOP_ID.eq("shop-a")).execute();
        db.deleteFrom(ITEMS).where(ID.eq(3L).and(SHOP_ID.eq("shop-a"))).execute();
        db.insertInto(ITEMS).set(SHOP_ID, "shop-a").set(ID, 4L).execute();
    }

    @Test
    void refusesASelectWithoutTheShopPredicate() {
        assertThatThrownBy(() -> db.select(count()).from(ITEMS).fetch())
                .isInstanceOf(TenantGuard.TenantGuardViolation.class)
                .hasMessageContaining("wishlist_items");
    }

    @Test
    void refusesAPredicateForAnotherShop() {
        assertThatThrownBy(() -> db.select(ID).from(ITEMS).where(SHOP_ID.eq("shop-b")).fetch())
                .isInstanceOf(TenantGuard.TenantGuardViolation.class);
    }

    @Test
    void refusesAnInsertForAnotherShopOrWithoutShop() {
        assertThatThrownBy(() -> db.insertInto(ITEMS).set(SHOP_ID, "shop-b").set(ID, 1L).execute())
                .isInstanceOf(TenantGuard.TenantGuardViolation.class);
        assertThatThrownBy(() -> db.insertInto(ITEMS).set(ID, 1L).execute())
                .isInstanceOf(TenantGuard.TenantGuardViolation.class);
    }

    @Test
    void everyTableOfAJoinNeedsItsOwnPredicate() {
        assertThatThrownBy(() -> db.select(ID).from(ITEMS).join(LISTS).on(LIST_ID.eq(ID))
                .where(SHOP_ID.eq("shop-a")).fetch())
                .isInstanceOf(TenantGuard.TenantGuardViolation.class)
                .hasMessageContaining("wishlist_lists");

        db.select(ID).from(ITEMS).join(LISTS).on(LIST_ID.eq(ID).and(LIST_SHOP_ID.eq("shop-a")))
                .where(SHOP_ID.eq("shop-a")).fetch();
    }

    @Test
    void subqueriesNeedTheirOwnPredicate() {
        assertThatThrownBy(() -> db.deleteFrom(ITEMS).where(SHOP_ID.eq("shop-a")
                .and(ID.in(select(LIST_ID).from(LISTS)))).execute())
                .isInstanceOf(TenantGuard.TenantGuardViolation.class);

        db.deleteFrom(ITEMS).where(SHOP_ID.eq("shop-a")
                .and(ID.in(select(LIST_ID).from(LISTS).where(LIST_SHOP_ID.eq("shop-a"))))).execute();
    }

    @Test
    void aliasedTablesAreCheckedByTheirAlias() {
        Table<Record> other = ITEMS.as("other");
        Field<Long> otherId = field(name("other", "id"), Long.class);
        Field<String> otherShop = field(name("other", "shop_id"), String.class);
        assertThatThrownBy(() -> db.select(ID).from(ITEMS).join(other).on(otherId.eq(ID))
                .where(SHOP_ID.eq("shop-a")).fetch())
                .isInstanceOf(TenantGuard.TenantGuardViolation.class)
                .hasMessageContaining("`other`");

        db.select(ID).from(ITEMS).join(other).on(otherId.eq(ID).and(otherShop.eq("shop-a")))
                .where(SHOP_ID.eq("shop-a")).fetch();
    }

    @Test
    void anOrAroundTheShopPredicateIsRefused() {
        assertRefused(() -> db.select(ID).from(ITEMS).where(SHOP_ID.eq("shop-a").or(DSL.trueCondition())).fetch(),
                "wishlist_items");
        assertRefused(() -> db.select(ID).from(ITEMS).where(SHOP_ID.eq("shop-a").or(ID.eq(1L))).fetch(),
                "top-level AND");
        assertRefused(() -> db.select(ID).from(ITEMS).where(DSL.not(SHOP_ID.ne("shop-a"))).fetch(), "wishlist_items");
    }

    @Test
    void onlyARealShopColumnCompareWithThisShopCounts() {
        assertRefused(() -> db.deleteFrom(ITEMS).execute(), "wishlist_items");
        assertRefused(() -> db.deleteFrom(ITEMS).where(DSL.inline("shop-a").as("shop_id").eq("shop-a")).execute(),
                "wishlist_items");
        assertRefused(() -> db.update(ITEMS).set(ID, 1L).where(LIST_SHOP_ID.eq("shop-a")).execute(), "wishlist_items");
        assertRefused(() -> db.select(ID).from(ITEMS).where(SHOP_ID.in("shop-a", "shop-b")).fetch(), "wishlist_items");
        assertRefused(() -> db.select(ID).from(ITEMS.as("A"), ITEMS.as("a"))
                .where(field(name("a", "shop_id"), String.class).eq("shop-a")).fetch(), "differ only in case");
    }

    @Test
    void plainSqlIsRefused() {
        assertRefused(() -> db.fetch("select id from wishlist_items where shop_id = ?", "shop-a"), "plain SQL");
        assertRefused(() -> db.execute("delete from wishlist_items"), "plain SQL");
        assertRefused(() -> db.select(ID).from(ITEMS).where(SHOP_ID.eq("shop-a")).and(DSL.condition("1=1 or 1=1"))
                .fetch(), "plain SQL");
        assertRefused(() -> db.select(DSL.field("(select count(*) from orders)")).from(ITEMS)
                .where(SHOP_ID.eq("shop-a")).fetch(), "plain SQL");
        assertRefused(() -> db.select(ID).from(table("wishlist_items")).fetch(), "plain SQL");
        assertRefused(() -> db.select(ID).from(ITEMS).where(SHOP_ID.eq("shop-a")).option("or 1=1").fetch(),
                "raw SQL text");
        assertRefused(() -> db.query(DSL.sql("truncate wishlist_items")).execute(), "plain SQL");
    }

    @Test
    void hostTablesOtherPluginsTablesAndUnprefixedTablesAreRefused() {
        assertRefused(() -> db.select(field(name("orders", "id"))).from(table(name("orders")))
                .where(field(name("orders", "shop_id"), String.class).eq("shop-a")).fetch(), "orders is not one of");
        assertRefused(() -> db.select(ID).from(ITEMS).join(table(name("customers")))
                .on(field(name("customers", "shop_id"), String.class).eq("shop-a")).where(SHOP_ID.eq("shop-a"))
                .fetch(), "customers is not one of");
        assertRefused(() -> db.select(field(name("x"))).from(table(name("stock_alert_subscription")))
                .where(field(name("stock_alert_subscription", "shop_id"), String.class).eq("shop-a")).fetch(),
                "stock_alert_subscription is not one of");
        assertRefused(() -> db.select(field(name("x"))).from(table(name("notes")))
                .where(field(name("notes", "shop_id"), String.class).eq("shop-a")).fetch(), "notes is not one of");
        assertRefused(() -> db.insertInto(table(name("notify_messages"))).set(field(name("shop_id")), "shop-a")
                .execute(), "notify_messages");
        assertRefused(() -> db.truncate(ITEMS).execute(), "not allowed");
    }

    @Test
    void aSubqueryAnywhereNeedsItsOwnPredicate() {
        assertRefused(() -> db.select(ID, DSL.field(select(count()).from(LISTS))).from(ITEMS)
                .where(SHOP_ID.eq("shop-a")).fetch(), "wishlist_lists");
        assertRefused(() -> db.select(ID).from(ITEMS).where(SHOP_ID.eq("shop-a"))
                .and(DSL.exists(select(LIST_ID).from(LISTS).where(LIST_ID.eq(ID)))).fetch(), "wishlist_lists");
        assertRefused(() -> db.select(DSL.field(name("t", "id"))).from(select(ID).from(ITEMS).asTable("t")).fetch(),
                "wishlist_items");
        assertRefused(() -> db.select(ID).from(ITEMS).where(SHOP_ID.eq("shop-a"))
                .union(select(LIST_ID).from(LISTS)).fetch(), "wishlist_lists");

        db.select(ID).from(ITEMS).where(SHOP_ID.eq("shop-a"))
                .and(ID.le(DSL.field(select(DSL.max(LIST_ID)).from(LISTS).where(LIST_SHOP_ID.eq("shop-a"))))).fetch();
        db.select(DSL.field(name("t", "id"))).from(select(ID).from(ITEMS).where(SHOP_ID.eq("shop-a")).asTable("t"))
                .fetch();
    }

    @Test
    void insertsAndUpdatesStayInTheShop() {
        assertRefused(() -> db.insertInto(ITEMS, SHOP_ID, ID).values("shop-a", 1L).values("shop-b", 2L).execute(),
                "not this shop");
        assertRefused(() -> db.insertInto(ITEMS, SHOP_ID, ID).select(select(LIST_SHOP_ID, LIST_ID).from(LISTS))
                .execute(), "wishlist_lists");
        assertRefused(() -> db.insertInto(ITEMS, SHOP_ID, ID).select(select(DSL.val("shop-b"), LIST_ID).from(LISTS)
                .where(LIST_SHOP_ID.eq("shop-a"))).execute(), "shop_id");
        assertRefused(() -> db.update(ITEMS).set(SHOP_ID, "shop-b").where(SHOP_ID.eq("shop-a")).execute(),
                "not this shop");
        assertRefused(() -> db.insertInto(ITEMS).set(SHOP_ID, "shop-a").set(ID, 1L).onDuplicateKeyUpdate()
                .set(ID, 2L).execute(), "ON DUPLICATE KEY UPDATE");

        db.insertInto(ITEMS, SHOP_ID, ID).select(select(LIST_SHOP_ID, LIST_ID).from(LISTS)
                .where(LIST_SHOP_ID.eq("shop-a"))).execute();
        db.insertInto(ITEMS).set(SHOP_ID, "shop-a").set(ID, 1L).onDuplicateKeyIgnore().execute();
    }

    @Test
    void anUpsertIsAllowedOnlyWhereEveryUniqueKeyHoldsTheShop() {
        KeyedTable scoped = new KeyedTable("wishlist_items", true);
        db.insertInto(scoped).set(scoped.shopId, "shop-a").set(scoped.customerId, "c-1").onDuplicateKeyUpdate()
                .set(scoped.customerId, "c-1").execute();
        assertRefused(() -> db.insertInto(scoped).set(scoped.shopId, "shop-a").set(scoped.customerId, "c-1")
                .onDuplicateKeyUpdate().set(scoped.shopId, "shop-b").execute(), "must not change shop_id");

        KeyedTable global = new KeyedTable("wishlist_lists", false);
        assertRefused(() -> db.insertInto(global).set(global.shopId, "shop-a").set(global.customerId, "c-1")
                .onDuplicateKeyUpdate().set(global.customerId, "c-2").execute(), "every unique key");
    }

    /** A table with key metadata, as jOOQ's code generation makes them; its key holds shop_id or not. */
    private static final class KeyedTable extends TableImpl<Record> {
        final TableField<Record, String> shopId = createField(name("shop_id"), SQLDataType.VARCHAR(64));
        final TableField<Record, String> customerId = createField(name("customer_id"), SQLDataType.VARCHAR(64));
        private final boolean keyHoldsShop;

        KeyedTable(String name, boolean keyHoldsShop) {
            super(name(name));
            this.keyHoldsShop = keyHoldsShop;
        }

        @Override
        public UniqueKey<Record> getPrimaryKey() {
            return keyHoldsShop ? Internal.createUniqueKey(this, name("pk"), shopId, customerId)
                    : Internal.createUniqueKey(this, name("pk"), customerId);
        }

        @Override
        public List<UniqueKey<Record>> getUniqueKeys() {
            return List.of();
        }
    }

    @Test
    void leftJoinsMayScopeTheJoinedTableInTheirOn() {
        db.select(ID).from(ITEMS).leftJoin(LISTS).on(LIST_ID.eq(ID).and(LIST_SHOP_ID.eq("shop-a")))
                .where(SHOP_ID.eq("shop-a")).fetch();
        assertRefused(() -> db.select(ID).from(ITEMS).leftJoin(LISTS).on(LIST_ID.eq(ID).and(SHOP_ID.eq("shop-a")))
                .where(LIST_SHOP_ID.eq("shop-a")).fetch(), "wishlist_items");
    }

    @Test
    void theRefusalNamesThePluginAndIsRecorded() {
        java.util.List<String> recorded = new java.util.ArrayList<>();
        DSLContext recording = guarded("shop-a", (plugin, reason) -> recorded.add(plugin + ": " + reason));
        assertThatThrownBy(() -> recording.select(count()).from(ITEMS).fetch())
                .hasMessageContaining("plugin 'wishlist'");
        assertThat(recorded).singleElement().asString().startsWith("wishlist: `wishlist_items` is used without");
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable statement,
                                      String reasonPart) {
        assertThatThrownBy(statement).isInstanceOf(TenantGuard.TenantGuardViolation.class)
                .hasMessageContaining("plugin 'wishlist'").hasMessageContaining(reasonPart);
    }

    private static DSLContext guarded(String shopId) {
        return guarded(shopId, (plugin, reason) -> { });
    }

    private static DSLContext guarded(String shopId, java.util.function.BiConsumer<String, String> refusals) {
        Connection connection = new MockConnection(context -> new MockResult[] {new MockResult(0)});
        DSLContext db = DSL.using(connection, SQLDialect.MARIADB,
                new Settings().withRenderQuotedNames(RenderQuotedNames.ALWAYS).withRenderSchema(false));
        TenantGuard guard = new TenantGuard("wishlist", shopId, Set.of("wishlist_items", "wishlist_lists"), refusals);
        return db.configuration().derive(new ExecuteListenerProvider[] {() -> guard})
                .derive(new VisitListenerProvider[] {() -> guard}).dsl();
    }
}
