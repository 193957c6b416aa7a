package io.slotline.bench.chaos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of the run's own ({@code initdb} + {@code pg_ctl}, trust authentication, 127.0.0.1 only), so
 * that restarting it never touches the machine's shared PostgreSQL. As root, every command runs as the
 * {@code postgres} user (PostgreSQL refuses to run as root). Deleted on close.
 */
final class OwnPostgres implements AutoCloseable {

    static final String USER = "postgres";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final int port;
    private final Path directory;
    private final boolean asRoot;
    private boolean closed;

    private OwnPostgres(int port, Path directory, boolean asRoot) {
        this.port = port;
        this.directory = directory;
        this.asRoot = asRoot;
    }

    static OwnPostgres start(int port) {
        if (Processes.listening(port)) {
            throw new IllegalStateException(
                    "port " + port + " is in use: the chaos run starts a PostgreSQL of its own");
        }
        boolean asRoot = "root".equals(System.getProperty("user.name"));
        try {
            Path directory = Files.createTempDirectory("slotline-chaos-pg-");
            if (asRoot) {
                UserPrincipal postgres = directory
                        .getFileSystem()
                        .getUserPrincipalLookupService()
                        .lookupPrincipalByName(USER);
                Files.setOwner(directory, postgres);
            }
            OwnPostgres cluster = new OwnPostgres(port, directory, asRoot);
            Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "stop-chaos-postgres"));
            cluster.run(List.of(
                    Processes.postgresBinary("initdb"),
                    "-D",
                    cluster.data(),
                    "-U",
                    USER,
                    "-A",
                    "trust",
                    "-E",
                    "UTF8",
                    "--locale=C",
                    "--no-sync"));
            cluster.pgCtl("start");
            cluster.psql("postgres", "CREATE DATABASE slotline");
            return cluster;
        } catch (IOException e) {
            throw new IllegalStateException("cannot prepare a directory for PostgreSQL", e);
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/slotline";
    }

    int port() {
        return port;
    }

    /** A planned restart: clients are disconnected, the server stops cleanly and starts again. */
    void restart() {
        pgCtl("restart");
    }

    /** Rows of a query, columns separated by '|'. */
    List<String> query(String sql) {
        String out = psql("slotline", sql);
        return out.isBlank() ? List.of() : out.strip().lines().toList();
    }

    private String psql(String database, String sql) {
        // over TCP as the postgres user: trust authentication, no need to switch user
        return Processes.run(
                List.of(
                        Processes.postgresBinary("psql"),
                        "-h",
                        "127.0.0.1",
                        "-p",
                        Integer.toString(port),
                        "-U",
                        USER,
                        "-d",
                        database,
                        "-AtX",
                        "-v",
                        "ON_ERROR_STOP=1",
                        "-c",
                        sql),
                TIMEOUT);
    }

    private void pgCtl(String action) {
        List<String> command = new ArrayList<>(List.of(
                Processes.postgresBinary("pg_ctl"),
                "-D",
                data(),
                "-w",
                "-t",
                "30",
                "-l",
                directory.resolve("postgres.log").toString()));
        if (!action.equals("stop")) {
            command.addAll(List.of(
                    "-o",
                    "-p " + port + " -k " + directory + " -c listen_addresses=127.0.0.1 "
                            + "-c fsync=off -c full_page_writes=off -c max_connections=100"));
        }
        if (!action.equals("start")) {
            command.addAll(List.of("-m", "fast"));
        }
        command.add(action);
        run(command);
    }

    private String data() {
        return directory.resolve("data").toString();
    }

    private void run(List<String> command) {
        List<String> full = new ArrayList<>();
        if (asRoot) {
            full.addAll(List.of("runuser", "-u", USER, "--"));
        }
        full.addAll(command);
        Processes.run(full, TIMEOUT);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            pgCtl("stop");
        } catch (RuntimeException e) {
            System.err.println("could not stop the chaos run's PostgreSQL: " + e.getMessage());
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException | RuntimeException e) {
            System.err.println("could not delete " + directory + ": " + e.getMessage());
        }
    }
}
