package dev.aftersales.api;

import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongConsumer;
import java.util.random.RandomGenerator;
import org.jooq.DSLContext;
import org.jooq.TransactionalCallable;

/**
 * Runs a transaction again when it lost a race with a concurrent one (see {@link FeatureContext#inTransaction}).
 * Between attempts it pauses for an exponentially growing, randomised time: transactions that collided once would
 * collide again if they all came back at the same moment.
 */
final class TransactionRaces {

    static final int ATTEMPTS = 6;
    /** The pause after the first lost race is at most this long; it doubles per lost race up to {@link #MAX_PAUSE_MS}. */
    static final long FIRST_PAUSE_MS = 8;
    static final long MAX_PAUSE_MS = 250;
    /** SQLSTATE of a transaction the database rolled back as a deadlock victim (MySQL and MariaDB error 1213). */
    private static final String DEADLOCK = "40001";
    /** SQLSTATE class of integrity constraint violations, e.g. a unique key another transaction filled first. */
    private static final String CONSTRAINT = "23";
    /** MySQL and MariaDB error of a lock wait timeout (SQLSTATE HY000 in some driver versions). */
    private static final int LOCK_WAIT_TIMEOUT = 1205;

    private TransactionRaces() {
    }

    static <T> T run(DSLContext db, TransactionalCallable<T> work) {
        return run(db, work, TransactionRaces::sleep, ThreadLocalRandom.current());
    }

    static <T> T run(DSLContext db, TransactionalCallable<T> work, LongConsumer pause, RandomGenerator random) {
        for (int attempt = 1; ; attempt++) {
            try {
                return db.transactionResult(work);
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS || !lostRace(e)) {
                    throw e;
                }
                pause.accept(pauseMillis(attempt, random));
            }
        }
    }

    /** "Equal jitter": half of the capped exponential pause for sure, the other half at random. */
    static long pauseMillis(int lostRaces, RandomGenerator random) {
        long cap = Math.min(MAX_PAUSE_MS, FIRST_PAUSE_MS << Math.min(lostRaces - 1, 20));
        return cap / 2 + random.nextLong(cap / 2 + 1);
    }

    /** Looks through the causes, as jOOQ and Spring wrap the driver's exception differently. */
    static boolean lostRace(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return DEADLOCK.equals(sql.getSQLState()) || sql.getSQLState().startsWith(CONSTRAINT)
                        || sql.getErrorCode() == LOCK_WAIT_TIMEOUT;
            }
        }
        return false;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to run a transaction again", e);
        }
    }
}
