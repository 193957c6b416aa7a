package io.slotline.support;

import io.slotline.tenancy.Company;
import io.slotline.tenancy.Language;
import io.slotline.tenancy.Policies;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * Minimal tenants inserted with plain SQL, so repository tests of other features do not depend on the tenancy
 * code. Every tenant gets a unique slug: tests sharing one database never see each other's rows.
 */
public final class TestTenants {

    private final JdbcClient jdbc;

    public TestTenants(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    public record TestTenant(long companyId, long branchId, String slug) {}

    public TestTenant create() {
        String slug = "t-" + UUID.randomUUID();
        long companyId = insert("INSERT INTO companies (slug, name) VALUES ('" + slug + "', 'Test " + slug + "')");
        long branchId = insert("INSERT INTO branches (company_id, name, time_zone) VALUES (" + companyId
                + ", 'Main', 'Europe/Berlin')");
        return new TestTenant(companyId, branchId, slug);
    }

    public long service(TestTenant tenant, String name) {
        return insert("INSERT INTO services (company_id, name, duration_minutes) VALUES (" + tenant.companyId() + ", '"
                + name + "', 30)");
    }

    public long customer(TestTenant tenant, String phone) {
        return insert("INSERT INTO customers (company_id, phone) VALUES (" + tenant.companyId() + ", '" + phone + "')");
    }

    /** A number unlikely to collide between tests sharing a database. */
    /** An active German company in Berlin as the directory hands it out (for tests that mock the directory). */
    public static Company company(long id, String slug, String name) {
        return new Company(
                id, slug, name, Language.DE, ZoneId.of("Europe/Berlin"), new Policies(6, 12, 2, List.of()), 60, true);
    }

    public static String randomE164() {
        return "+49"
                + (1_000_000_000L
                        + java.util.concurrent.ThreadLocalRandom.current().nextLong(8_000_000_000L));
    }

    private long insert(String sql) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql(sql).update(keys, "id");
        return Objects.requireNonNull(keys.getKey()).longValue();
    }
}
