package io.slotline.booking;

import io.slotline.appointments.NewSlotHold;
import io.slotline.appointments.SlotHold;
import io.slotline.appointments.SlotHolds;
import io.slotline.availability.CalendarRef;
import io.slotline.calcom.CalcomAccount;
import io.slotline.calls.CallEnded;
import io.slotline.tenancy.TenantContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.lang.Contract;
import org.springframework.stereotype.Service;

/**
 * Holds a slot for a call from "it's free" until "book it", so that no other caller, on any instance, takes it in
 * those 15-20 seconds. The hold is Slotline's own, in the shared database: it takes one concrete host (the staff
 * member asked for, or for "anyone" a host free then), claimed atomically ({@link SlotHolds#claim}). Every other
 * call counts it; it expires after {@link BookingProperties#holdMinutes()} and ends with the call. One hold per
 * call: a new one releases the call's previous ones.
 *
 * <p>Cal.com's reservations are advisory (a booking is not refused because of someone else's reservation), and they
 * hide more than one host's time: Cal.com records a reservation against the event type's owner, or a team event
 * type's first host, and leaves that user's time out of the slots of every event type they host, for every host of it
 * (calcom-teams.md section 4). A reservation of Anna's own event type would hide that time in the salon's round-robin
 * "any stylist" event types although Ben is free, from web bookers and from our own other callers. So a Cal.com
 * reservation is made only as a courtesy towards web bookers, and only where it hides exactly what the hold takes:
 * an event type with a single host who hosts no team event type of the company. It is background work, dropped when
 * the request budget is tight ({@link CourtesyReservations}).
 */
@Service
public class SlotHoldService {

    private static final Logger log = LoggerFactory.getLogger(SlotHoldService.class);
    private static final String WHOLE_EVENT_TYPE = "event-type:";

    private final SlotHolds holds;
    private final Calendars calendars;
    private final BookingProperties properties;
    private final Clock clock;
    private final CourtesyReservations courtesy;

    SlotHoldService(
            SlotHolds holds,
            Calendars calendars,
            BookingProperties properties,
            Clock clock,
            CourtesyReservations courtesy) {
        this.holds = holds;
        this.calendars = calendars;
        this.properties = properties;
        this.clock = clock;
        this.courtesy = courtesy;
    }

    /**
     * @param calendar the calendar the caller asked about (a courtesy reservation is made on its event type)
     * @param hosts    the hosts that could serve the caller then, in order of preference: the named staff member's
     *                 username, or for "anyone" the hosts free at that time; {@link #wholeEventType} when the event
     *                 type's hosts are not known
     * @param courtesy whether a courtesy reservation in Cal.com is wanted (not when booking right away)
     */
    public record HoldRequest(
            long companyId,
            String retellCallId,
            long serviceId,
            @Nullable Long staffId,
            CalendarRef calendar,
            ZoneId zone,
            Instant start,
            List<String> hosts,
            boolean courtesy) {
        public HoldRequest {
            Objects.requireNonNull(retellCallId, "retellCallId");
            Objects.requireNonNull(zone, "zone");
            Objects.requireNonNull(calendar, "calendar");
            Objects.requireNonNull(start, "start");
            hosts = List.copyOf(hosts);
        }

        Instant end() {
            return start.plus(Duration.ofMinutes(calendar.durationMinutes()));
        }
    }

    public sealed interface HoldOutcome permits Held, Taken {}

    /** The slot is held for this call until {@code hold.expiresAt()}. */
    public record Held(SlotHold hold) implements HoldOutcome {}

    /** Every host that could serve the caller then is held by another call. */
    public record Taken() implements HoldOutcome {}

    /** The host key of a hold for "anyone" when the event type's hosts are not known: one holder at a time. */
    public static String wholeEventType(long eventTypeId) {
        return WHOLE_EVENT_TYPE + eventTypeId;
    }

