package dev.aftersales.plugins.wishlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aftersales.api.FeatureContext;
import dev.aftersales.api.Links;
import dev.aftersales.api.catalog.Catalog;
import dev.aftersales.api.catalog.Orders;
import dev.aftersales.api.events.Events;
import dev.aftersales.api.platform.ShopPlatform;
import dev.aftersales.api.settings.Settings;
import java.sql.SQLException;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.tools.jdbc.MockConnection;
import org.jooq.tools.jdbc.MockResult;
import org.junit.jupiter.api.Test;

class TransactionsTest {

    private final FeatureContext shop = new DatabaseOnly(
            DSL.using(new MockConnection(context -> new MockResult[0]), SQLDialect.MYSQL));

    private static DataAccessException failure(String sqlState) {
        return new DataAccessException("statement failed", new SQLException("failed", sqlState));
    }

    @Test
    void aDeadlockVictimRunsAgain() {
        AtomicInteger attempts = new AtomicInteger();

        String result = Transactions.inTransaction(shop, tx -> {
            if (attempts.incrementAndGet() < 3) {
                throw failure("40001");
            }
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void otherFailuresAreNotRetried() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> Transactions.inTransaction(shop, tx -> {
            attempts.incrementAndGet();
            throw failure("23000");
        })).isInstanceOf(DataAccessException.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void aLastingDeadlockGivesUp() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> Transactions.inTransaction(shop, tx -> {
            attempts.incrementAndGet();
            throw failure("40001");
        })).isInstanceOf(DataAccessException.class);
        assertThat(attempts).hasValue(4);
    }

    /** A feature context with nothing but a database. */
    private record DatabaseOnly(DSLContext db) implements FeatureContext {
        public String shopId() { return "shop"; }
        public String featureId() { return WishlistFeature.ID; }
        public Clock clock() { throw new UnsupportedOperationException(); }
        public Settings settings() { throw new UnsupportedOperationException(); }
        public Catalog catalog() { throw new UnsupportedOperationException(); }
        public Orders orders() { throw new UnsupportedOperationException(); }
        public Links links() { throw new UnsupportedOperationException(); }
        public Events events() { throw new UnsupportedOperationException(); }
        public ShopPlatform platform() { throw new UnsupportedOperationException(); }
    }
}
