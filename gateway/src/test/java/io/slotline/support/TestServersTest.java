package io.slotline.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The servers tests play faults on: they stop, come back on the same port, and PostgreSQL keeps its data. */
class TestServersTest {

    private static final int REDIS_PORT = 16399;
    private static final int POSTGRES_PORT = 15449;

    @Test
    void redisStopsRestartsEmptyAndFreezes() throws Exception {
        try (TestRedisServer redis = TestRedisServer.start(REDIS_PORT)) {
            assertThat(command(redis, "SET k v")).isEqualTo("+OK");
            assertThat(command(redis, "GET k")).startsWith("$1");

            redis.stop();
            assertThat(redis.running()).isFalse();
            assertThat(RequiredServices.probeRedis(redis.host(), redis.port())).isPresent();

            redis.restart();
            assertThat(command(redis, "GET k")).isEqualTo("$-1");

            redis.freeze();
            assertThatThrownBy(() -> command(redis, "PING")).isInstanceOf(SocketTimeoutException.class);
            redis.thaw();
            assertThat(command(redis, "PING")).isEqualTo("+PONG");

            assertThatThrownBy(() -> TestRedisServer.start(REDIS_PORT)).hasMessageContaining("already has a Redis");
        }
        assertThat(RequiredServices.probeRedis("127.0.0.1", REDIS_PORT)).isPresent();
    }

    @Test
    void postgresKeepsWhatWasWrittenAcrossACrashAndAStop() throws Exception {
        try (TestPostgresCluster postgres = TestPostgresCluster.start(POSTGRES_PORT)) {
            String url = postgres.createDatabase("kept");
            execute(url, "CREATE TABLE t (v text); INSERT INTO t VALUES ('before')");

            postgres.stop(TestPostgresCluster.StopMode.IMMEDIATE);
            assertThat(postgres.running()).isFalse();
            assertThatThrownBy(() -> execute(url, "SELECT 1")).isInstanceOf(SQLException.class);

            postgres.restart();
            execute(url, "INSERT INTO t VALUES ('after')");
            postgres.stop();
            postgres.restart();
            assertThat(values(url)).containsExactly("before", "after");
        }
        assertThat(listening(POSTGRES_PORT)).isFalse();
    }

    private static String command(TestRedisServer redis, String command) throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(redis.host(), redis.port()), 1000);
            socket.setSoTimeout(500);
            OutputStream out = socket.getOutputStream();
            out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != '\r' && c != -1; c = in.read()) {
                line.append((char) c);
            }
            return line.toString();
        }
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection connection =
                        DriverManager.getConnection(url + "?connectTimeout=2", TestPostgresCluster.USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static List<String> values(String url) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, TestPostgresCluster.USER, "");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT v FROM t ORDER BY v DESC")) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
