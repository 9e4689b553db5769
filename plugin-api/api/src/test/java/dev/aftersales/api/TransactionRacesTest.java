package dev.aftersales.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.tools.jdbc.MockConnection;
import org.jooq.tools.jdbc.MockResult;
import org.junit.jupiter.api.Test;

class TransactionRacesTest {

    private final DSLContext db = DSL.using(new MockConnection(context -> new MockResult[0]), SQLDialect.MYSQL);

    @Test
    void aDeadlockVictimRunsAgain() {
        AtomicInteger attempts = new AtomicInteger();

        String result = TransactionRaces.run(db, tx -> {
            if (attempts.incrementAndGet() < 3) {
                throw new DataAccessException("deadlock", new SQLException("Deadlock found", "40001"));
            }
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void aUniqueKeyRaceRunsAgainWhateverWrapsTheDriversException() {
        AtomicInteger attempts = new AtomicInteger();

        TransactionRaces.run(db, tx -> {
            if (attempts.incrementAndGet() == 1) {
                // as Spring's exception translation wraps it on the host
                throw new IllegalStateException("translated", new SQLException("Duplicate entry", "23000"));
            }
            return null;
        });

        assertThat(attempts).hasValue(2);
    }

    @Test
    void otherFailuresAreNotRetriedAndALastingRaceGivesUp() {
        AtomicInteger other = new AtomicInteger();
        assertThatThrownBy(() -> TransactionRaces.run(db, tx -> {
            other.incrementAndGet();
            throw new DataAccessException("syntax", new SQLException("bad", "42000"));
        })).isInstanceOf(DataAccessException.class);
        assertThat(other).hasValue(1);

        AtomicInteger lasting = new AtomicInteger();
        assertThatThrownBy(() -> TransactionRaces.run(db, tx -> {
            lasting.incrementAndGet();
            throw new DataAccessException("deadlock", new SQLException("Deadlock found", "40001"));
        })).isInstanceOf(DataAccessException.class);
        assertThat(lasting).hasValue(TransactionRaces.ATTEMPTS);
    }
}
