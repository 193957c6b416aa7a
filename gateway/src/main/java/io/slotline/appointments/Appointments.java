package io.slotline.appointments;

import static io.slotline.database.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appointments per company. The unique idempotency key and booking uid, not in-memory checks, make a repeated
 * insert return the first row.
 */
@Repository
public class Appointments {

    private static final String COLUMNS = """
            id, company_id, branch_id, service_id, staff_id, customer_id, call_id, starts_at, ends_at,
            calcom_booking_uid, status, source, idempotency_key, rescheduled_from_id, reschedule_count,
            cancellation_reason, notes, created_at, updated_at""";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate transactions;

    Appointments(JdbcClient jdbc, Clock clock, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.transactions = transactions;
    }

    /** The stored row, and whether this call created it (false: an earlier insert or webhook had). */
    public record Saved(Appointment appointment, boolean created) {}

    /**
     * Inserts, or returns the row already holding the idempotency key or booking uid. A row that a Cal.com
     * webhook stored first (same booking uid, no idempotency key) is adopted: it gains our key, call, customer,
     * service and staff.
     */
    public Saved insert(NewAppointment appointment) {
        return insert(appointment, null, 0);
    }

    /**
     * Moves an appointment in one transaction: the previous row becomes 'rescheduled', the replacement points back
     * to it and counts one more reschedule. Repeating with the same idempotency key returns the first replacement.
     *
     * @throws IllegalStateException when the previous appointment is unknown to this company or no longer upcoming
     */
    public Saved insertRescheduled(long companyId, long previousId, NewAppointment replacement) {
        if (replacement.companyId() != companyId) {
            throw new IllegalArgumentException("replacement belongs to another company");
        }
        Saved saved = transactions.execute(status -> {
            if (replacement.idempotencyKey() != null) {
                Optional<Appointment> done = findByIdempotencyKey(companyId, replacement.idempotencyKey());
                if (done.isPresent()) {
                    return new Saved(done.get(), false);
                }
            }
            Appointment previous = jdbc.sql("SELECT " + COLUMNS + " FROM appointments "
                            + "WHERE company_id = :companyId AND id = :id FOR UPDATE")
                    .param("companyId", companyId)
                    .param("id", previousId)
                    .query(Appointments::map)
                    .optional()
                    .orElseThrow(() -> new IllegalStateException("no appointment " + previousId));
            int moved = jdbc.sql("""
                    UPDATE appointments SET status = 'rescheduled', updated_at = :now
                    WHERE company_id = :companyId AND id = :id AND status IN ('booked', 'pending')""")
                    .param("now", utc(clock.instant()))
                    .param("companyId", companyId)
                    .param("id", previousId)
                    .update();
            if (moved != 1) {
                throw new IllegalStateException(
                        "appointment " + previousId + " is " + previous.status().dbValue() + ", not upcoming");
            }
            return insert(replacement, previous.id(), previous.rescheduleCount() + 1);
        });
        if (saved == null) {
            throw new IllegalStateException("reschedule returned nothing");
        }
        return saved;
    }

    public Optional<Appointment> findById(long companyId, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM appointments WHERE company_id = :companyId AND id = :id")
                .param("companyId", companyId)
                .param("id", id)
                .query(Appointments::map)
                .optional();
    }

