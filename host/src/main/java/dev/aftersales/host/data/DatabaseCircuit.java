package dev.aftersales.host.data;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;

/**
 * Remembers that the database is down, so requests fail at once instead of each waiting the pool's full connection
 * timeout. A circuit breaker around {@link DataSource#getConnection()}: one failed attempt to reach the server opens
 * it; while open every request gets a {@link SQLTransientConnectionException} at once (answered as
 * {@code SERVICE_UNAVAILABLE}); after {@code aftersales.database.outage-backoff} one request tries the server
 * again and closes the circuit when it answers. A pool that is only busy (no failed connection attempt) never opens
 * it.
 */
@Component
public class DatabaseCircuit implements BeanPostProcessor {

    private static final Logger log = LoggerFactory.getLogger(DatabaseCircuit.class);

    private final ObjectProvider<DatabaseProperties> properties;
    private volatile CircuitBreaker breaker;

    DatabaseCircuit(ObjectProvider<DatabaseProperties> properties) {
        this.properties = properties;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !(bean instanceof Guarded)) {
            return new Guarded(dataSource, breaker());
        }
        return bean;
    }

    /** Whether the host currently knows the database to be down. */
    public boolean isOpen() {
        CircuitBreaker current = breaker;
        return current != null && current.getState() != CircuitBreaker.State.CLOSED;
    }

    /**
     * A statement failed on a connection the pool had handed out: when the server is gone (connection lost), the
     * outage is known now, before the next request waits for the pool to give up.
     */
    public void statementFailed(Throwable exception) {
        CircuitBreaker current = breaker;
        if (current != null && DatabaseOutages.isConnectFailure(exception)) {
            current.onError(0, java.util.concurrent.TimeUnit.MILLISECONDS, exception);
        }
    }

    /** How long clients should wait before trying again while the database is down. */
    public Duration retryAfter() {
        return properties.getObject().outageBackoff();
    }

    private synchronized CircuitBreaker breaker() {
        if (breaker == null) {
            CircuitBreaker created = CircuitBreaker.of("database", CircuitBreakerConfig.custom()
                    .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                    .slidingWindowSize(2)
                    .minimumNumberOfCalls(1)
                    .failureRateThreshold(50)
                    .permittedNumberOfCallsInHalfOpenState(1)
                    .waitDurationInOpenState(retryAfter())
                    .recordException(DatabaseOutages::isConnectFailure)
                    .build());
            created.getEventPublisher().onStateTransition(event -> {
                if (event.getStateTransition().getToState() == CircuitBreaker.State.OPEN
                        && event.getStateTransition().getFromState() == CircuitBreaker.State.CLOSED) {
                    log.error("Database unreachable: answering SERVICE_UNAVAILABLE at once, trying again every {}",
                            retryAfter());
                } else if (event.getStateTransition().getToState() == CircuitBreaker.State.CLOSED) {
                    log.info("Database reachable again");
                }
            });
            breaker = created;
        }
        return breaker;
    }

    /** The application's data source, behind the breaker. */
    static final class Guarded extends DelegatingDataSource {

        private final CircuitBreaker breaker;

        Guarded(DataSource target, CircuitBreaker breaker) {
            super(target);
            this.breaker = breaker;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return guarded(() -> super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return guarded(() -> super.getConnection(username, password));
        }

        private Connection guarded(ConnectionSource source) throws SQLException {
            if (!breaker.tryAcquirePermission()) {
                throw new SQLTransientConnectionException("The database is unreachable; not trying again before "
                        + breaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1) + " ms",
                        "08001", CallNotPermittedException.createCallNotPermittedException(breaker));
            }
            long start = breaker.getCurrentTimestamp();
            try {
                Connection connection = source.get();
                breaker.onSuccess(breaker.getCurrentTimestamp() - start, breaker.getTimestampUnit());
                return connection;
            } catch (SQLException | RuntimeException e) {
                breaker.onError(breaker.getCurrentTimestamp() - start, breaker.getTimestampUnit(), e);
                throw e;
            }
        }

        @FunctionalInterface
        private interface ConnectionSource {
            Connection get() throws SQLException;
        }
    }
}
