package dev.aftersales.plugins.stockalert;

import dev.aftersales.api.FeatureContext;
import org.jooq.TransactionalCallable;
import org.jooq.exception.DataAccessException;

/**
 * Runs a transaction again when it lost a race: two concurrent first subscriptions of one person to one variant (a
 * double click) both find no row, and the unique index lets only one insert through; run again, the other finds that
 * row. A deadlock victim is rolled back and can run again as well. The callbacks only touch the database and the
 * outbox, which joins the rolled-back transaction, so running them again is safe.
 */
final class Transactions {

    private static final int ATTEMPTS = 3;
    /** SQLSTATE class of integrity constraint violations (duplicate key). */
    private static final String CONSTRAINT_VIOLATION = "23";
    /** SQLSTATE of a transaction rolled back as a deadlock victim. */
    private static final String DEADLOCK = "40001";

    private Transactions() {
    }

    static <T> T retryingConflicts(FeatureContext shop, TransactionalCallable<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return shop.db().transactionResult(work);
            } catch (DataAccessException e) {
                String state = e.sqlState();
                boolean conflict = state != null && (state.startsWith(CONSTRAINT_VIOLATION) || state.equals(DEADLOCK));
                if (attempt == ATTEMPTS || !conflict) {
                    throw e;
                }
            }
        }
    }
}
