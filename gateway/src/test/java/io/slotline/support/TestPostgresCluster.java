package io.slotline.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of a test's own ({@code initdb} + {@code pg_ctl} of the installed PostgreSQL, in a temporary
 * directory, on a port of its own) that the test may stop and start again: faults are played on it, never on the
 * shared PostgreSQL of {@link RequiresPostgres}. Superuser {@code postgres}, trust authentication, listening on
 * 127.0.0.1 only. Data survives {@link #stop} and {@link #restart} (a fast or an immediate, crash-like stop), and
 * is deleted by {@link #close}.
 *
 * <pre>{@code
 * try (TestPostgresCluster pg = TestPostgresCluster.start(15440)) {
 *     String url = pg.createDatabase("slotline");
 *     pg.stop(TestPostgresCluster.StopMode.IMMEDIATE);   // connections break, new ones are refused
 *     pg.restart();
 * }
 * }</pre>
 *
 * PostgreSQL refuses to run as root: when the JVM runs as root (CI does), every command runs as the {@code postgres}
 * user through {@code runuser}. The binaries are taken from {@code SLOTLINE_TEST_POSTGRES_BIN}, else the newest
 * {@code /usr/lib/postgresql/<version>/bin}, else the PATH. Missing, a test is skipped on a developer machine and
 * fails when CI=true (see {@link RequiredServices}).
 */
public final class TestPostgresCluster implements AutoCloseable {

    public static final String USER = "postgres";
    private static final String HOST = "127.0.0.1";
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);

    public enum StopMode {
        /** Clients are disconnected, the server shuts down cleanly (a planned restart). */
        FAST,
        /** The server quits at once and recovers from its WAL on the next start (a crash). */
        IMMEDIATE
    }

    private final Path bin;
    private final int port;
    private final Path directory;
    private final Path data;
    private final boolean asRoot;
    private boolean closed;

    private TestPostgresCluster(Path bin, int port, Path directory, boolean asRoot) {
        this.bin = bin;
        this.port = port;
        this.directory = directory;
        this.data = directory.resolve("data");
        this.asRoot = asRoot;
    }

    /** Creates a cluster in a temporary directory and starts it on {@code port} (refuses a port already in use). */
    public static TestPostgresCluster start(int port) {
        Path bin = bin();
        if (listening(port)) {
            throw new IllegalStateException("port " + port + " is already in use: a test must start its own "
                    + "PostgreSQL; a run killed earlier may have left one (ps aux | grep 'postgres.*-p " + port + "')");
        }
        boolean asRoot = "root".equals(System.getProperty("user.name"));
        try {
            Path directory = Files.createTempDirectory("slotline-pg-" + port + "-");
            if (asRoot) {
                UserPrincipal postgres = directory
                        .getFileSystem()
                        .getUserPrincipalLookupService()
                        .lookupPrincipalByName(USER);
                Files.setOwner(directory, postgres);
            }
            TestPostgresCluster cluster = new TestPostgresCluster(bin, port, directory, asRoot);
            Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "stop-test-postgres-" + port));
            cluster.initdb();
            cluster.restart();
            return cluster;
        } catch (IOException e) {
            throw new IllegalStateException(
                    "cannot prepare a directory for PostgreSQL (as root it must belong to " + "the user '" + USER
                            + "')",
                    e);
        }
    }

    public String host() {
        return HOST;
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + HOST + ":" + port + "/" + database;
    }

    /** Creates an empty database and returns its JDBC URL. */
    public String createDatabase(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + " on port " + port, e);
        }
        return jdbcUrl(name);
    }

    public synchronized boolean running() {
        return listening(port);
    }

    /** Starts the server again (on the same port, with the same data); waits until it accepts connections. */
    public synchronized void restart() {
        if (closed) {
            throw new IllegalStateException("closed");
        }
        if (running()) {
            return;
        }
        String options = "-p " + port + " -k " + directory + " -c listen_addresses=" + HOST
                + " -c fsync=off -c full_page_writes=off -c max_connections=60 -c shared_buffers=16MB";
        pgCtl("-o", options, "-l", directory.resolve("postgres.log").toString(), "-w", "-t", "30", "start");
    }

    /** A planned shutdown. */
    public void stop() {
        stop(StopMode.FAST);
    }

    public synchronized void stop(StopMode mode) {
        if (!running()) {
            return;
        }
        pgCtl("-m", mode.name().toLowerCase(), "-w", "-t", "30", "stop");
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        try {
            stop(StopMode.IMMEDIATE);
        } catch (RuntimeException e) {
            System.err.println("could not stop the test PostgreSQL on port " + port + ": " + e.getMessage());
        }
        closed = true;
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            System.err.println("could not delete " + directory + ": " + e.getMessage());
        }
    }

    private void initdb() {
        run(List.of(
                bin.resolve("initdb").toString(),
                "-D",
                data.toString(),
                "-U",
                USER,
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--locale=C",
                "--no-sync",
                "--no-instructions"));
    }

    private void pgCtl(String... arguments) {
        List<String> command = new ArrayList<>(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString()));
        command.addAll(List.of(arguments));
        try {
            run(command);
        } catch (IllegalStateException e) {
            throw new IllegalStateException(e.getMessage() + "\n" + log(), e);
        }
    }

    private void run(List<String> command) {
        List<String> full = new ArrayList<>();
        if (asRoot) {
            full.addAll(List.of("runuser", "-u", USER, "--"));
        }
        full.addAll(command);
        Processes.run(full, COMMAND_TIMEOUT);
    }

    private String log() {
        try {
            List<String> lines = Files.readAllLines(directory.resolve("postgres.log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no server log: " + e.getMessage() + ")";
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Path bin() {
        Optional<Path> found = findBin();
        RequiredServices.check(
                "PostgreSQL binaries (initdb, pg_ctl)",
                () -> found.isPresent()
                        ? Optional.empty()
                        : Optional.of("no initdb under /usr/lib/postgresql/*/bin or on the PATH "
                                + "(or set SLOTLINE_TEST_POSTGRES_BIN)"));
        return found.orElseThrow();
    }

    private static Optional<Path> findBin() {
        String configured = System.getenv("SLOTLINE_TEST_POSTGRES_BIN");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured));
        }
        Path installed = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(installed)) {
            try (Stream<Path> versions = Files.list(installed)) {
                Optional<Path> newest = versions.map(version -> version.resolve("bin"))
                        .filter(bin -> Files.isExecutable(bin.resolve("initdb")))
                        .max(Comparator.comparingInt(TestPostgresCluster::majorVersion));
                if (newest.isPresent()) {
                    return newest;
                }
            } catch (IOException e) {
                // fall through to the PATH
            }
        }
        return Processes.onPath("initdb").map(initdb -> Path.of(initdb).getParent());
    }

    private static int majorVersion(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
