package io.slotline.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The Flyway scripts apply cleanly, from empty, on both databases the gateway runs on. */
class MigrationsTest {

    private static final List<String> TABLES = List.of(
            "companies",
            "branches",
            "phone_numbers",
            "services",
            "staff",
            "service_staff",
            "customers",
            "calls",
            "appointments",
            "function_idempotency",
            "slot_holds",
            "slot_hold_hosts",
            "function_calls",
            "callback_requests",
            "retell_webhook_events",
            "calcom_webhook_events");

    abstract static class Contract {

        abstract void withEmptyDatabase(DatabaseTest test);

        interface DatabaseTest {
            void run(DataSource dataSource);
        }

        @Test
        void migratesEmptyDatabaseToLatestVersionAndAgainIsNoOp() {
            withEmptyDatabase(dataSource -> {
                Flyway flyway = TestDatabases.flyway(dataSource);

                int applied = flyway.migrate().migrationsExecuted;

                assertThat(applied).isGreaterThanOrEqualTo(2);
                assertThat(flyway.info().applied())
                        .extracting(MigrationInfo::getState)
                        .containsOnly(MigrationState.SUCCESS);
                assertThat(flyway.info().current().getVersion().getVersion()).isEqualTo(latestVersion(flyway));
                assertThat(flyway.migrate().migrationsExecuted).isZero();
                flyway.validate();
            });
        }

        @Test
        void createsEveryDomainTable() {
            withEmptyDatabase(dataSource -> {
                TestDatabases.flyway(dataSource).migrate();
                JdbcClient jdbc = JdbcClient.create(dataSource);

                for (String table : TABLES) {
                    assertThat(jdbc.sql("SELECT COUNT(*) FROM " + table)
                                    .query(Integer.class)
                                    .single())
                            .as(table)
                            .isZero();
                }
            });
        }

        @Test
        void v2AddsEventTypeSlugAndUniqueStaffNames() {
            withEmptyDatabase(dataSource -> {
                TestDatabases.flyway(dataSource).migrate();
                JdbcClient jdbc = JdbcClient.create(dataSource);
                jdbc.sql("INSERT INTO companies (id, slug, name) VALUES (1, 'a', 'A')")
                        .update();
                jdbc.sql("INSERT INTO branches (id, company_id, name, time_zone) VALUES (1, 1, 'B', 'Europe/Berlin')")
                        .update();
                jdbc.sql("INSERT INTO services (company_id, name, duration_minutes, calcom_event_type_slug) "
                                + "VALUES (1, 'Cut', 30, 'cut')")
                        .update();
                jdbc.sql("INSERT INTO staff (company_id, branch_id, name) VALUES (1, 1, 'Anna')")
                        .update();

                assertThat(jdbc.sql("SELECT calcom_event_type_slug FROM services")
                                .query(String.class)
                                .single())
                        .isEqualTo("cut");
                assertThatThrownBy(() -> jdbc.sql(
                                        "INSERT INTO staff (company_id, branch_id, name) " + "VALUES (1, 1, 'Anna')")
                                .update())
                        .isInstanceOf(DataIntegrityViolationException.class);
            });
        }

        /** H2 2.4.240 broke this: multi-value CHECKs failed once the creating connection was closed. */
        @Test
        void checkConstraintsWorkFromConnectionsOpenedAfterMigration() {
            withEmptyDatabase(dataSource -> {
                TestDatabases.flyway(dataSource).migrate();
                JdbcClient jdbc = JdbcClient.create(dataSource);

                jdbc.sql("INSERT INTO companies (id, slug, name, language) VALUES (7, 'c', 'C', 'en')")
                        .update();
                jdbc.sql("INSERT INTO function_idempotency (idempotency_key, company_id, function_name, state) "
                                + "VALUES ('k', 7, 'book', 'in_flight')")
                        .update();

                assertThat(jdbc.sql("SELECT language FROM companies WHERE id = 7")
                                .query(String.class)
                                .single())
                        .isEqualTo("en");
                assertThatThrownBy(() -> jdbc.sql(
                                        "INSERT INTO companies (slug, name, language) " + "VALUES ('d', 'D', 'fr')")
                                .update())
                        .isInstanceOf(DataIntegrityViolationException.class);
            });
        }

        private static String latestVersion(Flyway flyway) {
            MigrationInfo[] all = flyway.info().all();
            return all[all.length - 1].getVersion().getVersion();
        }
    }

    @Nested
    class OnH2 extends Contract {

        @Override
        void withEmptyDatabase(DatabaseTest test) {
            test.run(new DriverManagerDataSource(TestDatabases.freshH2Url(), "sa", ""));
        }
    }

    @Nested
    @RequiresPostgres
    class OnPostgres extends Contract {

        @Override
        void withEmptyDatabase(DatabaseTest test) {
            try (TestDatabases.FreshSchema schema = TestDatabases.freshPostgresSchema()) {
                test.run(new DriverManagerDataSource(
                        schema.url(), TestDatabases.POSTGRES_USER, TestDatabases.POSTGRES_PASSWORD));
            }
        }

        @Test
        void runsOnPostgresql15OrNewer() {
            withEmptyDatabase(dataSource -> assertThat(JdbcClient.create(dataSource)
                            .sql("SELECT current_setting('server_version_num')::int")
                            .query(Integer.class)
                            .single())
                    .isGreaterThanOrEqualTo(150000));
        }
    }
}
