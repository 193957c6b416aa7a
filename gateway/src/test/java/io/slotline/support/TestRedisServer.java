package io.slotline.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A {@code redis-server} of a test's own, on a port of its own, that the test may stop, restart, freeze and thaw:
 * faults are played on it, never on the shared Redis of {@link RequiresRedis}. Nothing is persisted, so a restart
 * comes back empty, as a Redis without persistence does after a crash.
 *
 * <pre>{@code
 * try (TestRedisServer redis = TestRedisServer.start(16390)) {
 *     redis.stop();      // connections are refused
 *     redis.restart();   // same port, empty
 *     redis.freeze();    // SIGSTOP: connections hang, commands time out
 *     redis.thaw();
 * }
 * }</pre>
 *
 * The binary is found on the PATH or through {@code SLOTLINE_TEST_REDIS_SERVER}. Missing, a test is skipped on a
 * developer machine and fails when CI=true (see {@link RequiredServices}).
 */
public final class TestRedisServer implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

    private final String binary;
    private final int port;
    private final Path directory;
    private @Nullable Process process;
    private boolean frozen;

    private TestRedisServer(String binary, int port, Path directory) {
        this.binary = binary;
        this.port = port;
        this.directory = directory;
    }

    /** Starts a server on {@code port} (refuses a port already in use) and waits until it answers PING. */
    public static TestRedisServer start(int port) {
        String binary = binary();
        if (RequiredServices.probeRedis(RequiredServices.REDIS_HOST, port).isEmpty()) {
            throw new IllegalStateException("port " + port + " already has a Redis: a test must start its own; "
                    + "a run killed earlier may have left it (redis-cli -p " + port + " shutdown nosave)");
        }
        try {
            TestRedisServer server =
                    new TestRedisServer(binary, port, Files.createTempDirectory("slotline-redis-" + port + "-"));
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "stop-test-redis-" + port));
            server.restart();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a directory for redis-server", e);
        }
    }

    public String host() {
        return RequiredServices.REDIS_HOST;
    }

    public int port() {
        return port;
    }

    public synchronized boolean running() {
        return process != null && process.isAlive();
    }

    /** Starts the server again on the same port, empty; waits until it answers. A running server stays as is. */
    public synchronized void restart() {
        if (running()) {
            return;
        }
        ProcessBuilder builder = new ProcessBuilder(
                        binary,
                        "--port",
                        String.valueOf(port),
                        "--bind",
                        host(),
                        "--save",
                        "",
                        "--appendonly",
                        "no",
                        "--dir",
                        directory.toString(),
                        "--daemonize",
                        "no")
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("redis.log").toFile());
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + binary, e);
        }
        frozen = false;
        long giveUpAt = System.nanoTime() + START_TIMEOUT.toNanos();
        while (RequiredServices.probeRedis(host(), port).isPresent()) {
            if (!process.isAlive() || System.nanoTime() > giveUpAt) {
                String log = readLog();
                stop();
                throw new IllegalStateException("redis-server on port " + port + " did not start: " + log);
            }
            sleep(Duration.ofMillis(20));
        }
    }

    /** Stops the server (SIGTERM, then SIGKILL): clients see their connections closed and new ones refused. */
    public synchronized void stop() {
        Process current = process;
        if (current == null) {
            return;
        }
        if (frozen) {
            thaw();
        }
        current.destroy();
        try {
            if (!current.waitFor(5, TimeUnit.SECONDS)) {
                current.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            current.destroyForcibly();
        }
        process = null;
    }

    /** SIGSTOP: connections stay open but nothing answers, the way an overloaded or partitioned Redis looks. */
    public synchronized void freeze() {
        signal("STOP");
        frozen = true;
    }

    /** SIGCONT after {@link #freeze()}. */
    public synchronized void thaw() {
        signal("CONT");
        frozen = false;
    }

    @Override
    public synchronized void close() {
        stop();
        File[] files = directory.toFile().listFiles();
        if (files != null) {
            for (File file : files) {
                file.delete();
            }
        }
        directory.toFile().delete();
    }

    private void signal(String name) {
        Process current = process;
        if (current == null) {
            throw new IllegalStateException("redis-server on port " + port + " is not running");
        }
        Processes.run(List.of("kill", "-" + name, String.valueOf(current.pid())), Duration.ofSeconds(5));
    }

    private String readLog() {
        try {
            return Files.readString(directory.resolve("redis.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static String binary() {
        String configured = System.getenv("SLOTLINE_TEST_REDIS_SERVER");
        Optional<String> found = configured != null && !configured.isBlank()
                ? Optional.of(configured)
                : Processes.onPath("redis-server");
        RequiredServices.check(
                "redis-server (executable)",
                () -> found.isPresent()
                        ? Optional.empty()
                        : Optional.of("redis-server is not on the PATH (or set SLOTLINE_TEST_REDIS_SERVER)"));
        return found.orElseThrow();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
