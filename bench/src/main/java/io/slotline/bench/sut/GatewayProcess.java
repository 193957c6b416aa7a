package io.slotline.bench.sut;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A gateway started by the bench as a child process, so its CPU and heap are measured apart from the bench's. */
public final class GatewayProcess implements AutoCloseable {

    private final Process process;
    private final GatewayProbe probe;
    private final Path log;
    private final Thread killOnExit;

    private GatewayProcess(Process process, GatewayProbe probe, Path log) {
        this.process = process;
        this.probe = probe;
        this.log = log;
        this.killOnExit = new Thread(process::destroyForcibly, "kill-gateway-" + process.pid());
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /** Starts the gateway on a free port and waits until it reports ready. */
    public static GatewayProcess start(
            GatewayLaunch launch, HttpClient client, String simUrl, String mode, int instance, Path log) {
        if (!Files.isRegularFile(launch.jar())) {
            throw new IllegalStateException(
                    "gateway jar not found: " + launch.jar().toAbsolutePath()
                            + " (build it: ./mvnw -q -pl gateway -am package -DskipTests, or pass --gateway-jar / --gateway-url)");
        }
        int port = freePort();
        List<String> command = launch.command(port, simUrl, mode, instance);
        Process process;
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + command, e);
        }
        GatewayProcess gateway = new GatewayProcess(process, new GatewayProbe(client, "http://127.0.0.1:" + port), log);
        gateway.awaitReady(launch);
        return gateway;
    }

    public GatewayProbe probe() {
        return probe;
    }

    public String baseUrl() {
        return probe.baseUrl();
    }

    public long pid() {
        return process.pid();
    }

    private void awaitReady(GatewayLaunch launch) {
        long deadline = System.nanoTime() + launch.readyTimeout().toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                close();
                throw new IllegalStateException("gateway exited with " + process.exitValue()
                        + " before it was ready; log: " + log.toAbsolutePath() + "\n" + tail());
            }
            if (probe.ready()) {
                return;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new IllegalStateException("interrupted while waiting for the gateway", e);
            }
        }
        close();
        throw new IllegalStateException(
                "gateway not ready within " + launch.readyTimeout() + "; log: " + log.toAbsolutePath() + "\n" + tail());
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException | RuntimeException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    /**
     * Heap in use right after a full collection ({@code jcmd <pid> GC.run}, then the actuator's heap gauge): what
     * the gateway keeps, not what it has not collected yet. Null when jcmd or the metric is unavailable.
     */
    public @org.jspecify.annotations.Nullable Double heapAfterGcMb() {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (!Files.isExecutable(jcmd)) {
            return null;
        }
        try {
            Process gc = new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), "GC.run")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!gc.waitFor(60, TimeUnit.SECONDS) || gc.exitValue() != 0) {
                gc.destroyForcibly();
                return null;
            }
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        java.util.OptionalDouble heap = probe.heapUsedBytes();
        return heap.isPresent() ? Math.round(heap.getAsDouble() / (1024 * 1024) * 10) / 10.0 : null;
    }

    /** SIGKILL, as when the machine or the container dies: no shutdown hook, no graceful end of requests. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: nothing left to do
        }
    }

    /** SIGTERM for a graceful Spring shutdown, then force after 20 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: nothing left to do
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
