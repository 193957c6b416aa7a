package io.slotline.database;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * While the database can't be reached, asking for a connection fails at once instead of after the pool's
 * connection timeout, so that every function call is answered in its usual time (from memory, or refused politely)
 * rather than a second later for each query. A circuit breaker (Resilience4j) opens when the pool could not connect
 * (a timeout with a connection failure behind it; an exhausted pool of a healthy database does not count), lets one
 * caller try again every {@code retry-after}, and closes when that caller gets a connection: the pool reconnects by
 * itself, nothing needs a restart.
 */
public final class FailFastDataSource extends DelegatingDataSource {

    private final CircuitBreaker breaker;

    public FailFastDataSource(DataSource pool, Duration retryAfter) {
        super(pool);
        this.breaker = CircuitBreaker.of(
                "database",
                CircuitBreakerConfig.custom()
                        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                        .slidingWindowSize(4)
                        .minimumNumberOfCalls(2)
                        .failureRateThreshold(50)
                        .waitDurationInOpenState(retryAfter)
                        .permittedNumberOfCallsInHalfOpenState(1)
                        .recordException(FailFastDataSource::cannotConnect)
                        .build());
    }

    @Override
    public Connection getConnection() throws SQLException {
        return guarded(() -> super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return guarded(() -> super.getConnection(username, password));
    }

    /** Whether connections are being handed out (false while the database is known to be away). */
    public boolean available() {
        return breaker.getState() != CircuitBreaker.State.OPEN;
    }

    private Connection guarded(ConnectionSupplier connection) throws SQLException {
        try {
            return breaker.executeCheckedSupplier(connection::get);
        } catch (CallNotPermittedException open) {
            throw new SQLTransientConnectionException(
                    "database unavailable (its connections failed just now; " + "tried again shortly)", "08001", open);
        } catch (SQLException | RuntimeException e) {
            throw e;
        } catch (Throwable unexpected) {
            throw new SQLException(unexpected);
        }
    }

    /** The pool timed out because it could not connect, or the driver refused: not a busy pool. */
    private static boolean cannotConnect(Throwable failure) {
        if (!(failure instanceof SQLException sql)) {
            return false;
        }
        return sql.getCause() != null
                || (sql.getSQLState() != null && sql.getSQLState().startsWith("08"));
    }

    @FunctionalInterface
    private interface ConnectionSupplier {
        Connection get() throws SQLException;
    }
}
