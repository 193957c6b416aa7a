package io.slotline.admin;

import static io.slotline.database.Timestamps.instant;
import static io.slotline.database.Timestamps.required;
import static io.slotline.database.Timestamps.utc;

import io.slotline.admin.ActivityViews.AppointmentView;
import io.slotline.admin.ActivityViews.CallView;
import io.slotline.admin.ActivityViews.CallbackView;
import io.slotline.admin.ActivityViews.CustomerView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The operator's read model over calls, appointments, customers and callback requests: across companies, filtered,
 * paginated, joined with the names an operator wants to see. Read-only; the features own their writes.
 */
@Repository
class ActivityQueries {

    private final JdbcClient jdbc;

    ActivityQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Page<CallView> calls(ActivityFilter filter) {
        Where where = new Where(
                filter,
                "c.company_id",
                "COALESCE(c.started_at, c.created_at)",
                "c.status",
                "c.from_number",
                "c.to_number");
        return page(
                filter,
                """
                SELECT c.id, c.retell_call_id, c.company_id, co.slug AS company_slug, c.branch_id, c.customer_id,
                       c.agent_id, c.from_number, c.to_number, c.direction, c.status, c.started_at, c.ended_at,
                       c.disconnection_reason, c.summary, c.user_sentiment, c.call_successful, c.in_voicemail,
                       c.custom_analysis, c.created_at,
                       (SELECT COUNT(*) FROM function_calls f
                        WHERE f.company_id = c.company_id AND f.retell_call_id = c.retell_call_id) AS function_calls
                FROM calls c JOIN companies co ON co.id = c.company_id""",
                "SELECT COUNT(*) FROM calls c",
                where,
                "COALESCE(c.started_at, c.created_at) DESC, c.id DESC",
                ActivityQueries::call);
    }

    Optional<CallView> call(long id) {
        return jdbc.sql("""
                SELECT c.id, c.retell_call_id, c.company_id, co.slug AS company_slug, c.branch_id, c.customer_id,
                       c.agent_id, c.from_number, c.to_number, c.direction, c.status, c.started_at, c.ended_at,
                       c.disconnection_reason, c.summary, c.user_sentiment, c.call_successful, c.in_voicemail,
                       c.custom_analysis, c.created_at,
                       0 AS function_calls
                FROM calls c JOIN companies co ON co.id = c.company_id
                WHERE c.id = :id""").param("id", id).query(ActivityQueries::call).optional();
    }

    Page<AppointmentView> appointments(ActivityFilter filter) {
        String from = """
                 FROM appointments a
                JOIN companies co ON co.id = a.company_id
                LEFT JOIN services s ON s.company_id = a.company_id AND s.id = a.service_id
                LEFT JOIN staff st ON st.company_id = a.company_id AND st.id = a.staff_id
                LEFT JOIN customers cu ON cu.company_id = a.company_id AND cu.id = a.customer_id""";
        Where where = new Where(filter, "a.company_id", "a.starts_at", "a.status", "cu.phone");
        return page(
                filter,
                """
                SELECT a.id, a.company_id, co.slug AS company_slug, a.branch_id, a.service_id, s.name AS service_name,
                       a.staff_id, st.name AS staff_name, a.customer_id, cu.name AS customer_name,
                       cu.phone AS customer_phone, a.call_id, a.starts_at, a.ends_at, a.calcom_booking_uid, a.status,
                       a.source, a.rescheduled_from_id, a.reschedule_count, a.cancellation_reason, a.notes,
                       a.created_at, a.attention""" + from,
                "SELECT COUNT(*)" + from,
                where,
                "a.starts_at DESC, a.id DESC",
                ActivityQueries::appointment);
    }

    Page<CustomerView> customers(ActivityFilter filter) {
        Where where = new Where(filter, "cu.company_id", "cu.created_at", null, "cu.phone");
        return page(
                filter,
                """
                SELECT cu.id, cu.company_id, co.slug AS company_slug, cu.name, cu.phone, cu.email, cu.created_at,
                       cu.updated_at
                FROM customers cu JOIN companies co ON co.id = cu.company_id""",
                "SELECT COUNT(*) FROM customers cu",
                where,
                "cu.created_at DESC, cu.id DESC",
                ActivityQueries::customer);
    }

    Page<CallbackView> callbackRequests(ActivityFilter filter) {
        Where where = new Where(filter, "cb.company_id", "cb.created_at", "cb.status", "cb.phone");
        return page(
                filter,
                """
                SELECT cb.id, cb.company_id, co.slug AS company_slug, cb.branch_id, cb.call_id, cb.customer_id,
                       cb.customer_name, cb.phone, cb.reason, cb.preferred_time, cb.status, cb.appointment_id,
                       cb.outcome, cb.created_at
                FROM callback_requests cb JOIN companies co ON co.id = cb.company_id""",
                "SELECT COUNT(*) FROM callback_requests cb",
                where,
                "cb.created_at DESC, cb.id DESC",
                ActivityQueries::callback);
    }

