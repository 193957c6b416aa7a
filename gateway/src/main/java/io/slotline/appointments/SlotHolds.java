package io.slotline.appointments;

import static io.slotline.database.Timestamps.utc;

import io.slotline.housekeeping.ExpiringRecords;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Slot holds in the shared database. A hold is claimed atomically ({@link #claim}): under a row lock on its host,
 * so that of any number of calls on any number of instances claiming overlapping times of one host, exactly one
 * gets it. Reading other calls' holds is one indexed query.
 */
@Repository
public class SlotHolds implements ExpiringRecords {

    private static final String COLUMNS = """
            id, company_id, retell_call_id, service_id, staff_id, host, starts_at, ends_at, reservation_uid,
            expires_at, status, created_at""";
    /** Longer than any service (at most 1440 minutes): bounds the index range an overlap query reads. */
    private static final Duration LONGEST_HOLD = Duration.ofDays(1);

    private static final int LOCK_ATTEMPTS = 3;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    /** Hosts whose lock row is known to exist (rows are never deleted): spares the claim an insert. */
    private final Set<String> lockRows = ConcurrentHashMap.newKeySet();

    SlotHolds(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * Claims the host for the call from start to end, unless another call holds that host at an overlapping time, or
     * has just booked it with a hold (expired holds don't count; the call's own holds don't either).
     *
     * @return the new hold; empty when another call has the host then
     */
    public Optional<SlotHold> claim(NewSlotHold hold) {
        ensureLockRow(hold.companyId(), hold.host());
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> claimLocked(hold));
            } catch (PessimisticLockingFailureException e) {
                // a lock wait timed out (H2 gives up after its lock timeout): the claims ahead are short, try again
                if (attempt == LOCK_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /**
     * Claims several holds of one call at once, all or none: the steps of a service in steps, each its stylist at
     * its step's time. The hosts' rows are locked in one order (sorted), so two such claims never wait on each
     * other in a circle.
     *
     * @return the new holds in the order given; empty when another call has any of the hosts at its time
     */
    public Optional<List<SlotHold>> claimAll(List<NewSlotHold> wanted) {
        if (wanted.isEmpty()) {
            return Optional.of(List.of());
        }
        wanted.forEach(hold -> ensureLockRow(hold.companyId(), hold.host()));
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> {
                    wanted.stream()
                            .map(NewSlotHold::host)
                            .distinct()
                            .sorted()
                            .forEach(host -> lock(wanted.get(0).companyId(), host));
                    // a repeat of the call's own claim (a retry racing the first request) gets the same holds: two
                    // sets of one call would each release the other, leaving neither request a whole plan
                    Optional<List<SlotHold>> same = alreadyHeld(wanted);
                    if (same.isPresent()) {
                        return same;
                    }
                    List<SlotHold> claimed = new java.util.ArrayList<>();
                    for (NewSlotHold hold : wanted) {
                        Optional<SlotHold> one = claimLocked(hold);
                        if (one.isEmpty()) {
                            status.setRollbackOnly();
                            return Optional.<List<SlotHold>>empty();
                        }
                        claimed.add(one.get());
                    }
                    return Optional.of(List.copyOf(claimed));
                });
            } catch (PessimisticLockingFailureException e) {
                if (attempt == LOCK_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** The call's active holds matching every wanted one exactly (service, host, start, end), in the order given. */
    private Optional<List<SlotHold>> alreadyHeld(List<NewSlotHold> wanted) {
        NewSlotHold first = wanted.get(0);
        List<SlotHold> active = activeForCall(first.companyId(), first.retellCallId());
        List<SlotHold> found = new java.util.ArrayList<>();
        for (NewSlotHold hold : wanted) {
            Optional<SlotHold> match = active.stream()
                    .filter(h -> h.status() == SlotHold.Status.HELD
                            && h.serviceId() == hold.serviceId()
                            && hold.host().equals(h.host()) // an old hold may have no host
                            && h.startsAt().equals(hold.startsAt())
                            && h.endsAt().equals(hold.endsAt())
                            && !found.contains(h))
                    .findFirst();
            if (match.isEmpty()) {
                return Optional.empty();
            }
            found.add(match.get());
        }
        return Optional.of(List.copyOf(found));
    }

    private void lock(long companyId, String host) {
        jdbc.sql("SELECT host FROM slot_hold_hosts WHERE company_id = :companyId AND host = :host FOR UPDATE")
                .param("companyId", companyId)
                .param("host", host)
                .query(String.class)
                .single();
    }

    private Optional<SlotHold> claimLocked(NewSlotHold hold) {
        lock(hold.companyId(), hold.host());
        Instant now = clock.instant();
        long taken = jdbc.sql("""
                SELECT COUNT(*) FROM slot_holds
                 WHERE company_id = :companyId AND host = :host AND status IN ('held', 'booked')
                   AND expires_at > :now AND retell_call_id <> :retellCallId
                   AND starts_at > :earliest AND starts_at < :end AND ends_at > :start""")
                .param("companyId", hold.companyId())
                .param("host", hold.host())
                .param("now", utc(now))
                .param("retellCallId", hold.retellCallId())
                .param("earliest", utc(hold.startsAt().minus(LONGEST_HOLD)))
                .param("end", utc(hold.endsAt()))
                .param("start", utc(hold.startsAt()))
                .query(Long.class)
                .single();
        if (taken > 0) {
            return Optional.empty();
        }
        KeyHolder id = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO slot_holds (company_id, retell_call_id, service_id, staff_id, host, starts_at, ends_at,
                    expires_at, status, created_at)
                VALUES (:companyId, :retellCallId, :serviceId, :staffId, :host, :startsAt, :endsAt, :expiresAt, 'held',
                    :now)""")
                .param("companyId", hold.companyId())
                .param("retellCallId", hold.retellCallId())
                .param("serviceId", hold.serviceId())
                .param("staffId", hold.staffId(), Types.BIGINT)
                .param("host", hold.host())
                .param("startsAt", utc(hold.startsAt()))
                .param("endsAt", utc(hold.endsAt()))
                .param("expiresAt", utc(hold.expiresAt()))
                .param("now", utc(now))
                .update(id, "id");
        return Optional.of(new SlotHold(
                Objects.requireNonNull(id.getKeyAs(Number.class)).longValue(), // the insert returns its key
                hold.companyId(),
                hold.retellCallId(),
                hold.serviceId(),
                hold.staffId(),
                hold.host(),
                hold.startsAt(),
                hold.endsAt(),
                null,
                hold.expiresAt(),
                SlotHold.Status.HELD,
                now));
    }

    private void ensureLockRow(long companyId, String host) {
        String key = companyId + ":" + host;
        if (lockRows.contains(key)) {
            return;
        }
        try {
            jdbc.sql("INSERT INTO slot_hold_hosts (company_id, host) VALUES (:companyId, :host) ON CONFLICT DO NOTHING")
                    .param("companyId", companyId)
                    .param("host", host)
                    .update();
        } catch (DuplicateKeyException alreadyThere) {
            // another claim inserted it first
        }
        lockRows.add(key);
    }

    /** Notes the courtesy reservation made in Cal.com for the hold; false when the hold is over meanwhile. */
    public boolean attachReservation(long companyId, long holdId, String reservationUid) {
        return jdbc.sql("UPDATE slot_holds SET reservation_uid = :uid WHERE company_id = :companyId AND id = :id "
                                + "AND status = 'held'")
                        .param("uid", reservationUid)
                        .param("companyId", companyId)
                        .param("id", holdId)
                        .update()
                == 1;
    }

    public Optional<SlotHold> find(long companyId, long holdId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM slot_holds WHERE company_id = :companyId AND id = :id")
                .param("companyId", companyId)
                .param("id", holdId)
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

    /**
     * Other calls' holds of the company overlapping [from, to) that still take their host: held, or booked with it
     * (until the hold would have expired: by then every instance's calendar knows the booking). One range scan of
     * the company's index.
     */
    public List<SlotHold> heldByOtherCalls(long companyId, String retellCallId, Instant from, Instant to) {
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM slot_holds
                WHERE company_id = :companyId AND status IN ('held', 'booked') AND starts_at > :earliest
                  AND starts_at < :to
                  AND ends_at > :from AND expires_at > :now AND retell_call_id <> :retellCallId""")
                .param("companyId", companyId)
                .param("earliest", utc(from.minus(LONGEST_HOLD)))
                .param("to", utc(to))
                .param("from", utc(from))
                .param("now", utc(clock.instant()))
                .param("retellCallId", retellCallId)
                .query(SlotHolds::map)
                .list();
    }

    /** Every hold of a call still marked held, expired or not: what to release when the call ends. */
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
    public boolean markBooked(long companyId, long holdId) {
        return transition(companyId, holdId, SlotHold.Status.BOOKED);
    }

    /** @return false when not held any more */
    public boolean markReleased(long companyId, long holdId) {
        return transition(companyId, holdId, SlotHold.Status.RELEASED);
    }

    /**
     * Ends the holds a booking was made with, of one host overlapping [start, end), once that booking is cancelled or
     * moved away: they would otherwise keep other calls from the freed time until they expire.
     *
     * @return how many ended
     */
    public int releaseBooked(long companyId, String host, Instant start, Instant end) {
        return jdbc.sql("""
                UPDATE slot_holds SET status = 'released', ended_at = :now
                 WHERE company_id = :companyId AND lower(host) = lower(:host) AND status = 'booked'
                   AND starts_at > :earliest AND starts_at < :end AND ends_at > :start""")
                .param("now", utc(clock.instant()))
                .param("companyId", companyId)
                .param("host", host)
                .param("earliest", utc(start.minus(LONGEST_HOLD)))
                .param("end", utc(end))
                .param("start", utc(start))
                .update();
    }

    private boolean transition(long companyId, long holdId, SlotHold.Status to) {
        return jdbc.sql("UPDATE slot_holds SET status = :status, ended_at = :now WHERE company_id = :companyId "
                                + "AND id = :id AND status = 'held'")
                        .param("status", to.name().toLowerCase(Locale.ROOT))
                        .param("now", utc(clock.instant()))
                        .param("companyId", companyId)
                        .param("id", holdId)
                        .update()
                == 1;
    }

    private static SlotHold map(ResultSet rs, int row) throws SQLException {
        return new SlotHold(
                rs.getLong("id"),
                rs.getLong("company_id"),
                rs.getString("retell_call_id"),
                rs.getLong("service_id"),
                rs.getObject("staff_id", Long.class),
                rs.getString("host"),
                rs.getObject("starts_at", OffsetDateTime.class).toInstant(),
                rs.getObject("ends_at", OffsetDateTime.class).toInstant(),
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
