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
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.AssertionFailedError;

/**
 * Reachability checks behind {@link RequiresPostgres} and {@link RequiresRedis}: checked once per JVM, before the
 * test class (or method) runs, so an unreachable service never surfaces as a confusing Spring context failure.
 */
public final class RequiredServices {

    public static final String REDIS_HOST = env("SLOTLINE_TEST_REDIS_HOST", "127.0.0.1");
    public static final int REDIS_PORT = Integer.parseInt(env("SLOTLINE_TEST_REDIS_PORT", "6379"));

    private static final String SPRING_EXTENSION = "org.springframework.test.context.junit.jupiter.SpringExtension";
    private static final Map<String, Optional<String>> PROBLEMS = new ConcurrentHashMap<>();

    private RequiredServices() {}

    /** CI must prove the service-backed tests ran, so there a missing service is a failure, not a skip. */
    public static boolean required() {
        return required(System.getenv("CI"), System.getProperty("slotline.services.required"));
    }

    static boolean required(@Nullable String ciEnv, @Nullable String requiredProperty) {
        return "true".equalsIgnoreCase(ciEnv) || "true".equalsIgnoreCase(requiredProperty);
    }

    static void check(String service, Supplier<Optional<String>> probe) {
        check(service, probe, required());
    }

    static void check(String service, Supplier<Optional<String>> probe, boolean required) {
        Optional<String> problem = PROBLEMS.computeIfAbsent(service, s -> probe.get());
        if (problem.isEmpty()) {
            return;
        }
        String message = service + " is not reachable: " + problem.get();
        if (required) {
            throw new AssertionFailedError(message + " (required because CI=true or slotline.services.required=true)");
        }
        Assumptions.abort(message + " (skipped; set CI=true to fail instead)");
    }

    /** Debian's chromium and chromium-driver (installed by .ci/run) for the console's browser tests. */
    public static final String CHROMIUM = env("SLOTLINE_TEST_CHROMIUM", "/usr/bin/chromium");

    public static final String CHROMEDRIVER = env("SLOTLINE_TEST_CHROMEDRIVER", "/usr/bin/chromedriver");

    public static void requireChromium() {
        check(
                "headless Chromium",
                () -> java.nio.file.Files.isExecutable(java.nio.file.Path.of(CHROMIUM))
                                && java.nio.file.Files.isExecutable(java.nio.file.Path.of(CHROMEDRIVER))
                        ? Optional.empty()
                        : Optional.of(CHROMIUM + " and " + CHROMEDRIVER
                                + " must exist (apt-get install chromium chromium-driver)"));
    }

    static Optional<String> probePostgres() {
        return probePostgres(TestDatabases.postgresAdminUrl());
    }

    static Optional<String> probePostgres(String url) {
        try (Connection connection = DriverManager.getConnection(
                withTimeouts(url), TestDatabases.POSTGRES_USER, TestDatabases.POSTGRES_PASSWORD)) {
            return connection.isValid(2) ? Optional.empty() : Optional.of(url + " answered but is not valid");
        } catch (SQLException e) {
            return Optional.of(url + ": " + e.getMessage());
        }
    }

    static Optional<String> probeRedis() {
        return probeRedis(REDIS_HOST, REDIS_PORT);
    }

    static Optional<String> probeRedis(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1000);
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = in.readNBytes(7);
            String text = new String(reply, StandardCharsets.US_ASCII);
            return text.startsWith("+PONG")
                    ? Optional.empty()
                    : Optional.of(host + ":" + port + " answered '" + text.trim() + "' to PING");
        } catch (IOException e) {
            return Optional.of(host + ":" + port + ": " + e.getMessage());
        }
    }

    private static String withTimeouts(String url) {
        return url + (url.contains("?") ? "&" : "?") + "connectTimeout=2&socketTimeout=5";
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /**
     * Aborting per test makes every skipped test show up as skipped in the report; only a Spring test must abort
     * before its class starts, because its application context would otherwise try to connect first.
     */
    abstract static class Check implements BeforeAllCallback, BeforeEachCallback {

        private final String service;
        private final Supplier<Optional<String>> probe;

        Check(String service, Supplier<Optional<String>> probe) {
            this.service = service;
            this.probe = probe;
        }

        @Override
        public void beforeAll(ExtensionContext context) {
            if (usesSpring(context.getRequiredTestClass())) {
                check(service, probe);
            }
        }

        @Override
        public void beforeEach(ExtensionContext context) {
            check(service, probe);
        }

        private static boolean usesSpring(Class<?> testClass) {
            for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
                boolean spring = AnnotationSupport.findRepeatableAnnotations(c, ExtendWith.class).stream()
                        .flatMap(extendWith -> Arrays.stream(extendWith.value()))
                        .anyMatch(extension -> extension.getName().equals(SPRING_EXTENSION));
                if (spring) {
                    return true;
                }
            }
            return false;
        }
    }

    static final class PostgresCheck extends Check {

        PostgresCheck() {
            super("PostgreSQL", RequiredServices::probePostgres);
        }
    }

    static final class RedisCheck extends Check {

        RedisCheck() {
            super("Redis", RequiredServices::probeRedis);
        }
    }
}
