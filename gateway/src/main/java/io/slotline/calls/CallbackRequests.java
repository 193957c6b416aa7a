package io.slotline.calls;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class CallbackRequests {

    private static final String COLUMNS = """
            id, company_id, branch_id, call_id, customer_id, customer_name, phone, reason, preferred_time, status,
            appointment_id, outcome, created_at""";

    private final JdbcClient jdbc;
    private final Clock clock;

    CallbackRequests(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public CallbackRequest create(NewCallbackRequest request) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO callback_requests (company_id, branch_id, call_id, customer_id, customer_name, phone,
                    reason, preferred_time, status, created_at)
                VALUES (:companyId, :branchId, :callId, :customerId, :customerName, :phone, :reason, :preferredTime,
                    'open', :now)""")
                .param("companyId", request.companyId())
                .param("branchId", request.branchId(), Types.BIGINT)
                .param("callId", request.callId(), Types.BIGINT)
                .param("customerId", request.customerId(), Types.BIGINT)
                .param("customerName", request.customerName().trim())
                .param("phone", request.phone(), Types.VARCHAR)
                .param("reason", request.reason().trim())
                .param("preferredTime", request.preferredTime(), Types.VARCHAR)
                .param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .update(keys, "id");
        long id = Objects.requireNonNull(keys.getKey(), "no generated id").longValue();
        return findById(request.companyId(), id).orElseThrow();
    }

    public Optional<CallbackRequest> findById(long companyId, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM callback_requests WHERE company_id = :companyId AND id = :id")
                .param("companyId", companyId)
                .param("id", id)
                .query(CallbackRequests::map)
                .optional();
    }

    /** Oldest first: the order a person works through them. */
    public List<CallbackRequest> open(long companyId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM callback_requests WHERE company_id = :companyId "
                        + "AND status = 'open' ORDER BY created_at, id")
                .param("companyId", companyId)
                .query(CallbackRequests::map)
                .list();
    }

    public boolean markDone(long companyId, long id) {
        return jdbc.sql("UPDATE callback_requests SET status = 'done' WHERE company_id = :companyId AND id = :id "
                                + "AND status = 'open'")
                        .param("companyId", companyId)
                        .param("id", id)
                        .update()
                == 1;
    }

    /**
     * Notes what became of the request behind the callback (e.g. the booking Cal.com confirmed after the caller
     * was told it would be confirmed); the request stays open for the person who calls back.
     */
    public boolean noteOutcome(long companyId, long id, @Nullable Long appointmentId, String outcome) {
        String text = outcome.strip();
        return jdbc.sql("UPDATE callback_requests SET outcome = :outcome, appointment_id = :appointmentId "
                                + "WHERE company_id = :companyId AND id = :id")
                        .param("outcome", text.length() > 500 ? text.substring(0, 500) : text)
                        .param("appointmentId", appointmentId, Types.BIGINT)
                        .param("companyId", companyId)
                        .param("id", id)
                        .update()
                == 1;
    }

    private static CallbackRequest map(ResultSet rs, int row) throws SQLException {
        return new CallbackRequest(
                rs.getLong("id"),
                rs.getLong("company_id"),
                rs.getObject("branch_id", Long.class),
                rs.getObject("call_id", Long.class),
                rs.getObject("customer_id", Long.class),
                rs.getString("customer_name"),
                rs.getString("phone"),
                rs.getString("reason"),
                rs.getString("preferred_time"),
                CallbackRequest.Status.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
                rs.getObject("appointment_id", Long.class),
                rs.getString("outcome"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
