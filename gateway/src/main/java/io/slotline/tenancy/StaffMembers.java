package io.slotline.tenancy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Staff and the service_staff links (who performs which service). */
@Repository
class StaffMembers {

    private static final String COLUMNS = "id, company_id, branch_id, name, calcom_username, calcom_user_id, active";

    private final JdbcClient jdbc;

    StaffMembers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Staff> findActiveInBranch(long companyId, long branchId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM staff WHERE company_id = :companyId AND branch_id = :branchId "
                        + "AND active = TRUE ORDER BY id")
                .param("companyId", companyId)
                .param("branchId", branchId)
                .query(StaffMembers::map)
                .list();
    }

    List<Staff> findActiveForService(long companyId, long serviceId) {
        return jdbc.sql("""
                SELECT s.id, s.company_id, s.branch_id, s.name, s.calcom_username, s.calcom_user_id, s.active
                FROM service_staff ss
                JOIN staff s ON s.company_id = ss.company_id AND s.id = ss.staff_id
                WHERE ss.company_id = :companyId AND ss.service_id = :serviceId AND s.active = TRUE
                ORDER BY s.id""")
                .param("companyId", companyId)
                .param("serviceId", serviceId)
                .query(StaffMembers::map)
                .list();
    }

    List<Staff> findAll(long companyId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM staff WHERE company_id = :companyId ORDER BY id")
                .param("companyId", companyId)
                .query(StaffMembers::map)
                .list();
    }

    Optional<Staff> findById(long companyId, long staffId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM staff WHERE company_id = :companyId AND id = :id")
                .param("companyId", companyId)
                .param("id", staffId)
                .query(StaffMembers::map)
                .optional();
    }

    /** Staff who perform a service, active or not. */
    List<Staff> findForService(long companyId, long serviceId) {
        return jdbc.sql("""
                SELECT s.id, s.company_id, s.branch_id, s.name, s.calcom_username, s.calcom_user_id, s.active
                FROM service_staff ss
                JOIN staff s ON s.company_id = ss.company_id AND s.id = ss.staff_id
                WHERE ss.company_id = :companyId AND ss.service_id = :serviceId
                ORDER BY s.id""")
                .param("companyId", companyId)
                .param("serviceId", serviceId)
                .query(StaffMembers::map)
                .list();
    }

    /** Which of the ids are staff members of the company. */
    List<Long> existingIds(long companyId, Collection<Long> staffIds) {
        if (staffIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT id FROM staff WHERE company_id = :companyId AND id IN (:ids)")
                .param("companyId", companyId)
                .param("ids", staffIds)
                .query(Long.class)
                .list();
    }

    Optional<Staff> findByName(long companyId, String name) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM staff WHERE company_id = :companyId AND name = :name")
                .param("companyId", companyId)
                .param("name", name)
                .query(StaffMembers::map)
                .optional();
    }

    long insert(long companyId, StaffSpec spec) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO staff (company_id, branch_id, name, calcom_username, calcom_user_id, active)
                VALUES (:companyId, :branchId, :name, :username, :userId, :active)""")
                .param("companyId", companyId)
                .param("branchId", spec.branchId())
                .param("name", spec.name())
                .param("username", spec.calcomUsername(), Types.VARCHAR)
                .param("userId", spec.calcomUserId(), Types.BIGINT)
                .param("active", spec.active())
                .update(keys, "id");
        return Objects.requireNonNull(keys.getKey(), "no generated id").longValue();
    }

    boolean update(long companyId, long staffId, StaffSpec spec) {
        return jdbc.sql("""
                UPDATE staff SET branch_id = :branchId, name = :name, calcom_username = :username,
                    calcom_user_id = :userId, active = :active
                WHERE company_id = :companyId AND id = :id""")
                        .param("branchId", spec.branchId())
                        .param("name", spec.name())
                        .param("username", spec.calcomUsername(), Types.VARCHAR)
                        .param("userId", spec.calcomUserId(), Types.BIGINT)
                        .param("active", spec.active())
                        .param("companyId", companyId)
                        .param("id", staffId)
                        .update()
                == 1;
    }

    List<Long> linkedStaffIds(long companyId, long serviceId) {
        return jdbc.sql("SELECT staff_id FROM service_staff WHERE company_id = :companyId AND service_id = :serviceId "
                        + "ORDER BY staff_id")
                .param("companyId", companyId)
                .param("serviceId", serviceId)
                .query(Long.class)
                .list();
    }

    /** @return false when the link already existed */
    boolean link(long companyId, long serviceId, long staffId) {
        return jdbc.sql("""
                INSERT INTO service_staff (company_id, service_id, staff_id)
                VALUES (:companyId, :serviceId, :staffId)
                ON CONFLICT DO NOTHING""")
                        .param("companyId", companyId)
                        .param("serviceId", serviceId)
                        .param("staffId", staffId)
                        .update()
                == 1;
    }

    /** The staff members' own event types for a service, where known. */
    List<StaffEventType> staffEventTypes(long companyId, long serviceId) {
        return jdbc.sql("""
                SELECT staff_id, calcom_event_type_id, calcom_event_type_slug FROM service_staff
                WHERE company_id = :companyId AND service_id = :serviceId AND calcom_event_type_id IS NOT NULL
                ORDER BY staff_id""")
                .param("companyId", companyId)
                .param("serviceId", serviceId)
                .query((rs, row) -> new StaffEventType(
                        rs.getLong("staff_id"),
                        rs.getLong("calcom_event_type_id"),
                        rs.getString("calcom_event_type_slug")))
                .list();
    }

    /** @return false when the staff member is not linked to the service */
    boolean setStaffEventType(
            long companyId, long serviceId, long staffId, @Nullable Long eventTypeId, @Nullable String slug) {
        return jdbc.sql("""
                UPDATE service_staff SET calcom_event_type_id = :eventTypeId, calcom_event_type_slug = :slug
                WHERE company_id = :companyId AND service_id = :serviceId AND staff_id = :staffId""")
                        .param("companyId", companyId)
                        .param("serviceId", serviceId)
                        .param("staffId", staffId)
                        .param("eventTypeId", new SqlParameterValue(Types.BIGINT, eventTypeId))
                        .param("slug", new SqlParameterValue(Types.VARCHAR, slug))
                        .update()
                == 1;
    }

    boolean unlink(long companyId, long serviceId, long staffId) {
        return jdbc.sql("DELETE FROM service_staff WHERE company_id = :companyId AND service_id = :serviceId "
                                + "AND staff_id = :staffId")
                        .param("companyId", companyId)
                        .param("serviceId", serviceId)
                        .param("staffId", staffId)
                        .update()
                == 1;
    }

    static Staff map(ResultSet rs, int row) throws SQLException {
        return new Staff(
                rs.getLong("id"),
                rs.getLong("company_id"),
                rs.getLong("branch_id"),
                rs.getString("name"),
                rs.getString("calcom_username"),
                rs.getObject("calcom_user_id", Long.class),
                rs.getBoolean("active"));
    }
}
