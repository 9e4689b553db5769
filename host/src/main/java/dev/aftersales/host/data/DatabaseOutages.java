package dev.aftersales.host.data;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * Tells a database outage (no connection, a connection lost, the server gone or overloaded) from everything else.
 * A lost race (deadlock, lock wait) is not an outage: the database answered, the transaction lost.
 */
public final class DatabaseOutages {

    private DatabaseOutages() {
    }

    /** Whether the exception, or one of its causes, says the database cannot be used right now. */
    public static boolean isOutage(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConcurrencyFailureException || cause instanceof java.sql.SQLTransactionRollbackException) {
                return false;
            }
            if (cause instanceof CannotGetJdbcConnectionException || cause instanceof DataAccessResourceFailureException
                    || cause instanceof RecoverableDataAccessException || cause instanceof TransientDataAccessException
                    || cause instanceof SQLTransientException || cause instanceof SQLRecoverableException
                    || cause instanceof SQLNonTransientConnectionException || isConnectionState(cause)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a failure to get a connection means the server could not be reached (as opposed to a pool that is only
     * busy): the pool reports the last failed connection attempt as the cause.
     */
    static boolean isConnectFailure(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLNonTransientConnectionException || cause instanceof SQLRecoverableException
                    || cause instanceof ConnectException || isConnectionState(cause)) {
                return true;
            }
        }
        return false;
    }

    /** SQLSTATE class 08: connection exception. */
    private static boolean isConnectionState(Throwable cause) {
        return cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08");
    }
}
