package io.slotline.booking;

import io.slotline.booking.BookingAttempt.State;
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
            created_at, updated_at, compensating, replaces_appointment_id""";

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
                        .update()
                == 1;
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

    // ---- the steps of a service in steps

    /** One step of an attempt: its plan (stylist, time) and what became of its booking. */
    record StepRow(
            String key,
            int step,
            long staffId,
            String host,
            Instant start,
            Instant end,
            StepState state,
            @Nullable String bookingUid) {

        /** The request id the step travels to Cal.com under (metadata slotlineRequestId). */
        String requestId() {
            return stepRequestId(key, step);
        }
    }

    enum StepState {
        PLANNED,
        PENDING,
        BOOKED,
        NOT_BOOKED,
        CANCELLED
    }

    static String stepRequestId(String key, int step) {
        return key + "#" + step;
    }

    /**
     * Writes the plan of every step before any of them is sent; a plan written by an earlier attempt of the same
     * request is kept (a retry books what the first attempt planned, never a second plan).
     */
    void planSteps(String key, List<BookingService.StepBooking> steps) {
        for (BookingService.StepBooking step : steps) {
            try {
                jdbc.sql("""
                        INSERT INTO booking_attempt_steps (idempotency_key, step, staff_id, host, starts_at, ends_at,
                            state, updated_at)
                        VALUES (:key, :step, :staffId, :host, :start, :end, 'planned', :now)
                        ON CONFLICT DO NOTHING""")
                        .param("key", key)
                        .param("step", step.step())
                        .param("staffId", step.staff().id())
                        .param("host", step.host())
                        .param("start", OffsetDateTime.ofInstant(step.start(), ZoneOffset.UTC))
                        .param("end", OffsetDateTime.ofInstant(step.end(), ZoneOffset.UTC))
                        .param("now", now())
                        .update();
            } catch (DuplicateKeyException alreadyPlanned) {
                // planned by an earlier attempt
            }
        }
    }

    List<StepRow> steps(String key) {
        return jdbc.sql("SELECT idempotency_key, step, staff_id, host, starts_at, ends_at, state, booking_uid "
                        + "FROM booking_attempt_steps WHERE idempotency_key = :key ORDER BY step")
                .param("key", key)
                .query((rs, row) -> new StepRow(
                        rs.getString("idempotency_key"),
                        rs.getInt("step"),
                        rs.getLong("staff_id"),
                        rs.getString("host"),
                        rs.getObject("starts_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("ends_at", OffsetDateTime.class).toInstant(),
                        StepState.valueOf(rs.getString("state").toUpperCase(Locale.ROOT)),
                        rs.getString("booking_uid")))
                .list();
    }

    /**
     * Forgets the steps of an attempt that was settled as not booked (every step refused, cancelled or never sent),
     * so that a new attempt of the same request plans and books afresh.
     */
    void restartSteps(String key) {
        jdbc.sql("DELETE FROM booking_attempt_steps WHERE idempotency_key = :key "
                        + "AND state IN ('planned', 'not_booked', 'cancelled')")
                .param("key", key)
                .update();
        jdbc.sql("UPDATE booking_attempts SET compensating = FALSE WHERE idempotency_key = :key")
                .param("key", key)
                .update();
    }

    /** The step's create request is about to leave (planned, or refused before: nothing under its id). */
    void stepSending(String key, int step) {
        stepTransition(key, step, "pending", null, "('planned', 'not_booked')");
        // the attempt is alive: the reconciler gives up on it only this long after its last step was sent
        jdbc.sql("UPDATE booking_attempts SET updated_at = :now WHERE idempotency_key = :key AND state = 'pending'")
                .param("now", now())
                .param("key", key)
                .update();
    }

    /** Whether whoever settles the attempt must cancel its steps (see {@link #markCompensating}). */
    boolean compensating(String key) {
        return find(key).map(BookingAttempt::compensating).orElse(false);
    }

    /** @return false when the step was settled already (by another attempt or the reconciler) */
    boolean stepBooked(String key, int step, String bookingUid) {
        return stepTransition(key, step, "booked", bookingUid, "('planned', 'pending', 'not_booked')");
    }

    boolean stepNotBooked(String key, int step) {
        return stepTransition(key, step, "not_booked", null, "('pending')");
    }

    /** Compensation: the step's booking was cancelled again in Cal.com (or never made). */
    boolean stepCancelled(String key, int step) {
        return stepTransition(key, step, "cancelled", null, "('planned', 'pending', 'booked', 'not_booked')");
    }

    private boolean stepTransition(String key, int step, String to, @Nullable String bookingUid, String from) {
        return jdbc.sql("UPDATE booking_attempt_steps SET state = :to, booking_uid = COALESCE(:uid, booking_uid), "
                                + "updated_at = :now WHERE idempotency_key = :key AND step = :step AND state IN "
                                + from)
                        .param("to", to)
                        .param("uid", bookingUid, Types.VARCHAR)
                        .param("now", now())
                        .param("key", key)
                        .param("step", step)
                        .update()
                == 1;
    }

    /**
     * Records, before the first compensating cancel leaves, that the attempt books nothing: whoever picks it up
     * (a retry, the reconciler after a crash) cancels what Cal.com holds of it instead of booking on.
     */
    void markCompensating(String key) {
        jdbc.sql("UPDATE booking_attempts SET compensating = TRUE, updated_at = :now WHERE idempotency_key = :key")
                .param("now", now())
                .param("key", key)
                .update();
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
                        callback_request_id, created_at, updated_at, replaces_appointment_id)
                    VALUES (:key, :companyId, :branchId, :callId, :retellCallId, :serviceId, :staffId, :start, :name,
                        :phone, :email, :notes, :reservation, 'pending', :callback, :now, :now, :replaces)
                    ON CONFLICT DO NOTHING""")
                            .param("key", key)
                            .param("companyId", request.company().id())
                            .param("branchId", request.branchId())
                            .param("callId", request.callId())
                            .param("retellCallId", request.retellCallId())
                            .param("serviceId", request.service().id())
                            .param(
                                    "staffId",
                                    request.staff() == null
                                            ? null
                                            : request.staff().id(),
                                    Types.BIGINT)
                            .param("start", OffsetDateTime.ofInstant(request.start(), ZoneOffset.UTC))
                            .param("name", request.customerName())
                            .param("phone", request.phone(), Types.VARCHAR)
                            .param("email", request.email(), Types.VARCHAR)
                            .param("notes", request.notes(), Types.VARCHAR)
                            .param("reservation", request.reservationUid(), Types.VARCHAR)
                            .param("callback", callbackRequestId, Types.BIGINT)
                            .param("replaces", request.replaces(), Types.BIGINT)
                            .param("now", now())
                            .update()
                    == 1;
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
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
                rs.getBoolean("compensating"),
                rs.getObject("replaces_appointment_id", Long.class));
    }
}
