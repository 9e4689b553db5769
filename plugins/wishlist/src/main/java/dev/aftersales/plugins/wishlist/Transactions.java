package dev.aftersales.plugins.wishlist;

import dev.aftersales.api.FeatureContext;
import org.jooq.TransactionalCallable;
import org.jooq.exception.DataAccessException;

/**
 * Runs the feature's transactions and runs one again when InnoDB chose it as a deadlock victim.
 *
 * <p>The limit checks lock the owner's rows ({@code SELECT ... FOR UPDATE}) before they count and insert. For a
 * customer without lists that locks an empty index range, and two concurrent first adds (a double click) then
 * deadlock on their inserts: InnoDB rolls one back. Rolled back, it can simply run again, and then finds the list
 * the other one created. The callbacks only touch the database (events are published after the commit), so running
 * them again is safe.
 */
final class Transactions {

    /** Deadlocks between a handful of requests of one customer resolve within a few attempts. */
    private static final int ATTEMPTS = 4;
    /** SQLSTATE of a transaction rolled back as a deadlock victim (MySQL and MariaDB error 1213). */
    private static final String DEADLOCK = "40001";

    private Transactions() {
    }

    static <T> T inTransaction(FeatureContext shop, TransactionalCallable<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return shop.db().transactionResult(work);
            } catch (DataAccessException e) {
                if (attempt == ATTEMPTS || !DEADLOCK.equals(e.sqlState())) {
                    throw e;
                }
            }
        }
    }
}
