package dev.aftersales.host.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.GraphQLError;
import graphql.Scalars;
import graphql.execution.DataFetcherExceptionHandlerParameters;
import graphql.execution.ExecutionStepInfo;
import graphql.execution.MergedField;
import graphql.execution.ResultPath;
import graphql.language.Field;
import graphql.schema.DataFetchingEnvironmentImpl;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/** A race still lost after the retries is the client's cue to try again, never a database outage or a bug. */
class LostRaceMappingTest {

    @Test
    void aDeadlockAsSpringTranslatesItIsAConflict() {
        GraphQLError error = map(new CannotAcquireLockException("jOOQ; Deadlock found",
                new SQLTransactionRollbackException("Deadlock found when trying to get lock", "40001", 1213)));

        assertThat(error.getExtensions()).containsEntry("code", "CONFLICT");
        assertThat(error.getMessage()).contains("try again").doesNotContain("database");
    }

    @Test
    void lockTimeoutsAndUniqueKeyRacesAreConflictsHoweverTheyAreWrapped() {
        assertThat(code(new PessimisticLockingFailureException("lock"))).isEqualTo("CONFLICT");
        assertThat(code(new DuplicateKeyException("Duplicate entry"))).isEqualTo("CONFLICT");
        assertThat(code(new DataAccessException("jOOQ",
                new SQLException("Lock wait timeout exceeded", "HY000", 1205)))).isEqualTo("CONFLICT");
        assertThat(code(new IllegalStateException("wrapped",
                new SQLException("Duplicate entry 'x' for key", "23000", 1062)))).isEqualTo("CONFLICT");
    }

    @Test
    void anOutageStaysAnOutageAndOtherFailuresStayInternal() {
        assertThat(code(new CannotGetJdbcConnectionException("no connection"))).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(code(new DataAccessException("jOOQ",
                new SQLException("Cannot add or update a child row", "23000", 1452)))).isEqualTo("INTERNAL");
    }

    private static String code(Throwable exception) {
        return (String) map(exception).getExtensions().get("code");
    }

    private static GraphQLError map(Throwable exception) {
        var environment = DataFetchingEnvironmentImpl.newDataFetchingEnvironment()
                .executionStepInfo(ExecutionStepInfo.newExecutionStepInfo().type(Scalars.GraphQLString)
                        .path(ResultPath.rootPath().segment("stockAlertSubscribe")).build())
                .mergedField(MergedField.newMergedField(Field.newField("stockAlertSubscribe").build()).build())
                .build();
        var parameters = DataFetcherExceptionHandlerParameters.newExceptionParameters()
                .dataFetchingEnvironment(environment).exception(exception).build();
        return new ErrorMapping().handleException(parameters).join().getErrors().getFirst();
    }
}
