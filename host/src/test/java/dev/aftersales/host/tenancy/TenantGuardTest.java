package dev.aftersales.host.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.table;

import java.sql.Connection;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
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
    void tablesOfOtherOwnersAreNotItsBusiness() {
        db.select(field(name("x"))).from(table(name("catalog_variants"))).fetch();
    }

    private static DSLContext guarded(String shopId) {
        Connection connection = new MockConnection(context -> new MockResult[] {new MockResult(0)});
        DSLContext db = DSL.using(connection, SQLDialect.MARIADB,
                new Settings().withRenderQuotedNames(RenderQuotedNames.ALWAYS).withRenderSchema(false));
        TenantGuard guard = new TenantGuard(shopId, Set.of("wishlist_items", "wishlist_lists"));
        return db.configuration().derive(() -> guard).dsl();
    }
}
