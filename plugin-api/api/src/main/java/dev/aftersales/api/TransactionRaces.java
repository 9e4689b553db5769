package dev.aftersales.api;

import java.sql.SQLException;
import org.jooq.DSLContext;
import org.jooq.TransactionalCallable;

/** Runs a transaction again when it lost a race with a concurrent one (see {@link FeatureContext#inTransaction}). */
final class TransactionRaces {

    static final int ATTEMPTS = 3;
    /** SQLSTATE of a transaction the database rolled back as a deadlock victim (MySQL and MariaDB error 1213). */
    private static final String DEADLOCK = "40001";
    /** SQLSTATE class of integrity constraint violations, e.g. a unique key another transaction filled first. */
    private static final String CONSTRAINT = "23";

    private TransactionRaces() {
    }

    static <T> T run(DSLContext db, TransactionalCallable<T> work) {
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

    /** Looks through the causes, as jOOQ and Spring wrap the driver's exception differently. */
    static boolean lostRace(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return DEADLOCK.equals(sql.getSQLState()) || sql.getSQLState().startsWith(CONSTRAINT);
            }
        }
        return false;
    }
}
