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
import java.sql.SQLTransientException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * The one place where exceptions from resolvers become GraphQL errors with {@code extensions.code}. A client sees the
 * message of a {@link FeatureException}; for anything unexpected it sees a reference to the log line, never a stack
 * trace.
 */
final class ErrorMapping implements DataFetcherExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ErrorMapping.class);

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
