package io.slotline.appointments;

import static io.slotline.database.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The Cal.com bookings of an appointment of a service in steps, one per step. The appointment row stands for all of
 * them (first step's start to last step's end, the first step's booking uid); these rows let a cancel or move act on
 * every step and let a Cal.com webhook about any one step find its appointment.
 */
@Repository
public class AppointmentSteps {

    /** One step's booking. */
    /**
     * @param ours the booking is cancelled (or being cancelled) by Slotline itself: a Cal.com webhook about its
     *             cancellation is our own echo
     */
    public record Step(
            long appointmentId,
            long companyId,
            int step,
            @Nullable Long staffId,
            Instant startsAt,
            Instant endsAt,
            String calcomBookingUid,
            boolean cancelled,
            boolean ours) {}

    /** A step's booking to record. */
    public record NewStep(
            int step, @Nullable Long staffId, Instant startsAt, Instant endsAt, String calcomBookingUid) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    AppointmentSteps(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records the steps of an appointment; steps already recorded (a repeated insert) are left as they are. */
    public void insertAll(long companyId, long appointmentId, List<NewStep> steps) {
        for (NewStep step : steps) {
            try {
                jdbc.sql("""
                        INSERT INTO appointment_steps (appointment_id, company_id, step, staff_id, starts_at, ends_at,
                            calcom_booking_uid, status)
                        VALUES (:appointmentId, :companyId, :step, :staffId, :startsAt, :endsAt, :uid, 'booked')
                        ON CONFLICT DO NOTHING""")
                        .param("appointmentId", appointmentId)
                        .param("companyId", companyId)
                        .param("step", step.step())
                        .param("staffId", step.staffId(), Types.BIGINT)
                        .param("startsAt", utc(step.startsAt()))
                        .param("endsAt", utc(step.endsAt()))
                        .param("uid", step.calcomBookingUid())
                        .update();
            } catch (DuplicateKeyException alreadyThere) {
                // a repeated insert of the same booking
            }
        }
    }

    /** The steps of an appointment, in order; empty for an appointment booked as one block. */
    public List<Step> of(long companyId, long appointmentId) {
        return jdbc.sql("SELECT appointment_id, company_id, step, staff_id, starts_at, ends_at, calcom_booking_uid, "
                        + "status FROM appointment_steps WHERE company_id = :companyId AND appointment_id = :id "
                        + "ORDER BY step")
                .param("companyId", companyId)
                .param("id", appointmentId)
                .query(AppointmentSteps::map)
                .list();
    }

    /** The step a Cal.com booking is, when it is one. */
    public Optional<Step> byBookingUid(long companyId, String bookingUid) {
        return jdbc.sql("SELECT appointment_id, company_id, step, staff_id, starts_at, ends_at, calcom_booking_uid, "
                        + "status FROM appointment_steps WHERE company_id = :companyId AND calcom_booking_uid = :uid")
                .param("companyId", companyId)
                .param("uid", bookingUid)
                .query(AppointmentSteps::map)
                .optional();
    }

    /**
     * Notes that Slotline is about to cancel the appointment's steps (before the first request leaves), so that
     * Cal.com's webhooks about them are recognised as our own.
     */
    public void markCancelling(long companyId, long appointmentId) {
        jdbc.sql("UPDATE appointment_steps SET status = 'cancelling' WHERE company_id = :companyId "
                        + "AND appointment_id = :id AND status = 'booked'")
                .param("companyId", companyId)
                .param("id", appointmentId)
                .update();
    }

    /** A cancel of ours did not go through: the steps not cancelled are booked after all. */
    public void cancellingFailed(long companyId, long appointmentId) {
        jdbc.sql("UPDATE appointment_steps SET status = 'booked' WHERE company_id = :companyId "
                        + "AND appointment_id = :id AND status = 'cancelling'")
                .param("companyId", companyId)
                .param("id", appointmentId)
                .update();
    }

    /** @return false when the step was cancelled already */
    public boolean markCancelled(long companyId, long appointmentId, int step) {
        return jdbc.sql("UPDATE appointment_steps SET status = 'cancelled' WHERE company_id = :companyId "
                                + "AND appointment_id = :id AND step = :step AND status IN ('booked', 'cancelling')")
                        .param("companyId", companyId)
                        .param("id", appointmentId)
                        .param("step", step)
                        .update()
                == 1;
    }

    /**
     * Marks the appointment as needing a person's attention (why, in words), unless it already does.
     *
     * @return false when it was marked already
     */
    public boolean markAttention(long companyId, long appointmentId, String why) {
        return jdbc.sql("UPDATE appointments SET attention = :why, updated_at = :now WHERE company_id = :companyId "
                                + "AND id = :id AND attention IS NULL")
                        .param("why", why.length() > 500 ? why.substring(0, 500) : why)
                        .param("now", utc(clock.instant()))
                        .param("companyId", companyId)
                        .param("id", appointmentId)
                        .update()
                == 1;
    }

    /** Why the appointment needs attention, if it does. */
    public Optional<String> attention(long companyId, long appointmentId) {
        return jdbc.sql("SELECT attention FROM appointments WHERE company_id = :companyId AND id = :id")
                .param("companyId", companyId)
                .param("id", appointmentId)
                .query((rs, row) -> Optional.ofNullable(rs.getString("attention")))
                .optional()
                .flatMap(found -> found);
    }

    private static Step map(ResultSet rs, int row) throws SQLException {
        return new Step(
                rs.getLong("appointment_id"),
                rs.getLong("company_id"),
                rs.getInt("step"),
                rs.getObject("staff_id", Long.class),
                rs.getObject("starts_at", OffsetDateTime.class).toInstant(),
                rs.getObject("ends_at", OffsetDateTime.class).toInstant(),
                rs.getString("calcom_booking_uid"),
                "cancelled".equals(rs.getString("status")),
                "cancelling".equals(rs.getString("status")));
    }
}
