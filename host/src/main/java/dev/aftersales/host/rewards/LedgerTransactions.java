package dev.aftersales.host.rewards;

import java.sql.SQLException;
import org.jooq.DSLContext;
import org.jooq.TransactionalCallable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs a ledger operation in a transaction. On its own it runs again when it lost a race (a deadlock victim, or a
 * unique key a concurrent booking of the same idempotency key filled first: the retry then finds that booking).
 * Inside a caller's transaction it joins it and leaves retrying to the caller ({@code shop.inTransaction}), as a
 * deadlock rolls back the whole transaction.
 */
@Component
class LedgerTransactions {

    static final int ATTEMPTS = 5;
    private static final String DEADLOCK = "40001";
    private static final String CONSTRAINT = "23";

    private final DSLContext db;

    LedgerTransactions(DSLContext db) {
        this.db = db;
    }

    <T> T run(TransactionalCallable<T> work) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return db.transactionResult(work);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return db.transactionResult(work);
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS || !lostRace(e)) {
                    throw e;
                }
            }
        }
    }

    static boolean lostRace(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return DEADLOCK.equals(sql.getSQLState()) || sql.getSQLState().startsWith(CONSTRAINT);
            }
        }
        return false;
    }
}
