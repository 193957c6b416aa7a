package io.slotline.console;

import static io.slotline.database.Timestamps.required;
import static io.slotline.database.Timestamps.utc;

import io.slotline.console.ConsoleViews.AppointmentRow;
import io.slotline.console.ConsoleViews.CallRow;
import io.slotline.console.ConsoleViews.CallbackRow;
import io.slotline.console.ConsoleViews.CompanyRef;
import io.slotline.console.ConsoleViews.CustomerRow;
import io.slotline.console.ConsoleViews.FunctionRow;
import io.slotline.console.ConsoleViews.PageOf;
import java.time.Instant;
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

/**
 * The console's reads. Every query takes a {@link Scope} and puts its company condition in the WHERE clause, so a
 * company account's pages, filters, exports and actions never reach another company's rows.
 */
@Repository
class ConsoleQueries {

    /** Function outcomes that mean Cal.com could not give an answer (or we failed): the "Cal.com trouble". */
    static final Set<String> CALCOM_TROUBLE = Set.of(
            "calcom_unavailable",
            "calcom_error",
            "calcom_refused",
            "calcom_unauthorized",
            "calcom_not_configured",
            "internal_error");

    static final String TROUBLE_SQL = "('calcom_unavailable', 'calcom_error', 'calcom_refused', "
            + "'calcom_unauthorized', 'calcom_not_configured', 'internal_error')";
    /** Functions whose success means the caller got what they called for. */
    static final String ACHIEVED_SQL =
            "('book_appointment', 'cancel_appointment', 'reschedule_appointment', " + "'request_callback')";

    /** The filters of the calls list; null fields do not filter. */
    record CallFilter(
            @Nullable Instant from,
            @Nullable Instant to,
            @Nullable String status,
            @Nullable CallOutcome outcome,
            @Nullable String caller) {}

    private final JdbcClient jdbc;

    ConsoleQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- companies

    List<CompanyRef> companies(Scope scope) {
        return query(
                "SELECT id, slug, name FROM companies co WHERE " + scope.on("co.id") + " ORDER BY name",
                scope,
                Map.of(),
                (rs, row) -> new CompanyRef(rs.getLong("id"), rs.getString("slug"), rs.getString("name")));
    }

    // ---- calls

