package io.slotline.appointments;

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

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.slotline.housekeeping.ExpiringRecords;

@Repository
public class SlotHolds implements ExpiringRecords {

    private static final String COLUMNS = """
            id, company_id, retell_call_id, service_id, staff_id, starts_at, reservation_uid, expires_at, status,
            created_at""";

    private final JdbcClient jdbc;
    private final Clock clock;

    SlotHolds(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A reservation uid is stored once; storing it again returns the first hold. */
    public SlotHold insert(NewSlotHold hold) {
        jdbc.sql("""
                INSERT INTO slot_holds (company_id, retell_call_id, service_id, staff_id, starts_at, reservation_uid,
                    expires_at, status, created_at)
                VALUES (:companyId, :retellCallId, :serviceId, :staffId, :startsAt, :uid, :expiresAt, 'held', :now)
                ON CONFLICT DO NOTHING""")
                .param("companyId", hold.companyId())
                .param("retellCallId", hold.retellCallId())
                .param("serviceId", hold.serviceId())
                .param("staffId", hold.staffId(), Types.BIGINT)
                .param("startsAt", utc(hold.startsAt()))
                .param("uid", hold.reservationUid())
                .param("expiresAt", utc(hold.expiresAt()))
                .param("now", utc(clock.instant()))
                .update();
        return findByReservationUid(hold.companyId(), hold.reservationUid()).orElseThrow(
                () -> new IllegalStateException("reservation uid is stored for another company"));
    }

    public Optional<SlotHold> findByReservationUid(long companyId, String reservationUid) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM slot_holds WHERE company_id = :companyId "
                        + "AND reservation_uid = :uid")
                .param("companyId", companyId)
                .param("uid", reservationUid)
                .query(SlotHolds::map)
                .optional();
    }

    /** Holds of a call that are still held and not expired, soonest slot first. */
    public List<SlotHold> activeForCall(long companyId, String retellCallId) {
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM slot_holds
                WHERE company_id = :companyId AND retell_call_id = :retellCallId AND status = 'held'
                  AND expires_at > :now
                ORDER BY starts_at, id""")
                .param("companyId", companyId)
                .param("retellCallId", retellCallId)
                .param("now", utc(clock.instant()))
                .query(SlotHolds::map)
                .list();
    }

    /** Active holds of other calls of the company starting in [from, to). */
    public List<SlotHold> heldByOtherCalls(long companyId, String retellCallId, Instant from, Instant to) {
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM slot_holds
                WHERE company_id = :companyId AND retell_call_id <> :retellCallId AND status = 'held'
                  AND expires_at > :now AND starts_at >= :from AND starts_at < :to""")
                .param("companyId", companyId)
                .param("retellCallId", retellCallId)
                .param("now", utc(clock.instant()))
                .param("from", utc(from))
                .param("to", utc(to))
                .query(SlotHolds::map)
                .list();
    }

    /** Every hold of a call still marked held, expired or not: what to release in Cal.com when the call ends. */
    public List<SlotHold> heldForCall(long companyId, String retellCallId) {
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM slot_holds
                WHERE company_id = :companyId AND retell_call_id = :retellCallId AND status = 'held'
                ORDER BY starts_at, id""")
                .param("companyId", companyId)
                .param("retellCallId", retellCallId)
                .query(SlotHolds::map)
                .list();
    }

    /** @return false when not held any more */
    public boolean markBooked(long companyId, String reservationUid) {
        return transition(companyId, reservationUid, SlotHold.Status.BOOKED);
    }

    /** @return false when not held any more */
    public boolean markReleased(long companyId, String reservationUid) {
        return transition(companyId, reservationUid, SlotHold.Status.RELEASED);
    }

    private boolean transition(long companyId, String reservationUid, SlotHold.Status to) {
        return jdbc.sql("UPDATE slot_holds SET status = :status WHERE company_id = :companyId "
                        + "AND reservation_uid = :uid AND status = 'held'")
                .param("status", to.name().toLowerCase(Locale.ROOT))
                .param("companyId", companyId)
                .param("uid", reservationUid)
                .update() == 1;
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static SlotHold map(ResultSet rs, int row) throws SQLException {
        return new SlotHold(
                rs.getLong("id"),
                rs.getLong("company_id"),
                rs.getString("retell_call_id"),
                rs.getLong("service_id"),
                rs.getObject("staff_id", Long.class),
                rs.getObject("starts_at", OffsetDateTime.class).toInstant(),
                rs.getString("reservation_uid"),
                rs.getObject("expires_at", OffsetDateTime.class).toInstant(),
                SlotHold.Status.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    @Override
    public Retention retention() {
        return Retention.SLOT_HOLDS;
    }

    @Override
    public String table() {
        return "slot_holds";
    }

    /** Holds created before the cutoff that are over (booked, released or expired); one still held stays. */
    @Override
    public int deleteOlderThan(Instant cutoff) {
        return jdbc.sql("""
                DELETE FROM slot_holds
                 WHERE created_at < :cutoff AND (status <> 'held' OR expires_at < :now)""")
                .param("cutoff", utc(cutoff))
                .param("now", utc(clock.instant()))
                .update();
    }
}
