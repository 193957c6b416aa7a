package io.slotline.console;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.slotline.console.ConsoleViews.AppointmentRow;
import io.slotline.console.ConsoleViews.CallRow;
import io.slotline.console.ConsoleViews.CallbackRow;
import io.slotline.console.ConsoleViews.CompanyRef;
import io.slotline.console.ConsoleViews.CustomerRow;
import io.slotline.console.ConsoleViews.FunctionRow;
import io.slotline.console.ConsoleViews.PageOf;

/**
 * The console's reads. Every query takes a {@link Scope} and puts its company condition in the WHERE clause, so a
 * company account's pages, filters, exports and actions never reach another company's rows.
 */
@Repository
class ConsoleQueries {

    /** Function outcomes that mean Cal.com could not give an answer (or we failed): the "Cal.com trouble". */
    static final Set<String> CALCOM_TROUBLE = Set.of("calcom_unavailable", "calcom_error", "calcom_refused",
            "calcom_unauthorized", "calcom_not_configured", "internal_error");
    private static final String TROUBLE_SQL = "('calcom_unavailable', 'calcom_error', 'calcom_refused', "
            + "'calcom_unauthorized', 'calcom_not_configured', 'internal_error')";
    /** Functions whose success means the caller got what they called for. */
    private static final String ACHIEVED_SQL = "('book_appointment', 'cancel_appointment', 'reschedule_appointment', "
            + "'request_callback')";

    /** A call outcome filter: the SQL condition over calls {@code c}. */
    enum CallOutcome {
        BOOKED("EXISTS (SELECT 1 FROM function_calls f WHERE f.company_id = c.company_id "
                + "AND f.retell_call_id = c.retell_call_id AND f.ok AND f.function_name = 'book_appointment')"),
        CANCELLED("EXISTS (SELECT 1 FROM function_calls f WHERE f.company_id = c.company_id "
                + "AND f.retell_call_id = c.retell_call_id AND f.ok AND f.function_name = 'cancel_appointment')"),
        RESCHEDULED("EXISTS (SELECT 1 FROM function_calls f WHERE f.company_id = c.company_id "
                + "AND f.retell_call_id = c.retell_call_id AND f.ok AND f.function_name = 'reschedule_appointment')"),
        CALLBACK("EXISTS (SELECT 1 FROM callback_requests cb WHERE cb.company_id = c.company_id AND cb.call_id = c.id)"),
        /** Ended without what the caller wanted: unsuccessful by Retell's analysis, an error, or a refusal left standing. */
        FAILED("c.status <> 'ongoing' AND (c.call_successful = FALSE OR c.status = 'error' OR (c.call_successful IS NULL "
                + "AND EXISTS (SELECT 1 FROM function_calls f WHERE f.company_id = c.company_id "
                + "AND f.retell_call_id = c.retell_call_id AND NOT f.ok AND f.outcome NOT IN ('in_progress')) "
                + "AND NOT EXISTS (SELECT 1 FROM function_calls f WHERE f.company_id = c.company_id "
                + "AND f.retell_call_id = c.retell_call_id AND f.ok AND f.function_name IN " + ACHIEVED_SQL + ")))"),
        CALCOM_TROUBLE("EXISTS (SELECT 1 FROM function_calls f WHERE f.company_id = c.company_id "
                + "AND f.retell_call_id = c.retell_call_id AND f.outcome IN " + TROUBLE_SQL + ")");

        final String condition;

        CallOutcome(String condition) {
            this.condition = condition;
        }

        String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Optional<CallOutcome> of(@Nullable String code) {
            if (code == null || code.isBlank()) {
                return Optional.empty();
            }
            for (CallOutcome outcome : values()) {
                if (outcome.code().equals(code.trim())) {
                    return Optional.of(outcome);
                }
            }
            throw new ConsoleBadRequestException("outcome");
        }
    }

    /** The filters of the calls list; null fields do not filter. */
    record CallFilter(@Nullable Instant from, @Nullable Instant to, @Nullable String status,
            @Nullable CallOutcome outcome, @Nullable String caller) {
    }

