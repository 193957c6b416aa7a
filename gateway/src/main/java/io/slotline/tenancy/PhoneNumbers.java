package io.slotline.tenancy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class PhoneNumbers {

    private static final String COLUMNS = "id, company_id, branch_id, e164, active";

    private final JdbcClient jdbc;

    PhoneNumbers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Routing: the one query without a company filter, because the dialled number is how the company is found.
     * Only active numbers of active branches of active companies route.
     */
    Optional<TenantContext> route(String e164) {
        return jdbc.sql("""
                SELECT p.id AS p_id, p.company_id AS p_company_id, p.branch_id AS p_branch_id, p.e164 AS p_e164,
                       p.active AS p_active,
                       b.id AS b_id, b.company_id AS b_company_id, b.name AS b_name, b.time_zone AS b_time_zone,
                       b.address AS b_address, b.active AS b_active, b.phone AS b_phone,
                       c.id AS c_id, c.slug AS c_slug, c.name AS c_name, c.language AS c_language,
                       c.default_time_zone AS c_default_time_zone,
                       c.cancellation_deadline_hours AS c_cancellation_deadline_hours,
                       c.reschedule_deadline_hours AS c_reschedule_deadline_hours,
                       c.max_reschedules AS c_max_reschedules, c.cancellation_fees AS c_cancellation_fees,
                       c.change_verification AS c_change_verification,
                       c.booking_window_days AS c_booking_window_days, c.active AS c_active
                FROM phone_numbers p
                JOIN branches b ON b.company_id = p.company_id AND b.id = p.branch_id
                JOIN companies c ON c.id = p.company_id
                WHERE p.e164 = :e164 AND p.active = TRUE AND b.active = TRUE AND c.active = TRUE""")
                .param("e164", e164)
                .query((rs, row) -> new TenantContext(Companies.map(rs, "c_"), Branches.map(rs, "b_"), map(rs, "p_")))
                .optional();
    }

    /** Any company's number: the importer must not take over another tenant's number. */
    Optional<PhoneNumber> findByE164(String e164) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM phone_numbers WHERE e164 = :e164")
                .param("e164", e164)
                .query(PhoneNumbers::map)
                .optional();
    }

    Optional<PhoneNumber> findById(long companyId, long numberId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM phone_numbers WHERE company_id = :companyId AND id = :id")
                .param("companyId", companyId)
                .param("id", numberId)
                .query(PhoneNumbers::map)
                .optional();
    }

    List<PhoneNumber> findAll(long companyId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM phone_numbers WHERE company_id = :companyId ORDER BY id")
                .param("companyId", companyId)
                .query(PhoneNumbers::map)
                .list();
    }

    long insert(long companyId, long branchId, String e164, boolean active) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO phone_numbers (company_id, branch_id, e164, active) "
                        + "VALUES (:companyId, :branchId, :e164, :active)")
                .param("companyId", companyId)
                .param("branchId", branchId)
                .param("e164", e164)
                .param("active", active)
                .update(keys, "id");
        return Objects.requireNonNull(keys.getKey(), "no generated id").longValue();
    }

    boolean update(long companyId, String e164, long branchId, boolean active) {
        return jdbc.sql("UPDATE phone_numbers SET branch_id = :branchId, active = :active "
                                + "WHERE company_id = :companyId AND e164 = :e164")
                        .param("branchId", branchId)
                        .param("active", active)
                        .param("companyId", companyId)
                        .param("e164", e164)
                        .update()
                == 1;
    }

    static PhoneNumber map(ResultSet rs, int row) throws SQLException {
        return map(rs, "");
    }

    static PhoneNumber map(ResultSet rs, String prefix) throws SQLException {
        return new PhoneNumber(
                rs.getLong(prefix + "id"),
                rs.getLong(prefix + "company_id"),
                rs.getLong(prefix + "branch_id"),
                rs.getString(prefix + "e164"),
                rs.getBoolean(prefix + "active"));
    }
}
