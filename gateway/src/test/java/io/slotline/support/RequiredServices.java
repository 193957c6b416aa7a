package io.slotline.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.AssertionFailedError;

/**
 * Reachability checks behind {@link RequiresPostgres} and {@link RequiresRedis}: checked once per JVM, before the
 * test class (or method) runs, so an unreachable service never surfaces as a confusing Spring context failure.
 */
public final class RequiredServices {

    public static final String REDIS_HOST = env("SLOTLINE_TEST_REDIS_HOST", "127.0.0.1");
    public static final int REDIS_PORT = Integer.parseInt(env("SLOTLINE_TEST_REDIS_PORT", "6379"));

    private static final Map<String, Optional<String>> PROBLEMS = new ConcurrentHashMap<>();

    private RequiredServices() {
    }

    /** CI must prove the service-backed tests ran, so there a missing service is a failure, not a skip. */
    public static boolean required() {
        return "true".equalsIgnoreCase(System.getenv("CI"))
                || Boolean.getBoolean("slotline.services.required");
    }

    static void check(String service, Supplier<Optional<String>> probe) {
        Optional<String> problem = PROBLEMS.computeIfAbsent(service, s -> probe.get());
        if (problem.isEmpty()) {
            return;
        }
        String message = service + " is not reachable: " + problem.get();
        if (required()) {
            throw new AssertionFailedError(message + " (required because CI=true or slotline.services.required=true)");
        }
        Assumptions.abort(message + " (skipped; set CI=true to fail instead)");
    }

    static Optional<String> probePostgres() {
        String url = TestDatabases.postgresAdminUrl();
        try (Connection connection = DriverManager.getConnection(withTimeouts(url), TestDatabases.POSTGRES_USER,
                TestDatabases.POSTGRES_PASSWORD)) {
            return connection.isValid(2) ? Optional.empty() : Optional.of(url + " answered but is not valid");
        }
        catch (SQLException e) {
            return Optional.of(url + ": " + e.getMessage());
        }
    }

    static Optional<String> probeRedis() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(REDIS_HOST, REDIS_PORT), 1000);
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = in.readNBytes(7);
            String text = new String(reply, StandardCharsets.US_ASCII);
            return text.startsWith("+PONG") ? Optional.empty()
                    : Optional.of(REDIS_HOST + ":" + REDIS_PORT + " answered '" + text.trim() + "' to PING");
        }
        catch (IOException e) {
            return Optional.of(REDIS_HOST + ":" + REDIS_PORT + ": " + e.getMessage());
        }
    }

    private static String withTimeouts(String url) {
        return url + (url.contains("?") ? "&" : "?") + "connectTimeout=2&socketTimeout=5";
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    static final class PostgresCheck implements BeforeAllCallback, BeforeEachCallback {

        @Override
        public void beforeAll(ExtensionContext context) {
            check("PostgreSQL", RequiredServices::probePostgres);
        }

        @Override
        public void beforeEach(ExtensionContext context) {
            check("PostgreSQL", RequiredServices::probePostgres);
        }
    }

    static final class RedisCheck implements BeforeAllCallback, BeforeEachCallback {

        @Override
        public void beforeAll(ExtensionContext context) {
            check("Redis", RequiredServices::probeRedis);
        }

        @Override
        public void beforeEach(ExtensionContext context) {
            check("Redis", RequiredServices::probeRedis);
        }
    }
}
