package io.slotline.support;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Databases for repository tests, each migrated with the application's Flyway scripts.
 * <p>
 * H2: an in-memory database per JVM. PostgreSQL: a schema of its own per JVM in database {@code test}
 * ({@code t_<epochSeconds>_<random>}), so parallel runs never clash; it is dropped when the JVM exits, and schemas
 * left over by killed runs are dropped after a day. Tests share a database, so each creates its own companies
 * ({@link TestTenants}) and asserts only on them.
 */
public final class TestDatabases {

    public static final String POSTGRES_USER = RequiredServices.env("SLOTLINE_TEST_POSTGRES_USER", "postgres");
    public static final String POSTGRES_PASSWORD = RequiredServices.env("SLOTLINE_TEST_POSTGRES_PASSWORD", "");
    private static final String POSTGRES_URL =
            RequiredServices.env("SLOTLINE_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String H2_OPTIONS =
            ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" + ";DB_CLOSE_DELAY=-1";
    private static final Duration LEFTOVER_AGE = Duration.ofDays(1);

    private static HikariDataSource h2;
    private static HikariDataSource postgres;
    private static String postgresSchema;

    private TestDatabases() {}

    public static synchronized DataSource h2() {
        if (h2 == null) {
            h2 = pool(freshH2Url(), "sa", "");
            migrate(h2);
        }
        return h2;
    }

    /** Call only from a {@link RequiresPostgres} test. */
    public static synchronized DataSource postgres() {
        if (postgres == null) {
            postgres = pool(postgresUrl(), POSTGRES_USER, POSTGRES_PASSWORD);
            migrate(postgres);
        }
        return postgres;
    }

    /** JDBC URL of this JVM's PostgreSQL test schema (created on first use). */
    public static synchronized String postgresUrl() {
        if (postgresSchema == null) {
            postgresSchema = createSchema();
            String schema = postgresSchema;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> dropSchema(schema), "drop-test-schema"));
        }
        return schemaUrl(postgresSchema);
    }

    /** Points a Spring test's datasource at this JVM's PostgreSQL test schema. */
    public static void registerPostgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", TestDatabases::postgresUrl);
        registry.add("spring.datasource.username", () -> POSTGRES_USER);
        registry.add("spring.datasource.password", () -> POSTGRES_PASSWORD);
    }

    public static String freshH2Url() {
        return "jdbc:h2:mem:slotline-" + UUID.randomUUID() + H2_OPTIONS;
    }

    /** An empty schema of its own, dropped on close: for tests of the migrations themselves. */
    public static FreshSchema freshPostgresSchema() {
        String schema = createSchema();
        return new FreshSchema(schemaUrl(schema), () -> dropSchema(schema));
    }

    public record FreshSchema(String url, Runnable drop) implements AutoCloseable {

        @Override
        public void close() {
            drop.run();
        }
    }

    static String postgresAdminUrl() {
        return POSTGRES_URL;
    }

    public static Flyway flyway(DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load();
    }

    private static void migrate(DataSource dataSource) {
        flyway(dataSource).migrate();
    }

    private static HikariDataSource pool(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(12);
        config.setPoolName("test-" + (url.startsWith("jdbc:h2") ? "h2" : "postgres"));
        return new HikariDataSource(config);
    }

    private static String schemaUrl(String schema) {
        return POSTGRES_URL + (POSTGRES_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    private static String createSchema() {
        String schema = "t_" + Instant.now().getEpochSecond() + "_"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000000, 0x7fffffff));
        try (Connection connection = admin();
                Statement statement = connection.createStatement()) {
            dropLeftovers(statement);
            statement.execute("CREATE SCHEMA " + schema);
            return schema;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create PostgreSQL test schema at " + POSTGRES_URL, e);
        }
    }

    private static void dropLeftovers(Statement statement) throws SQLException {
        long cutoff = Instant.now().minus(LEFTOVER_AGE).getEpochSecond();
        List<String> old = new ArrayList<>();
        try (ResultSet rs =
                statement.executeQuery("SELECT nspname FROM pg_namespace WHERE nspname ~ '^t_[0-9]+_[0-9a-f]+$'")) {
            while (rs.next()) {
                String name = rs.getString(1);
                if (Long.parseLong(name.split("_")[1]) < cutoff) {
                    old.add(name);
                }
            }
        }
        for (String name : old) {
            statement.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
        }
    }

    private static void dropSchema(String schema) {
        try (Connection connection = admin();
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            System.err.println("could not drop PostgreSQL test schema " + schema + ": " + e.getMessage());
        }
    }

    private static Connection admin() throws SQLException {
        return DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, POSTGRES_PASSWORD);
    }
}
