package dev.aftersales.host.data;

import java.util.concurrent.atomic.AtomicLong;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.slf4j.MDC;

/**
 * Counts the SQL statements run through jOOQ while serving HTTP requests (those carry a request id in the MDC, see
 * RequestLogContext); background work such as inbox polling is not counted. Tests use it to prove a query's
 * statement count does not grow with the page size (no N+1).
 */
public class StatementCounter implements ExecuteListener {

    private final AtomicLong executed = new AtomicLong();

    @Override
    public void executeStart(ExecuteContext ctx) {
        if (MDC.get("requestId") != null) {
            executed.incrementAndGet();
        }
    }

    public long total() {
        return executed.get();
    }
}
