package io.slotline.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;

import io.slotline.support.RequiresPostgres;
import io.slotline.support.TestDatabases;
import io.slotline.tenancy.CompanySecret;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The admin API's own SQL on PostgreSQL: the activity lists (inherited), conflicts, transactions, tenant files. */
@RequiresPostgres
class AdminOnPostgresTest extends ActivityApiTest {

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

    @Test
    void aNumberOfAnotherTenantIs409() {
        long[] owner = companyWithBranch(uniqueSlug("pg-owner"));
        long[] other = companyWithBranch(uniqueSlug("pg-other"));
        String number = randomE164();
        post("/admin/api/companies/" + owner[0] + "/phone-numbers", Map.of("e164", number, "branchId", owner[1]));

        Response taken = post(
                "/admin/api/companies/" + other[0] + "/phone-numbers", Map.of("e164", number, "branchId", other[1]));

        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.field()).isEqualTo("e164");
    }

    @Test
    void aFailedCreateLeavesNothing() {
        String slug = uniqueSlug("pg-atomic");
        doThrow(new IllegalStateException("simulated failure"))
                .when(directory)
                .setSecret(anyLong(), any(CompanySecret.class), anyString());

        Response response =
                post("/admin/api/companies", Map.of("slug", slug, "name", "Atomic", "retellApiKey", "key_pg_atomic_1"));

        assertThat(response.status()).isEqualTo(500);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM companies WHERE slug = ?")
                        .param(slug)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aTenantFileAppliedTwiceChangesNothingTheSecondTime() {
        String yaml = TenantYaml.salon(uniqueSlug("pg-file"), randomE164());

        Response first = send("POST", "/admin/api/tenants/apply", yaml, TOKEN, "application/yaml");
        Response dry = send("POST", "/admin/api/tenants/apply?dryRun=true", yaml, TOKEN, "application/yaml");
        Response second = send("POST", "/admin/api/tenants/apply", yaml, TOKEN, "application/yaml");

        assertThat(first.json().path("changed").asBoolean()).isTrue();
        assertThat(dry.json().path("changed").asBoolean()).isFalse();
        assertThat(second.json().path("changed").asBoolean()).isFalse();
    }
}
