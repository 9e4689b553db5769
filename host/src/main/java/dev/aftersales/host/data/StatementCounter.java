package dev.aftersales.host.data;

import java.util.concurrent.atomic.AtomicLong;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;

/**
 * Counts the SQL statements the host and its plugins run through jOOQ. Tests use it to prove a query's statement
 * count does not grow with the page size (no N+1).
 */
public class StatementCounter implements ExecuteListener {

    private final AtomicLong executed = new AtomicLong();

    @Override
    public void executeStart(ExecuteContext ctx) {
        executed.incrementAndGet();
    }

    public long total() {
        return executed.get();
    }
}