    /** Whether a hold's host is a Cal.com username (that a booking can name), not {@link #wholeEventType}. */
    @Contract("null -> false")
    public static boolean namesAHost(@Nullable String host) {
        return host != null && !host.startsWith(WHOLE_EVENT_TYPE);
    }

    /** Claims the first of the request's hosts no other call holds then; the call's earlier holds are released. */
    public HoldOutcome hold(HoldRequest request) {
        Optional<SlotHold> same = heldFor(
                request.companyId(), request.retellCallId(), request.serviceId(), request.staffId(), request.start());
        if (same.isPresent()) {
            return new Held(same.get());
        }
        Instant expires = clock.instant().plus(Duration.ofMinutes(properties.holdMinutes()));
        for (String host : request.hosts()) {
            Optional<SlotHold> claimed = holds.claim(new NewSlotHold(
                    request.companyId(),
                    request.retellCallId(),
                    request.serviceId(),
                    request.staffId(),
                    host,
                    request.start(),
                    request.end(),
                    expires));
            if (claimed.isPresent()) {
                SlotHold hold = claimed.get();
                releaseOthers(
                        request.calendar().account(),
                        request.zone(),
                        request.retellCallId(),
                        request.companyId(),
                        hold.id());
                courtesy.reserve(request, hold);
                return new Held(hold);
            }
        }
        return new Taken();
    }

    /**
     * Claims a named host's time for moving an existing appointment there, so that a move never takes a time another
     * call holds. No courtesy reservation: Cal.com moves the booking at once. End it with {@link #moveDone}.
     */
    public HoldOutcome holdForMove(
            long companyId,
            String retellCallId,
            long serviceId,
            long staffId,
            String host,
            Instant start,
            Instant end) {
        Instant expires = clock.instant().plus(Duration.ofMinutes(properties.holdMinutes()));
        return holds.claim(new NewSlotHold(companyId, retellCallId, serviceId, staffId, host, start, end, expires))
                .<HoldOutcome>map(Held::new)
                .orElseGet(Taken::new);
    }

    /**
     * A move's hold after Cal.com answered: kept as booked until it expires when the appointment moved (days cached
     * before the move still show the time free), given back at once otherwise.
     */
    public void moveDone(SlotHold hold, boolean moved) {
        if (moved) {
            holds.markBooked(hold.companyId(), hold.id());
        } else {
            holds.markReleased(hold.companyId(), hold.id());
        }
    }

    /**
     * Holds every step of a service in steps for the call, each step's stylist at that step's time, all or none
     * (one transaction, see {@link SlotHolds#claimAll}); the pauses between them are not held, so the stylists stay
     * free for other callers then. The call's earlier holds are released. No courtesy reservation: each step's
     * event type has several hosts, where a Cal.com reservation would hide the time from everyone.
     *
     * @param staffId the stylist the caller asked for (on the first step's hold), null for "anyone"
     * @param plan    the steps: host, start and end of each
     */
    public HoldOutcome holdSteps(
            long companyId,
            String retellCallId,
            long serviceId,
            @Nullable Long staffId,
            CalcomAccount account,
            ZoneId zone,
            StepPlanner.Plan plan) {
        List<SlotHold> current = stepsHeldFor(companyId, retellCallId, serviceId, staffId, plan.start());
        if (!current.isEmpty()) {
            return new Held(current.get(0));
        }
        Instant expires = clock.instant().plus(Duration.ofMinutes(properties.holdMinutes()));
        List<NewSlotHold> wanted = plan.steps().stream()
                .map(step -> new NewSlotHold(
                        companyId, retellCallId, serviceId, staffId, step.host(), step.start(), step.end(), expires))
                .toList();
        Optional<List<SlotHold>> claimed = holds.claimAll(wanted);
        if (claimed.isEmpty()) {
            return new Taken();
        }
        java.util.Set<Long> keep = new java.util.HashSet<>();
        claimed.get().forEach(hold -> keep.add(hold.id()));
        for (SlotHold hold : holds.heldForCall(companyId, retellCallId)) {
            if (!keep.contains(hold.id())) {
                release(account, zone, hold);
            }
        }
        return new Held(claimed.get().get(0));
    }

