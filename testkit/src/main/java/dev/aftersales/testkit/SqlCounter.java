package dev.aftersales.testkit;

import dev.aftersales.host.data.StatementCounter;

/**
 * Counts the SQL statements the host runs while an action runs (tests run one request at a time).
 *
 * <pre>{@code
 * long small = host.sqlStatements().count(() -> shop.storefront("anna").execute(itemsQuery(5)));
 * long large = host.sqlStatements().count(() -> shop.storefront("anna").execute(itemsQuery(50)));
 * assertThat(large).isEqualTo(small);
 * }</pre>
 */
public final class SqlCounter {

    private final StatementCounter counter;

    SqlCounter(StatementCounter counter) {
        this.counter = counter;
    }

    public long count(Runnable action) {
        long before = counter.total();
        action.run();
        return counter.total() - before;
    }
}