    public Optional<Appointment> findByBookingUid(long companyId, String bookingUid) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM appointments WHERE company_id = :companyId "
                        + "AND calcom_booking_uid = :uid")
                .param("companyId", companyId)
                .param("uid", bookingUid)
                .query(Appointments::map)
                .optional();
    }

    public Optional<Appointment> findByIdempotencyKey(long companyId, String idempotencyKey) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM appointments WHERE company_id = :companyId "
                        + "AND idempotency_key = :key")
                .param("companyId", companyId)
                .param("key", idempotencyKey)
                .query(Appointments::map)
                .optional();
    }

    /** Booked or pending appointments starting at or after {@code from}, soonest first. */
    public List<Appointment> upcomingForCustomer(long companyId, long customerId, Instant from) {
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM appointments
                WHERE company_id = :companyId AND customer_id = :customerId AND status IN ('booked', 'pending')
                  AND starts_at >= :from
                ORDER BY starts_at, id""")
                .param("companyId", companyId)
                .param("customerId", customerId)
                .param("from", utc(from))
                .query(Appointments::map)
                .list();
    }

    /** All appointments starting in [from, to), any status, in start order. */
    public List<Appointment> between(long companyId, Instant from, Instant to) {
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM appointments
                WHERE company_id = :companyId AND starts_at >= :from AND starts_at < :to
                ORDER BY starts_at, id""")
                .param("companyId", companyId)
                .param("from", utc(from))
                .param("to", utc(to))
                .query(Appointments::map)
                .list();
    }

    /** @return false when unknown to this company or not upcoming any more (already cancelled, moved, ...) */
    public boolean markCancelled(long companyId, long id, @Nullable String reason) {
        return jdbc.sql("""
                UPDATE appointments SET status = 'cancelled', cancellation_reason = :reason, updated_at = :now
                WHERE company_id = :companyId AND id = :id AND status IN ('booked', 'pending')""")
                        .param("reason", reason == null ? null : truncate(reason, 1000), Types.VARCHAR)
                        .param("now", utc(clock.instant()))
                        .param("companyId", companyId)
                        .param("id", id)
                        .update()
                == 1;
    }

    /**
     * Services a customer booked, most often first (ties: most recent first). A move counts once, rejected
     * requests not at all; cancelled ones still say what the customer wants.
     */
    public List<ServiceBookingCount> countsByService(long companyId, long customerId) {
        return jdbc.sql("""
                SELECT service_id, COUNT(*) AS bookings, MAX(starts_at) AS last_starts_at
                FROM appointments
                WHERE company_id = :companyId AND customer_id = :customerId AND service_id IS NOT NULL
                  AND status NOT IN ('rescheduled', 'rejected')
                GROUP BY service_id
                ORDER BY bookings DESC, last_starts_at DESC, service_id""")
                .param("companyId", companyId)
                .param("customerId", customerId)
                .query((rs, row) -> new ServiceBookingCount(
                        rs.getLong("service_id"),
                        rs.getInt("bookings"),
                        rs.getObject("last_starts_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    private Saved insert(NewAppointment a, @Nullable Long rescheduledFromId, int rescheduleCount) {
        KeyHolder keys = new GeneratedKeyHolder();
        Map<String, Object> params = new HashMap<>();
        params.put("companyId", a.companyId());
        params.put("branchId", typed(Types.BIGINT, a.branchId()));
        params.put("serviceId", typed(Types.BIGINT, a.serviceId()));
        params.put("staffId", typed(Types.BIGINT, a.staffId()));
        params.put("customerId", typed(Types.BIGINT, a.customerId()));
        params.put("callId", typed(Types.BIGINT, a.callId()));
        params.put("startsAt", utc(a.startsAt()));
        params.put("endsAt", utc(a.endsAt()));
        params.put("uid", typed(Types.VARCHAR, a.calcomBookingUid()));
        params.put("status", a.status().dbValue());
        params.put("source", a.source().dbValue());
        params.put("key", typed(Types.VARCHAR, a.idempotencyKey()));
        params.put("fromId", typed(Types.BIGINT, rescheduledFromId));
        params.put("count", rescheduleCount);
        params.put("notes", typed(Types.VARCHAR, a.notes()));
        params.put("now", utc(clock.instant()));
        int inserted;
        try {
            inserted = jdbc.sql("""
                    INSERT INTO appointments (company_id, branch_id, service_id, staff_id, customer_id, call_id,
                        starts_at, ends_at, calcom_booking_uid, status, source, idempotency_key, rescheduled_from_id,
                        reschedule_count, notes, created_at, updated_at)
                    VALUES (:companyId, :branchId, :serviceId, :staffId, :customerId, :callId, :startsAt, :endsAt,
                        :uid, :status, :source, :key, :fromId, :count, :notes, :now, :now)
                    ON CONFLICT DO NOTHING""").params(params).update(keys, "id");
        } catch (DuplicateKeyException e) {
            inserted = 0;
        }
        if (inserted == 1 && keys.getKey() != null) {
            return new Saved(findById(a.companyId(), keys.getKey().longValue()).orElseThrow(), true);
        }
        if (a.idempotencyKey() != null) {
            Optional<Appointment> byKey = findByIdempotencyKey(a.companyId(), a.idempotencyKey());
            if (byKey.isPresent()) {
                return new Saved(byKey.get(), false);
            }
        }
        if (a.calcomBookingUid() != null) {
            Optional<Appointment> byUid = findByBookingUid(a.companyId(), a.calcomBookingUid());
            if (byUid.isPresent()) {
                return adopt(byUid.get(), params);
            }
        }
        throw new IllegalStateException(
                "appointment conflicts with a row of another company " + "(idempotency key or booking uid reused)");
    }

    /**
     * Fills what a webhook-created row lacks, never overwriting what it has, and makes it ours: Cal.com's webhook
     * for our own booking may arrive before we record it, and the booking is still the phone's.
     *
     * @return the row, created=true when this insert adopted it (the first time we record the booking)
     */
    private Saved adopt(Appointment existing, Map<String, Object> params) {
        int adopted = 0;
        if (existing.idempotencyKey() == null
                && params.get("key") instanceof SqlParameterValue key
                && key.getValue() != null) {
            adopted = jdbc.sql("""
                    UPDATE appointments SET
                        idempotency_key = :key,
                        source = :source,
                        branch_id = COALESCE(branch_id, :branchId),
                        service_id = COALESCE(service_id, :serviceId),
                        staff_id = COALESCE(staff_id, :staffId),
                        customer_id = COALESCE(customer_id, :customerId),
                        call_id = COALESCE(call_id, :callId),
                        rescheduled_from_id = COALESCE(rescheduled_from_id, :fromId),
                        reschedule_count = CASE WHEN rescheduled_from_id IS NULL THEN :count ELSE reschedule_count END,
                        notes = COALESCE(notes, :notes),
                        updated_at = :now
                    WHERE company_id = :companyId AND id = :id AND idempotency_key IS NULL""").params(params).param("id", existing.id()).update();
        }
        return new Saved(findById(existing.companyId(), existing.id()).orElseThrow(), adopted == 1);
    }

    private static SqlParameterValue typed(int type, @Nullable Object value) {
        return new SqlParameterValue(type, value);
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }

    private static Appointment map(ResultSet rs, int row) throws SQLException {
        return new Appointment(
                rs.getLong("id"),
                rs.getLong("company_id"),
                rs.getObject("branch_id", Long.class),
                rs.getObject("service_id", Long.class),
                rs.getObject("staff_id", Long.class),
                rs.getObject("customer_id", Long.class),
                rs.getObject("call_id", Long.class),
                rs.getObject("starts_at", OffsetDateTime.class).toInstant(),
                rs.getObject("ends_at", OffsetDateTime.class).toInstant(),
                rs.getString("calcom_booking_uid"),
                AppointmentStatus.fromDb(rs.getString("status")),
                AppointmentSource.fromDb(rs.getString("source")),
                rs.getString("idempotency_key"),
                rs.getObject("rescheduled_from_id", Long.class),
                rs.getInt("reschedule_count"),
                rs.getString("cancellation_reason"),
                rs.getString("notes"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