    /**
     * The call's holds of the steps of one appointment starting at {@code start}, in step order: the first step's
     * hold starts then, the later steps' follow it (a call holds one appointment at a time). Empty when the first
     * step is not held (any more).
     */
    public List<SlotHold> stepsHeldFor(
            long companyId, String retellCallId, long serviceId, @Nullable Long staffId, Instant start) {
        List<SlotHold> active = holds.activeForCall(companyId, retellCallId).stream()
                .filter(hold -> hold.serviceId() == serviceId)
                .sorted(Comparator.comparing(SlotHold::startsAt))
                .toList();
        Optional<SlotHold> first = active.stream()
                .filter(hold -> hold.startsAt().equals(start) && Objects.equals(hold.staffId(), staffId))
                .findFirst();
        if (first.isEmpty()) {
            return List.of();
        }
        return active.stream().filter(hold -> !hold.startsAt().isBefore(start)).toList();
    }

    /**
     * Waits (at most {@code max}) for a courtesy reservation of this call that is still on its way to Cal.com: a
     * booking sent without it while it lands would be refused by Cal.com as "reserved by someone else".
     */
    public void awaitPending(long companyId, String retellCallId, Duration max) {
        courtesy.awaitPending(companyId, retellCallId, max);
    }

    /** The call's hold of exactly this slot, if still held and not expired. */
    public Optional<SlotHold> heldFor(
            long companyId, String retellCallId, long serviceId, @Nullable Long staffId, Instant start) {
        return holds.activeForCall(companyId, retellCallId).stream()
                .filter(hold -> hold.serviceId() == serviceId
                        && Objects.equals(hold.staffId(), staffId)
                        && hold.startsAt().equals(start))
                .findFirst();
    }

    /** Other calls' active holds overlapping [from, to), whatever the service: one indexed query. */
    public List<SlotHold> heldByOthers(long companyId, String retellCallId, Instant from, Instant to) {
        return holds.heldByOtherCalls(companyId, retellCallId, from, to);
    }

    /** The call's most recent active hold: what the caller is about to confirm. */
    public Optional<SlotHold> latest(long companyId, String retellCallId) {
        return holds.activeForCall(companyId, retellCallId).stream().max(Comparator.comparingLong(SlotHold::id));
    }

    public void markBooked(long companyId, long holdId) {
        holds.markBooked(companyId, holdId);
    }

    /** Gives a hold back at once (a booking with it failed for good). */
    public void release(CalcomAccount account, ZoneId zone, SlotHold hold) {
        if (holds.markReleased(hold.companyId(), hold.id())) {
            courtesy.releaseLater(account, zone, hold);
        }
    }

    /** Releases the call's other holds (after a booking, or a new hold: the caller has moved on). */
    public void releaseOthers(
            CalcomAccount account, ZoneId zone, String retellCallId, long companyId, @Nullable Long keepHoldId) {
        for (SlotHold hold : holds.heldForCall(companyId, retellCallId)) {
            if (keepHoldId == null || hold.id() != keepHoldId) {
                release(account, zone, hold);
            }
        }
    }

    /**
     * The call is over: its holds are released right away (nobody books with them any more), their courtesy
     * reservations in Cal.com in the background, so the webhook is acknowledged fast. Never throws.
     */
    @EventListener
    void on(CallEnded ended) {
        callEnded(ended.tenant(), ended.retellCallId());
    }

    /** The call is over (see {@link #on(CallEnded)}). */
    public void callEnded(TenantContext tenant, String retellCallId) {
        try {
            List<SlotHold> held = holds.heldForCall(tenant.companyId(), retellCallId);
            if (held.isEmpty()) {
                return;
            }
            CalcomAccount account = calendars.account(tenant.company());
            for (SlotHold hold : held) {
                release(account, tenant.branch().timeZone(), hold);
            }
        } catch (RuntimeException e) {
            log.warn("could not release the holds of call {}", retellCallId, e);
        }
    }
}
