package io.slotline.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.lang.reflect.Proxy;
import java.net.ConnectException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.AbstractDataSource;

class FailFastDataSourceTest {

    private final AtomicInteger asked = new AtomicInteger();
    private final AtomicReference<@Nullable SQLException> failure = new AtomicReference<>();
    private final FailFastDataSource dataSource = new FailFastDataSource(
            new AbstractDataSource() {
                @Override
                public Connection getConnection() throws SQLException {
                    asked.incrementAndGet();
                    SQLException current = failure.get();
                    if (current != null) {
                        throw current;
                    }
                    return (Connection) Proxy.newProxyInstance(
                            getClass().getClassLoader(),
                            new Class<?>[] {Connection.class},
                            (proxy, method, args) -> null);
                }

                @Override
                public Connection getConnection(String username, String password) throws SQLException {
                    return getConnection();
                }
            },
            Duration.ofMillis(100));

    @Test
    void afterThePoolCouldNotConnectConnectionsFailAtOnceUntilOneCallerGetsOneAgain() throws Exception {
        SQLTransientConnectionException down = new SQLTransientConnectionException(
                "Connection is not available, request timed out after 1000ms (total=0, active=0)");
        down.initCause(new ConnectException("Connection refused"));
        failure.set(down);
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(dataSource::getConnection).isSameAs(down);
        }

        assertThat(dataSource.available()).isFalse();
        assertThatThrownBy(dataSource::getConnection)
                .isInstanceOf(SQLTransientConnectionException.class)
                .hasMessageContaining("database unavailable");
        assertThat(asked).as("not asked while known to be away").hasValue(2);

        failure.set(null);
        await().atMost(Duration.ofSeconds(5)).ignoreExceptions().until(() -> dataSource.getConnection() != null);
        assertThat(dataSource.available()).isTrue();
        assertThat(dataSource.getConnection()).isNotNull();
    }

    @Test
    void aBusyPoolOfAHealthyDatabaseIsNoReasonToFailFast() {
        failure.set(new SQLTransientConnectionException(
                "Connection is not available, request timed out after 1000ms (total=10, active=10, waiting=5)"));
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(dataSource::getConnection).isInstanceOf(SQLTransientConnectionException.class);
        }

        assertThat(dataSource.available()).isTrue();
        assertThat(asked).hasValue(5);
    }
}