    private static final String CALL_SELECT = """
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

    private static final String APPOINTMENT_FROM = """
             FROM appointments a
            JOIN companies co ON co.id = a.company_id
            LEFT JOIN services s ON s.company_id = a.company_id AND s.id = a.service_id
            LEFT JOIN staff st ON st.company_id = a.company_id AND st.id = a.staff_id
            LEFT JOIN customers cu ON cu.company_id = a.company_id AND cu.id = a.customer_id""";
    private static final String APPOINTMENT_COLUMNS = """
            SELECT a.id, a.company_id, co.name AS company_name, s.name AS service_name, st.name AS staff_name,
                   a.customer_id, cu.name AS customer_name, cu.phone AS customer_phone, a.call_id, a.starts_at,
                   a.ends_at, a.status, a.source, a.reschedule_count, a.cancellation_reason, a.calcom_booking_uid,
                   a.created_at, a.attention""";

    private static final String CALLBACK_SELECT = """
            SELECT cb.id, cb.company_id, co.name AS company_name, cb.call_id, cb.customer_id, cb.customer_name,
                   cb.phone, cb.reason, cb.preferred_time, cb.status, cb.created_at, cb.done_at, cb.done_by,
                   cb.done_note
            FROM callback_requests cb JOIN companies co ON co.id = cb.company_id""";

    private static final String CUSTOMER_SELECT = """
            SELECT cu.id, cu.company_id, co.name AS company_name, cu.name, cu.phone, cu.email, cu.created_at,
                   (SELECT COUNT(*) FROM calls c WHERE c.company_id = cu.company_id AND c.customer_id = cu.id) AS calls,
                   (SELECT COUNT(*) FROM appointments a
                    WHERE a.company_id = cu.company_id AND a.customer_id = cu.id) AS appointments,
                   (SELECT MAX(COALESCE(c.started_at, c.created_at)) FROM calls c
                    WHERE c.company_id = cu.company_id AND c.customer_id = cu.id) AS last_call_at
            FROM customers cu JOIN companies co ON co.id = cu.company_id""";

    private final JdbcClient jdbc;

    ConsoleQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- companies

    List<CompanyRef> companies(Scope scope) {
        return query("SELECT id, slug, name FROM companies co WHERE " + scope.on("co.id") + " ORDER BY name", scope,
                Map.of(), (rs, row) -> new CompanyRef(rs.getLong("id"), rs.getString("slug"), rs.getString("name")));
    }

    // ---- calls

    List<CallRow> liveCalls(Scope scope, Instant since) {
        return query(CALL_SELECT + " WHERE " + scope.on("c.company_id")
                        + " AND c.status = 'ongoing' AND c.created_at >= :since"
                        + " ORDER BY COALESCE(c.started_at, c.created_at) DESC, c.id DESC", scope,
                Map.of("since", utc(since)), ConsoleQueries::call);
    }

    PageOf<CallRow> calls(Scope scope, CallFilter filter, int page, int size) {
        Conditions where = new Conditions(scope, "c.company_id");
        where.add(filter.from() != null, "COALESCE(c.started_at, c.created_at) >= :from", "from", filter.from());
        where.add(filter.to() != null, "COALESCE(c.started_at, c.created_at) < :to", "to", filter.to());
        where.add(filter.status() != null, "c.status = :status", "status", filter.status());
        if (filter.outcome() != null) {
            where.add(filter.outcome().condition);
        }
        if (filter.caller() != null) {
            where.add(true, "(c.from_number LIKE :caller OR LOWER(cu.name) LIKE :caller)", "caller",
                    "%" + filter.caller().toLowerCase(Locale.ROOT) + "%");
        }
        String order = " ORDER BY COALESCE(c.started_at, c.created_at) DESC, c.id DESC";
        long total = count("SELECT COUNT(*) FROM calls c LEFT JOIN customers cu ON cu.company_id = c.company_id "
                + "AND cu.id = c.customer_id" + where.sql(), where);
        List<CallRow> items = query(CALL_SELECT + where.sql() + order + " LIMIT :limit OFFSET :offset", scope,
                where.paged(page, size), ConsoleQueries::call);
        return new PageOf<>(items, page, size, total);
    }

    Optional<CallRow> call(Scope scope, long id) {
        return query(CALL_SELECT + " WHERE " + scope.on("c.company_id") + " AND c.id = :id", scope, Map.of("id", id),
                ConsoleQueries::call).stream().findFirst();
    }

    List<FunctionRow> functionCalls(long companyId, String retellCallId) {
        return jdbc.sql("""
                SELECT id, function_name, tool_call_id, args_json, ok, outcome, message, latency_ms, upstream_requests,
                       created_at
                FROM function_calls
                WHERE company_id = :companyId AND retell_call_id = :retellCallId
                ORDER BY created_at, id""")
                .param("companyId", companyId)
                .param("retellCallId", retellCallId)
                .query((rs, row) -> new FunctionRow(rs.getLong("id"), rs.getString("function_name"),
                        rs.getString("tool_call_id"), rs.getString("args_json"), rs.getBoolean("ok"),
                        rs.getString("outcome"), rs.getString("message"), rs.getInt("latency_ms"),
                        rs.getInt("upstream_requests"), required(rs, "created_at")))
                .list();
    }

    List<CallRow> failedCalls(Scope scope, Instant from, Instant to, int limit) {
        return query(CALL_SELECT + " WHERE " + scope.on("c.company_id")
                        + " AND COALESCE(c.started_at, c.created_at) >= :from AND COALESCE(c.started_at, c.created_at) < :to"
                        + " AND " + CallOutcome.FAILED.condition
                        + " ORDER BY COALESCE(c.started_at, c.created_at) DESC, c.id DESC LIMIT :limit", scope,
                Map.of("from", utc(from), "to", utc(to), "limit", limit), ConsoleQueries::call);
    }

    long callsBetween(Scope scope, Instant from, Instant to) {
        Conditions where = new Conditions(scope, "c.company_id");
        where.add(true, "COALESCE(c.started_at, c.created_at) >= :from", "from", from);
        where.add(true, "COALESCE(c.started_at, c.created_at) < :to", "to", to);
        return count("SELECT COUNT(*) FROM calls c" + where.sql(), where);
    }

    // ---- appointments

    List<AppointmentRow> phoneBookings(Scope scope, Instant from, Instant to) {
        return query(APPOINTMENT_COLUMNS + APPOINTMENT_FROM + " WHERE " + scope.on("a.company_id")
                        + " AND a.source = 'phone' AND a.created_at >= :from AND a.created_at < :to"
                        + " ORDER BY a.created_at DESC, a.id DESC", scope,
                Map.of("from", utc(from), "to", utc(to)), ConsoleQueries::appointment);
    }

    /**
     * @param upcoming true: from {@code now} on, soonest first; false: before now, latest first
     * @param source   phone, calcom (made on the web), admin; null: all
     */
    PageOf<AppointmentRow> appointments(Scope scope, boolean upcoming, Instant now, @Nullable String source,
            @Nullable String status, @Nullable Long customerId, int page, int size) {
        Conditions where = new Conditions(scope, "a.company_id");
        where.add(true, upcoming ? "a.starts_at >= :now" : "a.starts_at < :now", "now", now);
        where.add(source != null, "a.source = :source", "source", source);
        where.add(status != null, "a.status = :status", "status", status);
        where.add(customerId != null, "a.customer_id = :customerId", "customerId", customerId);
        long total = count("SELECT COUNT(*)" + APPOINTMENT_FROM + where.sql(), where);
        String order = upcoming ? " ORDER BY a.starts_at, a.id" : " ORDER BY a.starts_at DESC, a.id DESC";
        List<AppointmentRow> items = query(APPOINTMENT_COLUMNS + APPOINTMENT_FROM + where.sql() + order
                + " LIMIT :limit OFFSET :offset", scope, where.paged(page, size), ConsoleQueries::appointment);
        return new PageOf<>(items, page, size, total);
    }

    List<AppointmentRow> appointmentsOfCall(Scope scope, long callId) {
        return query(APPOINTMENT_COLUMNS + APPOINTMENT_FROM + " WHERE " + scope.on("a.company_id")
                + " AND a.call_id = :callId ORDER BY a.created_at, a.id", scope, Map.of("callId", callId),
                ConsoleQueries::appointment);
    }

    // ---- callbacks

    List<CallbackRow> openCallbacks(Scope scope, int limit) {
        return query(CALLBACK_SELECT + " WHERE " + scope.on("cb.company_id")
                        + " AND cb.status = 'open' ORDER BY cb.created_at, cb.id LIMIT :limit", scope,
                Map.of("limit", limit), ConsoleQueries::callback);
    }

    long openCallbackCount(Scope scope) {
        Conditions where = new Conditions(scope, "cb.company_id");
        where.add("cb.status = 'open'");
        return count("SELECT COUNT(*) FROM callback_requests cb" + where.sql(), where);
    }

    /** Open ones oldest first (the order they are worked through); done ones latest first. */
    PageOf<CallbackRow> callbacks(Scope scope, String status, int page, int size) {
        Conditions where = new Conditions(scope, "cb.company_id");
        where.add(true, "cb.status = :status", "status", status);
        long total = count("SELECT COUNT(*) FROM callback_requests cb" + where.sql(), where);
        String order = "open".equals(status) ? " ORDER BY cb.created_at, cb.id"
                : " ORDER BY COALESCE(cb.done_at, cb.created_at) DESC, cb.id DESC";
        List<CallbackRow> items = query(CALLBACK_SELECT + where.sql() + order + " LIMIT :limit OFFSET :offset", scope,
                where.paged(page, size), ConsoleQueries::callback);
        return new PageOf<>(items, page, size, total);
    }

    List<CallbackRow> callbacksOf(Scope scope, String column, long id) {
        return query(CALLBACK_SELECT + " WHERE " + scope.on("cb.company_id") + " AND cb." + column + " = :id"
                + " ORDER BY cb.created_at DESC, cb.id DESC", scope, Map.of("id", id), ConsoleQueries::callback);
    }

    Optional<CallbackRow> callback(Scope scope, long id) {
        return query(CALLBACK_SELECT + " WHERE " + scope.on("cb.company_id") + " AND cb.id = :id", scope,
                Map.of("id", id), ConsoleQueries::callback).stream().findFirst();
    }

    /** @return false when it was done already (the first note stays) */
    boolean markCallbackDone(Scope scope, long id, String by, @Nullable String note, Instant now) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", id);
        params.put("by", by);
        params.put("note", note);
        params.put("now", utc(now));
        return update("UPDATE callback_requests cb SET status = 'done', done_at = :now, done_by = :by, "
                + "done_note = :note WHERE " + scope.on("cb.company_id") + " AND cb.id = :id AND cb.status = 'open'",
                scope, params) == 1;
    }

    // ---- customers

    PageOf<CustomerRow> customers(Scope scope, @Nullable String search, int page, int size) {
        Conditions where = new Conditions(scope, "cu.company_id");
        if (search != null) {
            where.add(true, "(cu.phone LIKE :search OR LOWER(cu.name) LIKE :search OR LOWER(cu.email) LIKE :search)",
                    "search", "%" + search.toLowerCase(Locale.ROOT) + "%");
        }
        long total = count("SELECT COUNT(*) FROM customers cu" + where.sql(), where);
        List<CustomerRow> items = query(CUSTOMER_SELECT + where.sql()
                + " ORDER BY cu.updated_at DESC, cu.id DESC LIMIT :limit OFFSET :offset", scope,
                where.paged(page, size), ConsoleQueries::customer);
        return new PageOf<>(items, page, size, total);
    }

    Optional<CustomerRow> customer(Scope scope, long id) {
        return query(CUSTOMER_SELECT + " WHERE " + scope.on("cu.company_id") + " AND cu.id = :id", scope,
                Map.of("id", id), ConsoleQueries::customer).stream().findFirst();
    }

    List<CallRow> callsOfCustomer(Scope scope, long customerId, int limit) {
        return query(CALL_SELECT + " WHERE " + scope.on("c.company_id") + " AND c.customer_id = :customerId"
                        + " ORDER BY COALESCE(c.started_at, c.created_at) DESC, c.id DESC LIMIT :limit", scope,
                Map.of("customerId", customerId, "limit", limit), ConsoleQueries::call);
    }

    // ---- Cal.com trouble

    record TroubleCount(long companyId, String companyName, String companySlug, int failures, Instant lastAt) {
    }

    List<TroubleCount> calcomTrouble(Scope scope, Instant from, Instant to) {
        return query("""
                SELECT f.company_id, co.name AS company_name, co.slug AS company_slug, COUNT(*) AS failures,
                       MAX(f.created_at) AS last_at
                FROM function_calls f JOIN companies co ON co.id = f.company_id
                WHERE\s""" + scope.on("f.company_id") + " AND f.outcome IN " + TROUBLE_SQL
                        + " AND f.created_at >= :from AND f.created_at < :to"
                        + " GROUP BY f.company_id, co.name, co.slug ORDER BY failures DESC", scope,
                Map.of("from", utc(from), "to", utc(to)),
                (rs, row) -> new TroubleCount(rs.getLong("company_id"), rs.getString("company_name"),
                        rs.getString("company_slug"), rs.getInt("failures"), required(rs, "last_at")));
    }

    /** The latest troubled answers, newest first, with the call they belong to. */
    record TroubleEntry(long companyId, String companyName, @Nullable Long callId, String functionName, String outcome,
            @Nullable String message, int latencyMs, Instant at) {
    }

    List<TroubleEntry> calcomTroubleEntries(Scope scope, Instant from, Instant to, int limit) {
        return query("""
                SELECT f.company_id, co.name AS company_name, c.id AS call_id, f.function_name, f.outcome, f.message,
                       f.latency_ms, f.created_at
                FROM function_calls f JOIN companies co ON co.id = f.company_id
                LEFT JOIN calls c ON c.company_id = f.company_id AND c.retell_call_id = f.retell_call_id
                WHERE\s""" + scope.on("f.company_id") + " AND f.outcome IN " + TROUBLE_SQL
                        + " AND f.created_at >= :from AND f.created_at < :to"
                        + " ORDER BY f.created_at DESC, f.id DESC LIMIT :limit", scope,
                Map.of("from", utc(from), "to", utc(to), "limit", limit),
                (rs, row) -> new TroubleEntry(rs.getLong("company_id"), rs.getString("company_name"),
                        rs.getObject("call_id", Long.class), rs.getString("function_name"), rs.getString("outcome"),
                        rs.getString("message"), rs.getInt("latency_ms"), required(rs, "created_at")));
    }

    // ---- latency per function (System)

    record FunctionLatency(String functionName, long calls, long notOk, double p50, double p95, int maxMs) {
    }

    List<FunctionLatency> functionLatencies(Scope scope, Instant since) {
        return query("""
                SELECT f.function_name, COUNT(*) AS calls, SUM(CASE WHEN f.ok THEN 0 ELSE 1 END) AS not_ok,
                       PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY f.latency_ms) AS p50,
                       PERCENTILE_CONT(0.95) WITHIN GROUP (ORDER BY f.latency_ms) AS p95,
                       MAX(f.latency_ms) AS max_ms
                FROM function_calls f
                WHERE\s""" + scope.on("f.company_id") + " AND f.created_at >= :since"
                        + " GROUP BY f.function_name ORDER BY f.function_name", scope, Map.of("since", utc(since)),
                (rs, row) -> new FunctionLatency(rs.getString("function_name"), rs.getLong("calls"),
                        rs.getLong("not_ok"), rs.getDouble("p50"), rs.getDouble("p95"), rs.getInt("max_ms")));
    }

    // ---- plumbing

    private <T> List<T> query(String sql, Scope scope, Map<String, ?> params, RowMapper<T> mapper) {
        var statement = jdbc.sql(sql).params(params);
        if (!scope.all()) {
            statement = statement.param("scopeCompany", scope.companyId());
        }
        return statement.query(mapper).list();
    }

    private int update(String sql, Scope scope, Map<String, ?> params) {
        var statement = jdbc.sql(sql).params(params);
        if (!scope.all()) {
            statement = statement.param("scopeCompany", scope.companyId());
        }
        return statement.update();
    }

    private long count(String sql, Conditions where) {
        var statement = jdbc.sql(sql).params(where.params);
        return statement.query(Long.class).single();
    }

    /** A WHERE clause that always starts with the scope's company condition. */
    private static final class Conditions {

        private final List<String> conditions = new ArrayList<>();
        private final Map<String, Object> params = new HashMap<>();

        Conditions(Scope scope, String companyColumn) {
            conditions.add(scope.on(companyColumn));
            if (!scope.all()) {
                params.put("scopeCompany", scope.companyId());
            }
        }

        void add(String condition) {
            conditions.add(condition);
        }

        void add(boolean when, String condition, String name, @Nullable Object value) {
            if (when) {
                conditions.add(condition);
                params.put(name, value instanceof Instant instant ? utc(instant) : value);
            }
        }

        String sql() {
            return " WHERE " + String.join(" AND ", conditions);
        }

        Map<String, Object> paged(int page, int size) {
            Map<String, Object> paged = new HashMap<>(params);
            paged.put("limit", size);
            paged.put("offset", (long) page * size);
            paged.remove("scopeCompany");
            return paged;
        }
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Instant required(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static CallRow call(ResultSet rs, int row) throws SQLException {
        return new CallRow(rs.getLong("id"), rs.getString("retell_call_id"), rs.getLong("company_id"),
                rs.getString("company_name"), rs.getString("from_number"), rs.getString("to_number"),
                rs.getString("customer_name"), rs.getObject("customer_id", Long.class), rs.getString("status"),
                instant(rs, "started_at"), instant(rs, "ended_at"), rs.getString("disconnection_reason"),
                rs.getString("summary"), rs.getString("user_sentiment"), rs.getObject("call_successful", Boolean.class),
                rs.getInt("function_calls"), rs.getString("last_function"), rs.getString("last_outcome"),
                required(rs, "created_at"));
    }

    private static AppointmentRow appointment(ResultSet rs, int row) throws SQLException {
        return new AppointmentRow(rs.getLong("id"), rs.getLong("company_id"), rs.getString("company_name"),
                rs.getString("service_name"), rs.getString("staff_name"), rs.getObject("customer_id", Long.class),
                rs.getString("customer_name"), rs.getString("customer_phone"), rs.getObject("call_id", Long.class),
                required(rs, "starts_at"), required(rs, "ends_at"), rs.getString("status"), rs.getString("source"),
                rs.getInt("reschedule_count"), rs.getString("cancellation_reason"), rs.getString("calcom_booking_uid"),
                required(rs, "created_at"), rs.getString("attention"));
    }

    private static CallbackRow callback(ResultSet rs, int row) throws SQLException {
        return new CallbackRow(rs.getLong("id"), rs.getLong("company_id"), rs.getString("company_name"),
                rs.getObject("call_id", Long.class), rs.getObject("customer_id", Long.class),
                rs.getString("customer_name"), rs.getString("phone"), rs.getString("reason"),
                rs.getString("preferred_time"), rs.getString("status"), required(rs, "created_at"),
                instant(rs, "done_at"), rs.getString("done_by"), rs.getString("done_note"));
    }

    private static CustomerRow customer(ResultSet rs, int row) throws SQLException {
        return new CustomerRow(rs.getLong("id"), rs.getLong("company_id"), rs.getString("company_name"),
                rs.getString("name"), rs.getString("phone"), rs.getString("email"), rs.getInt("calls"),
                rs.getInt("appointments"), instant(rs, "last_call_at"), required(rs, "created_at"));
    }
}
