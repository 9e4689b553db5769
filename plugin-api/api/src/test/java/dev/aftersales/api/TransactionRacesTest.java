package dev.aftersales.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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
    private final List<Long> pauses = new ArrayList<>();

    private <T> T run(org.jooq.TransactionalCallable<T> work) {
        return TransactionRaces.run(db, work, pauses::add, new Random(7));
    }

    @Test
    void aDeadlockVictimRunsAgain() {
        AtomicInteger attempts = new AtomicInteger();

        String result = run(tx -> {
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

        run(tx -> {
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
        assertThatThrownBy(() -> run(tx -> {
            other.incrementAndGet();
            throw new DataAccessException("syntax", new SQLException("bad", "42000"));
        })).isInstanceOf(DataAccessException.class);
        assertThat(other).hasValue(1);

        AtomicInteger lasting = new AtomicInteger();
        assertThatThrownBy(() -> run(tx -> {
            lasting.incrementAndGet();
            throw new DataAccessException("deadlock", new SQLException("Deadlock found", "40001"));
        })).isInstanceOf(DataAccessException.class);
        assertThat(lasting).hasValue(TransactionRaces.ATTEMPTS);
    }

    @Test
    void aLockWaitTimeoutIsALostRaceToo() {
        AtomicInteger attempts = new AtomicInteger();

        run(tx -> {
            if (attempts.incrementAndGet() == 1) {
                throw new DataAccessException("timeout", new SQLException("Lock wait timeout exceeded", "HY000", 1205));
            }
            return null;
        });

        assertThat(attempts).hasValue(2);
    }

    @Test
    void pausesGrowExponentiallyWithJitterBetweenAttemptsOnly() {
        assertThatThrownBy(() -> run(tx -> {
            throw new DataAccessException("deadlock", new SQLException("Deadlock found", "40001"));
        })).isInstanceOf(DataAccessException.class);

        assertThat(pauses).as("no pause after the last attempt").hasSize(TransactionRaces.ATTEMPTS - 1);
        for (int lost = 1; lost < TransactionRaces.ATTEMPTS; lost++) {
            long cap = Math.min(TransactionRaces.MAX_PAUSE_MS, TransactionRaces.FIRST_PAUSE_MS << (lost - 1));
            assertThat(pauses.get(lost - 1)).as("pause after lost race " + lost).isBetween(cap / 2, cap);
        }
        assertThat(pauses.getLast()).isGreaterThan(pauses.getFirst());
    }

    @Test
    void jitterSpreadsThePausesOfRacesLostTogether() {
        Random random = new Random(11);
        List<Long> pausesOfTen = new ArrayList<>();
        for (int client = 0; client < 10; client++) {
            pausesOfTen.add(TransactionRaces.pauseMillis(4, random));
        }

        assertThat(pausesOfTen.stream().distinct().count()).isGreaterThan(5);
        assertThat(pausesOfTen).allSatisfy(pause -> assertThat(pause).isBetween(32L, 64L));
    }
}
