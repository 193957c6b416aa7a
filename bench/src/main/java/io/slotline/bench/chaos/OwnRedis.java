package io.slotline.bench.chaos;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/** A redis-server of the run's own (no persistence), stopped and started again by the fault schedule. */
final class OwnRedis implements AutoCloseable {

    private final int port;
    private final Path log;
    private @Nullable Process process;

    private OwnRedis(int port, Path log) {
        this.port = port;
        this.log = log;
    }

    static OwnRedis start(int port, Path log) {
        if (Processes.listening(port)) {
            throw new IllegalStateException("port " + port + " is in use: the chaos run starts a Redis of its own");
        }
        OwnRedis redis = new OwnRedis(port, log);
        redis.startAgain();
        Runtime.getRuntime().addShutdownHook(new Thread(redis::close, "stop-chaos-redis"));
        return redis;
    }

    int port() {
        return port;
    }

    synchronized void startAgain() {
        if (process != null && process.isAlive()) {
            return;
        }
        try {
            process = new ProcessBuilder(List.of(
                            "redis-server",
                            "--port",
                            Integer.toString(port),
                            "--bind",
                            "127.0.0.1",
                            "--save",
                            "",
                            "--appendonly",
                            "no"))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start redis-server (is it installed?): " + e.getMessage(), e);
        }
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!Processes.listening(port)) {
            if (System.nanoTime() > until || !process.isAlive()) {
                throw new IllegalStateException("redis-server did not start on port " + port + "; see " + log);
            }
            sleep(50);
        }
    }

    /** Like a crashed or unreachable Redis: the process is gone, connections are refused. */
    synchronized void stop() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public synchronized void close() {
        stop();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