    Optional<CallbackView> callbackRequest(long id) {
        return jdbc.sql("""
                SELECT cb.id, cb.company_id, co.slug AS company_slug, cb.branch_id, cb.call_id, cb.customer_id,
                       cb.customer_name, cb.phone, cb.reason, cb.preferred_time, cb.status, cb.appointment_id,
                       cb.outcome, cb.created_at
                FROM callback_requests cb JOIN companies co ON co.id = cb.company_id
                WHERE cb.id = :id""").param("id", id).query(ActivityQueries::callback).optional();
    }

    private <T> Page<T> page(
            ActivityFilter filter, String select, String count, Where where, String orderBy, RowMapper<T> mapper) {
        long total = jdbc.sql(count + where.sql())
                .params(where.params())
                .query(Long.class)
                .single();
        List<T> items = jdbc.sql(select + where.sql() + " ORDER BY " + orderBy + " LIMIT :limit OFFSET :offset")
                .params(where.params())
                .param("limit", filter.size())
                .param("offset", filter.offset())
                .query(mapper)
                .list();
        return new Page<>(items, filter.page(), filter.size(), total);
    }

    /** The WHERE clause of a filter over the given columns; a null column means the list has no such filter. */
    private static final class Where {

        private final StringBuilder sql = new StringBuilder();
        private final Map<String, Object> params = new HashMap<>();

        Where(
                ActivityFilter filter,
                String companyColumn,
                String timeColumn,
                @Nullable String statusColumn,
                String... phoneColumns) {
            if (filter.companyId() != null) {
                and(companyColumn + " = :companyId", "companyId", filter.companyId());
            }
            if (filter.from() != null) {
                and(timeColumn + " >= :from", "from", utc(filter.from()));
            }
            if (filter.to() != null) {
                and(timeColumn + " < :to", "to", utc(filter.to()));
            }
            if (statusColumn != null && filter.status() != null) {
                and(statusColumn + " = :status", "status", filter.status());
            }
            String phone = filter.phonePattern();
            if (phone != null) {
                and(
                        "("
                                + String.join(
                                        " OR ",
                                        Arrays.stream(phoneColumns)
                                                .map(column -> column + " LIKE :phone")
                                                .toList())
                                + ")",
                        "phone",
                        phone);
            }
        }

        private void and(String condition, String name, Object value) {
            sql.append(sql.isEmpty() ? " WHERE " : " AND ").append(condition);
            params.put(name, value);
        }

        String sql() {
            return sql.toString();
        }

        Map<String, Object> params() {
            return params;
        }
    }

    private static CallView call(ResultSet rs, int row) throws SQLException {
        return new CallView(
                rs.getLong("id"),
                rs.getString("retell_call_id"),
                rs.getLong("company_id"),
                rs.getString("company_slug"),
                rs.getObject("branch_id", Long.class),
                rs.getObject("customer_id", Long.class),
                rs.getString("agent_id"),
                rs.getString("from_number"),
                rs.getString("to_number"),
                rs.getString("direction"),
                rs.getString("status"),
                instant(rs, "started_at"),
                instant(rs, "ended_at"),
                rs.getString("disconnection_reason"),
                rs.getString("summary"),
                rs.getString("user_sentiment"),
                rs.getObject("call_successful", Boolean.class),
                rs.getObject("in_voicemail", Boolean.class),
                rs.getString("custom_analysis"),
                rs.getInt("function_calls"),
                required(rs, "created_at"));
    }

    private static AppointmentView appointment(ResultSet rs, int row) throws SQLException {
        return new AppointmentView(
                rs.getLong("id"),
                rs.getLong("company_id"),
                rs.getString("company_slug"),
                rs.getObject("branch_id", Long.class),
                rs.getObject("service_id", Long.class),
                rs.getString("service_name"),
                rs.getObject("staff_id", Long.class),
                rs.getString("staff_name"),
                rs.getObject("customer_id", Long.class),
                rs.getString("customer_name"),
                rs.getString("customer_phone"),
                rs.getObject("call_id", Long.class),
                required(rs, "starts_at"),
                required(rs, "ends_at"),
                rs.getString("calcom_booking_uid"),
                rs.getString("status"),
                rs.getString("source"),
                rs.getObject("rescheduled_from_id", Long.class),
                rs.getInt("reschedule_count"),
                rs.getString("cancellation_reason"),
                rs.getString("notes"),
                required(rs, "created_at"),
                rs.getString("attention"));
    }

    private static CustomerView customer(ResultSet rs, int row) throws SQLException {
        return new CustomerView(
                rs.getLong("id"),
                rs.getLong("company_id"),
                rs.getString("company_slug"),
                rs.getString("name"),
                rs.getString("phone"),
                rs.getString("email"),
                required(rs, "created_at"),
                required(rs, "updated_at"));
    }

    private static CallbackView callback(ResultSet rs, int row) throws SQLException {
        return new CallbackView(
                rs.getLong("id"),
                rs.getLong("company_id"),
                rs.getString("company_slug"),
                rs.getObject("branch_id", Long.class),
                rs.getObject("call_id", Long.class),
                rs.getObject("customer_id", Long.class),
                rs.getString("customer_name"),
                rs.getString("phone"),
                rs.getString("reason"),
                rs.getString("preferred_time"),
                rs.getString("status"),
                rs.getObject("appointment_id", Long.class),
                rs.getString("outcome"),
                required(rs, "created_at"));
    }
}
