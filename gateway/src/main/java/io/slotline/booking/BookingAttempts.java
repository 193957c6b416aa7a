package io.slotline.booking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.slotline.booking.BookingAttempt.State;

/**
 * Booking requests on their way to Cal.com. Each state change is one conditional UPDATE on the row, so the
 * instance that got Cal.com's answer, a retry on another instance and the reconciler can race without recording
 * an outcome twice or attaching a promise to an attempt that is already settled.
 */
@Repository
class BookingAttempts {

    private static final String COLUMNS = """
            idempotency_key, company_id, branch_id, call_id, retell_call_id, service_id, staff_id, starts_at,
            customer_name, phone, email, notes, reservation_uid, state, appointment_id, callback_request_id,
            created_at, updated_at""";

    private final JdbcClient jdbc;
    private final Clock clock;

    BookingAttempts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Records that a create request for this key is about to leave (a settled 'not_booked' attempt becomes pending
     * again: Cal.com had nothing under the key, so sending once more is safe).
     *
     * @return the attempt as it was before, when one existed: pending means an earlier send may have reached Cal.com
     */
    Optional<BookingAttempt> begin(BookingService.BookingRequest request, String key) {
        if (insertPending(request, key, null)) {
            return Optional.empty();
        }
        Optional<BookingAttempt> earlier = find(key);
        jdbc.sql("UPDATE booking_attempts SET state = 'pending', updated_at = :now "
                        + "WHERE idempotency_key = :key AND state = 'not_booked'")
                .param("now", now())
                .param("key", key)
                .update();
        return earlier;
    }

    /**
     * Ties the caller's "will be confirmed" callback to the attempt, creating the pending row if the booking has not
     * got that far yet (the reconciler then settles it).
     *
     * @return false when the attempt is already settled (booked or not): the caller should hear that outcome
     */
    boolean promise(BookingService.BookingRequest request, String key, long callbackRequestId) {
        if (insertPending(request, key, callbackRequestId)) {
            return true;
        }
        return jdbc.sql("UPDATE booking_attempts SET callback_request_id = :callback "
                        + "WHERE idempotency_key = :key AND state = 'pending'")
                .param("callback", callbackRequestId)
                .param("key", key)
                .update() == 1;
    }

    /** @return the attempt after the change, when this call settled it (empty: settled before, or unknown) */
    Optional<BookingAttempt> settleBooked(String key, long appointmentId) {
        int changed = jdbc.sql("UPDATE booking_attempts SET state = 'booked', appointment_id = :appointment, "
                        + "updated_at = :now WHERE idempotency_key = :key AND state <> 'booked'")
                .param("appointment", appointmentId)
                .param("now", now())
                .param("key", key)
                .update();
        return changed == 1 ? find(key) : Optional.empty();
    }

    /** @return the attempt after the change, when this call settled it */
    Optional<BookingAttempt> settleNotBooked(String key) {
        int changed = jdbc.sql("UPDATE booking_attempts SET state = 'not_booked', updated_at = :now "
                        + "WHERE idempotency_key = :key AND state = 'pending'")
                .param("now", now())
                .param("key", key)
                .update();
        return changed == 1 ? find(key) : Optional.empty();
    }

    Optional<BookingAttempt> find(String key) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM booking_attempts WHERE idempotency_key = :key")
                .param("key", key)
                .query(BookingAttempts::map)
                .optional();
    }

    /** Pending attempts last changed before {@code cutoff}, oldest first. */
    List<BookingAttempt> pendingSince(Instant cutoff, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM booking_attempts WHERE state = 'pending' "
                        + "AND updated_at < :cutoff ORDER BY updated_at LIMIT :limit")
                .param("cutoff", OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC))
                .param("limit", limit)
                .query(BookingAttempts::map)
                .list();
    }

    private boolean insertPending(BookingService.BookingRequest request, String key, @Nullable Long callbackRequestId) {
        try {
            return jdbc.sql("""
                    INSERT INTO booking_attempts (idempotency_key, company_id, branch_id, call_id, retell_call_id,
                        service_id, staff_id, starts_at, customer_name, phone, email, notes, reservation_uid, state,
                        callback_request_id, created_at, updated_at)
                    VALUES (:key, :companyId, :branchId, :callId, :retellCallId, :serviceId, :staffId, :start, :name,
                        :phone, :email, :notes, :reservation, 'pending', :callback, :now, :now)
                    ON CONFLICT DO NOTHING""")
                    .param("key", key)
                    .param("companyId", request.company().id())
                    .param("branchId", request.branchId())
                    .param("callId", request.callId())
                    .param("retellCallId", request.retellCallId())
                    .param("serviceId", request.service().id())
                    .param("staffId", request.staff() == null ? null : request.staff().id(), Types.BIGINT)
                    .param("start", OffsetDateTime.ofInstant(request.start(), ZoneOffset.UTC))
                    .param("name", request.customerName())
                    .param("phone", request.phone(), Types.VARCHAR)
                    .param("email", request.email(), Types.VARCHAR)
                    .param("notes", request.notes(), Types.VARCHAR)
                    .param("reservation", request.reservationUid(), Types.VARCHAR)
                    .param("callback", callbackRequestId, Types.BIGINT)
                    .param("now", now())
                    .update() == 1;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static BookingAttempt map(ResultSet rs, int row) throws SQLException {
        return new BookingAttempt(
                rs.getString("idempotency_key"),
                rs.getLong("company_id"),
                rs.getLong("branch_id"),
                rs.getLong("call_id"),
                rs.getString("retell_call_id"),
                rs.getLong("service_id"),
                rs.getObject("staff_id", Long.class),
                rs.getObject("starts_at", OffsetDateTime.class).toInstant(),
                rs.getString("customer_name"),
                rs.getString("phone"),
                rs.getString("email"),
                rs.getString("notes"),
                rs.getString("reservation_uid"),
                State.valueOf(rs.getString("state").toUpperCase(Locale.ROOT)),
                rs.getObject("appointment_id", Long.class),
                rs.getObject("callback_request_id", Long.class),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