    List<CallRow> liveCalls(Scope scope, Instant since) {
        return query(
                ConsoleRows.CALL_SELECT + " WHERE " + scope.on("c.company_id")
                        + " AND c.status = 'ongoing' AND c.created_at >= :since"
                        + " ORDER BY COALESCE(c.started_at, c.created_at) DESC, c.id DESC",
                scope,
                Map.of("since", utc(since)),
                ConsoleRows::call);
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
            where.add(
                    true,
                    "(c.from_number LIKE :caller OR LOWER(cu.name) LIKE :caller)",
                    "caller",
                    "%" + filter.caller().toLowerCase(Locale.ROOT) + "%");
        }
        String order = " ORDER BY COALESCE(c.started_at, c.created_at) DESC, c.id DESC";
        return page(
                "SELECT COUNT(*) FROM calls c LEFT JOIN customers cu ON cu.company_id = c.company_id "
                        + "AND cu.id = c.customer_id" + where.sql(),
                ConsoleRows.CALL_SELECT + where.sql() + order,
                scope,
                where,
                page,
                size,
                ConsoleRows::call);
    }

    Optional<CallRow> call(Scope scope, long id) {
        return first(
                ConsoleRows.CALL_SELECT + " WHERE " + scope.on("c.company_id") + " AND c.id = :id",
                scope,
                Map.of("id", id),
                ConsoleRows::call);
    }

    List<FunctionRow> functionCalls(long companyId, String retellCallId) {
        return jdbc.sql(ConsoleRows.FUNCTION_SELECT
                        + " WHERE company_id = :companyId AND retell_call_id = :retellCallId ORDER BY created_at, id")
                .param("companyId", companyId)
                .param("retellCallId", retellCallId)
                .query(ConsoleRows::function)
                .list();
    }

    List<CallRow> failedCalls(Scope scope, Instant from, Instant to, int limit) {
        return query(
                ConsoleRows.CALL_SELECT + " WHERE " + scope.on("c.company_id")
                        + " AND COALESCE(c.started_at, c.created_at) >= :from AND COALESCE(c.started_at, c.created_at) < :to"
                        + " AND " + CallOutcome.FAILED.condition
                        + " ORDER BY COALESCE(c.started_at, c.created_at) DESC, c.id DESC LIMIT :limit",
                scope,
                Map.of("from", utc(from), "to", utc(to), "limit", limit),
                ConsoleRows::call);
    }

    long callsBetween(Scope scope, Instant from, Instant to) {
        Conditions where = new Conditions(scope, "c.company_id");
        where.add(true, "COALESCE(c.started_at, c.created_at) >= :from", "from", from);
        where.add(true, "COALESCE(c.started_at, c.created_at) < :to", "to", to);
        return count("SELECT COUNT(*) FROM calls c" + where.sql(), where);
    }

    // ---- appointments

    List<AppointmentRow> phoneBookings(Scope scope, Instant from, Instant to) {
        return query(
                ConsoleRows.APPOINTMENT_COLUMNS + ConsoleRows.APPOINTMENT_FROM + " WHERE " + scope.on("a.company_id")
                        + " AND a.source = 'phone' AND a.created_at >= :from AND a.created_at < :to"
                        + " ORDER BY a.created_at DESC, a.id DESC",
                scope,
                Map.of("from", utc(from), "to", utc(to)),
                ConsoleRows::appointment);
    }

    /**
     * @param upcoming true: from {@code now} on, soonest first; false: before now, latest first
     * @param source   phone, calcom (made on the web), admin; null: all
     */
    PageOf<AppointmentRow> appointments(
            Scope scope,
            boolean upcoming,
            Instant now,
            @Nullable String source,
            @Nullable String status,
            @Nullable Long customerId,
            int page,
            int size) {
        Conditions where = new Conditions(scope, "a.company_id");
        where.add(true, upcoming ? "a.starts_at >= :now" : "a.starts_at < :now", "now", now);
        where.add(source != null, "a.source = :source", "source", source);
        where.add(status != null, "a.status = :status", "status", status);
        where.add(customerId != null, "a.customer_id = :customerId", "customerId", customerId);
        String order = upcoming ? " ORDER BY a.starts_at, a.id" : " ORDER BY a.starts_at DESC, a.id DESC";
        return page(
                "SELECT COUNT(*)" + ConsoleRows.APPOINTMENT_FROM + where.sql(),
                ConsoleRows.APPOINTMENT_COLUMNS + ConsoleRows.APPOINTMENT_FROM + where.sql() + order,
                scope,
                where,
                page,
                size,
                ConsoleRows::appointment);
    }

    List<AppointmentRow> appointmentsOfCall(Scope scope, long callId) {
        return query(
                ConsoleRows.APPOINTMENT_COLUMNS + ConsoleRows.APPOINTMENT_FROM + " WHERE " + scope.on("a.company_id")
                        + " AND a.call_id = :callId ORDER BY a.created_at, a.id",
                scope,
                Map.of("callId", callId),
                ConsoleRows::appointment);
    }

    // ---- callbacks

    List<CallbackRow> openCallbacks(Scope scope, int limit) {
        return query(
                ConsoleRows.CALLBACK_SELECT + " WHERE " + scope.on("cb.company_id")
                        + " AND cb.status = 'open' ORDER BY cb.created_at, cb.id LIMIT :limit",
                scope,
                Map.of("limit", limit),
                ConsoleRows::callback);
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
        String order = "open".equals(status)
                ? " ORDER BY cb.created_at, cb.id"
                : " ORDER BY COALESCE(cb.done_at, cb.created_at) DESC, cb.id DESC";
        return page(
                "SELECT COUNT(*) FROM callback_requests cb" + where.sql(),
                ConsoleRows.CALLBACK_SELECT + where.sql() + order,
                scope,
                where,
                page,
                size,
                ConsoleRows::callback);
    }

    List<CallbackRow> callbacksOf(Scope scope, String column, long id) {
        return query(
                ConsoleRows.CALLBACK_SELECT + " WHERE " + scope.on("cb.company_id") + " AND cb." + column + " = :id"
                        + " ORDER BY cb.created_at DESC, cb.id DESC",
                scope,
                Map.of("id", id),
                ConsoleRows::callback);
    }

    Optional<CallbackRow> callback(Scope scope, long id) {
        return first(
                ConsoleRows.CALLBACK_SELECT + " WHERE " + scope.on("cb.company_id") + " AND cb.id = :id",
                scope,
                Map.of("id", id),
                ConsoleRows::callback);
    }

    /** @return false when it was done already (the first note stays) */
    boolean markCallbackDone(Scope scope, long id, String by, @Nullable String note, Instant now) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", id);
        params.put("by", by);
        params.put("note", note);
        params.put("now", utc(now));
        return update(
                        "UPDATE callback_requests cb SET status = 'done', done_at = :now, done_by = :by, "
                                + "done_note = :note WHERE " + scope.on("cb.company_id")
                                + " AND cb.id = :id AND cb.status = 'open'",
                        scope,
                        params)
                == 1;
    }

    // ---- customers

    PageOf<CustomerRow> customers(Scope scope, @Nullable String search, int page, int size) {
        Conditions where = new Conditions(scope, "cu.company_id");
        if (search != null) {
            where.add(
                    true,
                    "(cu.phone LIKE :search OR LOWER(cu.name) LIKE :search OR LOWER(cu.email) LIKE :search)",
                    "search",
                    "%" + search.toLowerCase(Locale.ROOT) + "%");
        }
        return page(
                "SELECT COUNT(*) FROM customers cu" + where.sql(),
                ConsoleRows.CUSTOMER_SELECT + where.sql() + " ORDER BY cu.updated_at DESC, cu.id DESC",
                scope,
                where,
                page,
                size,
                ConsoleRows::customer);
    }

    Optional<CustomerRow> customer(Scope scope, long id) {
        return first(
                ConsoleRows.CUSTOMER_SELECT + " WHERE " + scope.on("cu.company_id") + " AND cu.id = :id",
                scope,
                Map.of("id", id),
                ConsoleRows::customer);
    }

    List<CallRow> callsOfCustomer(Scope scope, long customerId, int limit) {
        return query(
                ConsoleRows.CALL_SELECT + " WHERE " + scope.on("c.company_id") + " AND c.customer_id = :customerId"
                        + " ORDER BY COALESCE(c.started_at, c.created_at) DESC, c.id DESC LIMIT :limit",
                scope,
                Map.of("customerId", customerId, "limit", limit),
                ConsoleRows::call);
    }

    // ---- Cal.com trouble

    record TroubleCount(long companyId, String companyName, String companySlug, int failures, Instant lastAt) {}

    List<TroubleCount> calcomTrouble(Scope scope, Instant from, Instant to) {
        return query(
                """
                SELECT f.company_id, co.name AS company_name, co.slug AS company_slug, COUNT(*) AS failures,
                       MAX(f.created_at) AS last_at
                FROM function_calls f JOIN companies co ON co.id = f.company_id
                WHERE\s""" + scope.on("f.company_id") + " AND f.outcome IN " + TROUBLE_SQL
                        + " AND f.created_at >= :from AND f.created_at < :to"
                        + " GROUP BY f.company_id, co.name, co.slug ORDER BY failures DESC",
                scope,
                Map.of("from", utc(from), "to", utc(to)),
                (rs, row) -> new TroubleCount(
                        rs.getLong("company_id"),
                        rs.getString("company_name"),
                        rs.getString("company_slug"),
                        rs.getInt("failures"),
                        required(rs, "last_at")));
    }

    /** The latest troubled answers, newest first, with the call they belong to. */
    record TroubleEntry(
            long companyId,
            String companyName,
            @Nullable Long callId,
            String functionName,
            String outcome,
            @Nullable String message,
            int latencyMs,
            Instant at) {}

    List<TroubleEntry> calcomTroubleEntries(Scope scope, Instant from, Instant to, int limit) {
        return query(
                """
                SELECT f.company_id, co.name AS company_name, c.id AS call_id, f.function_name, f.outcome, f.message,
                       f.latency_ms, f.created_at
                FROM function_calls f JOIN companies co ON co.id = f.company_id
                LEFT JOIN calls c ON c.company_id = f.company_id AND c.retell_call_id = f.retell_call_id
                WHERE\s""" + scope.on("f.company_id") + " AND f.outcome IN " + TROUBLE_SQL
                        + " AND f.created_at >= :from AND f.created_at < :to"
                        + " ORDER BY f.created_at DESC, f.id DESC LIMIT :limit",
                scope,
                Map.of("from", utc(from), "to", utc(to), "limit", limit),
                (rs, row) -> new TroubleEntry(
                        rs.getLong("company_id"),
                        rs.getString("company_name"),
                        rs.getObject("call_id", Long.class),
                        rs.getString("function_name"),
                        rs.getString("outcome"),
                        rs.getString("message"),
                        rs.getInt("latency_ms"),
                        required(rs, "created_at")));
    }

    // ---- latency per function (System)

    record FunctionLatency(String functionName, long calls, long notOk, double p50, double p95, int maxMs) {}

    List<FunctionLatency> functionLatencies(Scope scope, Instant since) {
        return query(
                """
                SELECT f.function_name, COUNT(*) AS calls, SUM(CASE WHEN f.ok THEN 0 ELSE 1 END) AS not_ok,
                       PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY f.latency_ms) AS p50,
                       PERCENTILE_CONT(0.95) WITHIN GROUP (ORDER BY f.latency_ms) AS p95,
                       MAX(f.latency_ms) AS max_ms
                FROM function_calls f
                WHERE\s""" + scope.on("f.company_id") + " AND f.created_at >= :since"
                        + " GROUP BY f.function_name ORDER BY f.function_name",
                scope,
                Map.of("since", utc(since)),
                (rs, row) -> new FunctionLatency(
                        rs.getString("function_name"),
                        rs.getLong("calls"),
                        rs.getLong("not_ok"),
                        rs.getDouble("p50"),
                        rs.getDouble("p95"),
                        rs.getInt("max_ms")));
    }

    // ---- plumbing

    private <T> List<T> query(String sql, Scope scope, Map<String, ?> params, RowMapper<T> mapper) {
        return scoped(sql, scope, params).query(mapper).list();
    }

    private <T> Optional<T> first(String sql, Scope scope, Map<String, ?> params, RowMapper<T> mapper) {
        return query(sql, scope, params, mapper).stream().findFirst();
    }

    /** One page of what {@code selectSql} selects (ordered), with how many rows {@code countSql} counts in all. */
    private <T> PageOf<T> page(
            String countSql, String selectSql, Scope scope, Conditions where, int page, int size, RowMapper<T> mapper) {
        long total = count(countSql, where);
        List<T> items = query(selectSql + " LIMIT :limit OFFSET :offset", scope, where.paged(page, size), mapper);
        return new PageOf<>(items, page, size, total);
    }

    private int update(String sql, Scope scope, Map<String, ?> params) {
        return scoped(sql, scope, params).update();
    }

    private long count(String sql, Conditions where) {
        return jdbc.sql(sql).params(where.params()).query(Long.class).single();
    }

    /** The statement with the scope's company bound (a company account's {@code :scopeCompany}). */
    private JdbcClient.StatementSpec scoped(String sql, Scope scope, Map<String, ?> params) {
        var statement = jdbc.sql(sql).params(params);
        return scope.all() ? statement : statement.param("scopeCompany", scope.companyId());
    }
}
