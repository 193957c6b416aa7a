package io.slotline.console;

import static io.slotline.database.Timestamps.instant;
import static io.slotline.database.Timestamps.required;

import io.slotline.console.ConsoleViews.AppointmentRow;
import io.slotline.console.ConsoleViews.CallRow;
import io.slotline.console.ConsoleViews.CallbackRow;
import io.slotline.console.ConsoleViews.CustomerRow;
import io.slotline.console.ConsoleViews.FunctionRow;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The rows of the console's lists as {@link ConsoleQueries} selects them: the SELECT of each (a call with its last
 * function, an appointment with its names, a callback, a customer with their counts, a function call) and its row
 * mapper.
 */
final class ConsoleRows {

    private ConsoleRows() {}

    static final String CALL_SELECT = """
            SELECT c.id, c.retell_call_id, c.company_id, co.name AS company_name, c.from_number, c.to_number,
                   cu.name AS customer_name, c.customer_id, c.status, c.started_at, c.ended_at, c.disconnection_reason,
                   c.summary, c.user_sentiment, c.call_successful, c.created_at,
                   (SELECT COUNT(*) FROM function_calls f
                    WHERE f.company_id = c.company_id AND f.retell_call_id = c.retell_call_id) AS function_calls,
                   (SELECT f.function_name FROM function_calls f
                    WHERE f.company_id = c.company_id AND f.retell_call_id = c.retell_call_id
                    ORDER BY f.created_at DESC, f.id DESC LIMIT 1) AS last_function,
                   (SELECT f.outcome FROM function_calls f
                    WHERE f.company_id = c.company_id AND f.retell_call_id = c.retell_call_id
                    ORDER BY f.created_at DESC, f.id DESC LIMIT 1) AS last_outcome
            FROM calls c
            JOIN companies co ON co.id = c.company_id
            LEFT JOIN customers cu ON cu.company_id = c.company_id AND cu.id = c.customer_id""";

    static final String APPOINTMENT_FROM = """
             FROM appointments a
            JOIN companies co ON co.id = a.company_id
            LEFT JOIN services s ON s.company_id = a.company_id AND s.id = a.service_id
            LEFT JOIN staff st ON st.company_id = a.company_id AND st.id = a.staff_id
            LEFT JOIN customers cu ON cu.company_id = a.company_id AND cu.id = a.customer_id""";
    static final String APPOINTMENT_COLUMNS = """
            SELECT a.id, a.company_id, co.name AS company_name, s.name AS service_name, st.name AS staff_name,
                   a.customer_id, cu.name AS customer_name, cu.phone AS customer_phone, a.call_id, a.starts_at,
                   a.ends_at, a.status, a.source, a.reschedule_count, a.cancellation_reason, a.calcom_booking_uid,
                   a.created_at, a.attention""";

    static final String CALLBACK_SELECT = """
            SELECT cb.id, cb.company_id, co.name AS company_name, cb.call_id, cb.customer_id, cb.customer_name,
                   cb.phone, cb.reason, cb.preferred_time, cb.status, cb.created_at, cb.done_at, cb.done_by,
                   cb.done_note
            FROM callback_requests cb JOIN companies co ON co.id = cb.company_id""";

    static final String CUSTOMER_SELECT = """
            SELECT cu.id, cu.company_id, co.name AS company_name, cu.name, cu.phone, cu.email, cu.created_at,
                   (SELECT COUNT(*) FROM calls c WHERE c.company_id = cu.company_id AND c.customer_id = cu.id) AS calls,
                   (SELECT COUNT(*) FROM appointments a
                    WHERE a.company_id = cu.company_id AND a.customer_id = cu.id) AS appointments,
                   (SELECT MAX(COALESCE(c.started_at, c.created_at)) FROM calls c
                    WHERE c.company_id = cu.company_id AND c.customer_id = cu.id) AS last_call_at
            FROM customers cu JOIN companies co ON co.id = cu.company_id""";

    static final String FUNCTION_SELECT = """
            SELECT id, function_name, tool_call_id, args_json, ok, outcome, message, latency_ms, upstream_requests,
                   created_at
            FROM function_calls""";

    static CallRow call(ResultSet rs, int row) throws SQLException {
        return new CallRow(
                rs.getLong("id"),
                rs.getString("retell_call_id"),
                rs.getLong("company_id"),
                rs.getString("company_name"),
                rs.getString("from_number"),
                rs.getString("to_number"),
                rs.getString("customer_name"),
                rs.getObject("customer_id", Long.class),
                rs.getString("status"),
                instant(rs, "started_at"),
                instant(rs, "ended_at"),
                rs.getString("disconnection_reason"),
                rs.getString("summary"),
                rs.getString("user_sentiment"),
                rs.getObject("call_successful", Boolean.class),
                rs.getInt("function_calls"),
                rs.getString("last_function"),
                rs.getString("last_outcome"),
                required(rs, "created_at"));
    }

    static AppointmentRow appointment(ResultSet rs, int row) throws SQLException {
        return new AppointmentRow(
                rs.getLong("id"),
                rs.getLong("company_id"),
                rs.getString("company_name"),
                rs.getString("service_name"),
                rs.getString("staff_name"),
                rs.getObject("customer_id", Long.class),
                rs.getString("customer_name"),
                rs.getString("customer_phone"),
                rs.getObject("call_id", Long.class),
                required(rs, "starts_at"),
                required(rs, "ends_at"),
                rs.getString("status"),
                rs.getString("source"),
                rs.getInt("reschedule_count"),
                rs.getString("cancellation_reason"),
                rs.getString("calcom_booking_uid"),
                required(rs, "created_at"),
                rs.getString("attention"));
    }

    static CallbackRow callback(ResultSet rs, int row) throws SQLException {
        return new CallbackRow(
                rs.getLong("id"),
                rs.getLong("company_id"),
                rs.getString("company_name"),
                rs.getObject("call_id", Long.class),
                rs.getObject("customer_id", Long.class),
                rs.getString("customer_name"),
                rs.getString("phone"),
                rs.getString("reason"),
                rs.getString("preferred_time"),
                rs.getString("status"),
                required(rs, "created_at"),
                instant(rs, "done_at"),
                rs.getString("done_by"),
                rs.getString("done_note"));
    }

    static CustomerRow customer(ResultSet rs, int row) throws SQLException {
        return new CustomerRow(
                rs.getLong("id"),
                rs.getLong("company_id"),
                rs.getString("company_name"),
                rs.getString("name"),
                rs.getString("phone"),
                rs.getString("email"),
                rs.getInt("calls"),
                rs.getInt("appointments"),
                instant(rs, "last_call_at"),
                required(rs, "created_at"));
    }

    static FunctionRow function(ResultSet rs, int row) throws SQLException {
        return new FunctionRow(
                rs.getLong("id"),
                rs.getString("function_name"),
                rs.getString("tool_call_id"),
                rs.getString("args_json"),
                rs.getBoolean("ok"),
                rs.getString("outcome"),
                rs.getString("message"),
                rs.getInt("latency_ms"),
                rs.getInt("upstream_requests"),
                required(rs, "created_at"));
    }
}
