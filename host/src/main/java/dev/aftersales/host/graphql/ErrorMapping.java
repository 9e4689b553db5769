package dev.aftersales.host.graphql;

import dev.aftersales.api.FeatureException;
import dev.aftersales.host.data.DatabaseOutages;
import dev.aftersales.host.tenancy.TenantGuard;
import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherExceptionHandlerParameters;
import graphql.execution.DataFetcherExceptionHandlerResult;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientException;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * The one place where exceptions from resolvers become GraphQL errors with {@code extensions.code}. A client sees the
 * message of a {@link FeatureException}; for anything unexpected it sees a reference to the log line, never a stack
 * trace.
 */
final class ErrorMapping implements DataFetcherExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ErrorMapping.class);
    /** MySQL and MariaDB errors of a lost race: duplicate key, lock wait timeout, deadlock. */
    private static final Set<Integer> LOST_RACE_ERRORS = Set.of(1062, 1205, 1213);

    @Override
    public CompletableFuture<DataFetcherExceptionHandlerResult> handleException(
            DataFetcherExceptionHandlerParameters parameters) {
        Throwable exception = unwrap(parameters.getException());
        GraphqlErrorBuilder<?> error = GraphqlErrorBuilder.newError()
                .path(parameters.getPath())
                .location(parameters.getSourceLocation());
        if (exception instanceof FeatureException feature) {
            error.message(feature.getMessage()).errorType(classification(feature.code().name()))
                    .extensions(Map.of("code", feature.code().name()));
        } else if (isLostRace(exception)) {
            String reference = reference();
            log.warn("Lost a race with a concurrent change at {} (reference {})", parameters.getPath(), reference,
                    exception);
            error.message("The change collided with a concurrent change to the same data; try again (reference "
                    + reference + ")").errorType(classification("CONFLICT"))
                    .extensions(Map.of("code", "CONFLICT", "reference", reference));
        } else if (isDatabaseUnavailable(exception)) {
            String reference = reference();
            log.error("Database unavailable at {} (reference {})", parameters.getPath(), reference, exception);
            error.message("The service cannot reach its database right now; try again shortly (reference "
                    + reference + ")").errorType(classification("SERVICE_UNAVAILABLE"))
                    .extensions(Map.of("code", "SERVICE_UNAVAILABLE", "reference", reference));
        } else {
            String reference = reference();
            if (exception instanceof TenantGuard.TenantGuardViolation) {
                log.error("Tenant guard refused a statement at {} (reference {})", parameters.getPath(), reference,
                        exception);
            } else {
                log.error("Unexpected error at {} (reference {})", parameters.getPath(), reference, exception);
            }
            error.message("Internal error (reference " + reference + ")").errorType(classification("INTERNAL"))
                    .extensions(Map.of("code", "INTERNAL", "reference", reference));
        }
        GraphQLError built = error.build();
        return CompletableFuture.completedFuture(DataFetcherExceptionHandlerResult.newResult(built).build());
    }

    /**
     * A transaction that lost a race (deadlock victim, lock wait timeout, a unique key filled first) even after
     * {@code FeatureContext.inTransaction}'s retries: the database is up, the client may simply try again. Checked
     * before {@link #isDatabaseUnavailable}, as Spring's lock exceptions are transient data access exceptions too.
     */
    private static boolean isLostRace(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConcurrencyFailureException || cause instanceof DuplicateKeyException
                    || cause instanceof SQLTransactionRollbackException) {
                return true;
            }
            if (cause instanceof SQLException sql && LOST_RACE_ERRORS.contains(sql.getErrorCode())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDatabaseUnavailable(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof CannotGetJdbcConnectionException || cause instanceof DataAccessResourceFailureException
                    || cause instanceof TransientDataAccessException || cause instanceof SQLTransientException
                    || cause instanceof java.sql.SQLNonTransientConnectionException
                    || DatabaseOutages.isOutage(cause)) {
                return true;
            }
        }
        return false;
    }

    private static Throwable unwrap(Throwable exception) {
        return exception instanceof CompletionException && exception.getCause() != null ? exception.getCause() : exception;
    }

    private static String reference() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    static ErrorClassification classification(String code) {
        return ErrorClassification.errorClassification(code);
    }
}
