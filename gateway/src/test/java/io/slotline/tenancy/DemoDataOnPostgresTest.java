package io.slotline.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotline.support.RequiresPostgres;
import io.slotline.support.TestDatabases;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The whole application on PostgreSQL: Boot's Flyway run, then the demo tenant, in this run's own schema. */
@RequiresPostgres
class DemoDataOnPostgresTest extends DemoDataLoaderTest {

    @Autowired
    DataSource dataSource;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        TestDatabases.registerPostgres(registry);
    }

    @Test
    void runsOnPostgres() throws Exception {
        try (var connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
        }
    }
}
