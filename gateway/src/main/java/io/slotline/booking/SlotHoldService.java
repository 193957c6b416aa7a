package io.slotline.booking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.slotline.appointments.NewSlotHold;
import io.slotline.appointments.SlotHold;
import io.slotline.appointments.SlotHolds;
import io.slotline.availability.AvailabilityService;
import io.slotline.availability.BusyChange;
import io.slotline.availability.CalendarRef;
import io.slotline.availability.EventTypeShape;
import io.slotline.availability.InvalidationSource;
import io.slotline.calcom.CalcomAccount;
import io.slotline.calcom.CalcomApi;
import io.slotline.calcom.CalcomCallContext;
import io.slotline.calcom.CalcomException;
import io.slotline.calcom.Reservation;
import io.slotline.calcom.UpstreamCounter;
import io.slotline.calls.CallEnded;
import io.slotline.tenancy.TenantContext;
import io.slotline.tenancy.TenantDirectory;

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
 * the request budget is tight.
 */
@Service
public class SlotHoldService implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SlotHoldService.class);
    private static final String WHOLE_EVENT_TYPE = "event-type:";

    private final SlotHolds holds;
    private final CalcomApi calcom;
    private final Calendars calendars;
    private final ObjectProvider<AvailabilityService> availability;
    private final TenantDirectory tenants;
    private final EventTypeCatalog eventTypes;
    private final BookingProperties properties;
    private final Clock clock;
    private final ExecutorService executor;
    /** Per call, the courtesy reservation still on its way to Cal.com, so that a quick "yes, book it" can use it. */
    private final Cache<String, CompletableFuture<?>> pending = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(5))
            .maximumSize(50_000)
            .build();

    SlotHoldService(SlotHolds holds, CalcomApi calcom, Calendars calendars,
                    ObjectProvider<AvailabilityService> availability, TenantDirectory tenants,
                    EventTypeCatalog eventTypes, BookingProperties properties, Clock clock) {
        this.availability = availability;
        this.tenants = tenants;
        this.holds = holds;
        this.calcom = calcom;
        this.calendars = calendars;
        this.eventTypes = eventTypes;
        this.properties = properties;
        this.clock = clock;
        AtomicInteger threads = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(4, 4, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(1_000),
                task -> {
                    Thread thread = new Thread(task, "slot-holds-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
        pool.allowCoreThreadTimeOut(true);
        this.executor = pool;
    }

    /**
     * @param calendar the calendar the caller asked about (a courtesy reservation is made on its event type)
     * @param hosts    the hosts that could serve the caller then, in order of preference: the named staff member's
     *                 username, or for "anyone" the hosts free at that time; {@link #wholeEventType} when the event
     *                 type's hosts are not known
     * @param courtesy whether a courtesy reservation in Cal.com is wanted (not when booking right away)
     */
    public record HoldRequest(long companyId, String retellCallId, long serviceId, @Nullable Long staffId,
                              CalendarRef calendar, ZoneId zone, Instant start, List<String> hosts,
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

    public sealed interface HoldOutcome permits Held, Taken {
    }

    /** The slot is held for this call until {@code hold.expiresAt()}. */
    public record Held(SlotHold hold) implements HoldOutcome {
    }

    /** Every host that could serve the caller then is held by another call. */
    public record Taken() implements HoldOutcome {
    }

    /** The host key of a hold for "anyone" when the event type's hosts are not known: one holder at a time. */
    public static String wholeEventType(long eventTypeId) {
        return WHOLE_EVENT_TYPE + eventTypeId;
    }

    /** Whether a hold's host is a Cal.com username (that a booking can name), not {@link #wholeEventType}. */
    public static boolean namesAHost(@Nullable String host) {
        return host != null && !host.startsWith(WHOLE_EVENT_TYPE);
    }

    /** Claims the first of the request's hosts no other call holds then; the call's earlier holds are released. */
    public HoldOutcome hold(HoldRequest request) {
        Optional<SlotHold> same = heldFor(request.companyId(), request.retellCallId(), request.serviceId(),
                request.staffId(), request.start());
        if (same.isPresent()) {
            return new Held(same.get());
        }
        Instant expires = clock.instant().plus(Duration.ofMinutes(properties.holdMinutes()));
        for (String host : request.hosts()) {
            Optional<SlotHold> claimed = holds.claim(new NewSlotHold(request.companyId(), request.retellCallId(),
                    request.serviceId(), request.staffId(), host, request.start(), request.end(), expires));
            if (claimed.isPresent()) {
                SlotHold hold = claimed.get();
                releaseOthers(request.calendar().account(), request.zone(), request.retellCallId(),
                        request.companyId(), hold.id());
                reserveAsCourtesy(request, hold);
                return new Held(hold);
            }
        }
        return new Taken();
    }

    /**
     * Claims a named host's time for moving an existing appointment there, so that a move never takes a time another
     * call holds. No courtesy reservation: Cal.com moves the booking at once. End it with {@link #moveDone}.
     */
    public HoldOutcome holdForMove(long companyId, String retellCallId, long serviceId, long staffId, String host,
                                   Instant start, Instant end) {
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
    public HoldOutcome holdSteps(long companyId, String retellCallId, long serviceId, @Nullable Long staffId,
                                 CalcomAccount account, ZoneId zone, StepPlanner.Plan plan) {
        List<SlotHold> current = stepsHeldFor(companyId, retellCallId, serviceId, staffId, plan.start());
        if (!current.isEmpty()) {
            return new Held(current.get(0));
        }
        Instant expires = clock.instant().plus(Duration.ofMinutes(properties.holdMinutes()));
        List<NewSlotHold> wanted = plan.steps().stream()
                .map(step -> new NewSlotHold(companyId, retellCallId, serviceId, staffId, step.host(), step.start(),
                        step.end(), expires))
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
    public List<SlotHold> stepsHeldFor(long companyId, String retellCallId, long serviceId, @Nullable Long staffId,
                                       Instant start) {
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
        CompletableFuture<?> reservation = pending.getIfPresent(companyId + ":" + retellCallId);
        if (reservation == null) {
            return;
        }
        try {
            reservation.get(max.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // refused or slow: book without it, Cal.com decides
        }
    }

    /** The call's hold of exactly this slot, if still held and not expired. */
    public Optional<SlotHold> heldFor(long companyId, String retellCallId, long serviceId, @Nullable Long staffId,
                                      Instant start) {
        return holds.activeForCall(companyId, retellCallId).stream()
                .filter(hold -> hold.serviceId() == serviceId && Objects.equals(hold.staffId(), staffId)
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
            releaseReservationLater(account, zone, hold);
        }
    }

    /** Releases the call's other holds (after a booking, or a new hold: the caller has moved on). */
    public void releaseOthers(CalcomAccount account, ZoneId zone, String retellCallId, long companyId,
                              @Nullable Long keepHoldId) {
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

    /**
     * Only a single host's event type (a personal one lists no hosts) whose host serves no team event type of the
     * company: Cal.com hides the reserved time in every event type of the user it records the reservation against,
     * which is then exactly the held host's time.
     */
    boolean courtesyReservationFits(CalendarRef calendar, @Nullable String heldHost) {
        if (calendar.teamId() != null) {
            return false;
        }
        EventTypeShape shape = eventTypes.known(calendar.companyId(), calendar.bookingEventTypeId());
        if (shape == null || shape.hostUsernames().size() > 1) {
            return false;
        }
        String host = namesAHost(heldHost) ? CalendarRef.normalized(heldHost) : null;
        for (io.slotline.tenancy.Service service : tenants.activeServices(calendar.companyId())) {
            if (service.calcomEventTypeId() == null || service.calcomEventTypeId() == calendar.bookingEventTypeId()) {
                continue;
            }
            EventTypeShape other = eventTypes.known(calendar.companyId(), service.calcomEventTypeId());
            boolean team = service.calcomTeamId() != null || (other != null && other.hostUsernames().size() > 1);
            if (!team) {
                continue;
            }
            if (host == null || (other != null && other.hostUsernames().contains(host))
                    || tenants.staffForService(calendar.companyId(), service.id()).stream()
                            .anyMatch(staff -> staff.calcomUsername() != null
                                    && CalendarRef.normalized(staff.calcomUsername()).equals(host))) {
                return false;
            }
        }
        return true;
    }

    private void reserveAsCourtesy(HoldRequest request, SlotHold hold) {
        if (!request.courtesy() || !courtesyReservationFits(request.calendar(), hold.host())) {
            return;
        }
        String callKey = request.companyId() + ":" + request.retellCallId();
        try {
            CompletableFuture<?> reservation = CompletableFuture.supplyAsync(UpstreamCounter.wrap(() -> {
                reserve(request, hold);
                return hold;
            }), executor);
            pending.put(callKey, reservation);
            reservation.whenComplete((done, failure) -> pending.asMap().remove(callKey, reservation));
        } catch (RejectedExecutionException busy) {
            log.debug("no courtesy reservation for call {}: too much background work", request.retellCallId());
        }
    }

    private void reserve(HoldRequest request, SlotHold hold) {
        CalendarRef calendar = request.calendar();
        // a courtesy, never at the expense of live callers: dropped when only the live reserve of the budget is left
        try (CalcomCallContext.Scope ignored = CalcomCallContext.background(null).bind()) {
            Reservation reservation = calcom.reserve(calendar.account(), calendar.bookingEventTypeId(), request.start(),
                    calendar.durationMinutes(), properties.holdMinutes());
            if (!holds.attachReservation(hold.companyId(), hold.id(), reservation.uid())) {
                // the caller moved on (or hung up) while Cal.com was answering
                calcom.releaseReservation(calendar.account(), reservation.uid());
            }
        } catch (CalcomException e) {
            log.debug("no courtesy reservation for call {}: {}", request.retellCallId(), e.getMessage());
        }
    }

    private void releaseReservationLater(CalcomAccount account, ZoneId zone, SlotHold hold) {
        // the hold is what counts; its courtesy reservation may be on its way still
        CompletableFuture<?> reservation = pending.getIfPresent(hold.companyId() + ":" + hold.retellCallId());
        Runnable release = () -> releaseReservation(account, zone, hold.id(), hold.companyId());
        try {
            if (reservation != null) {
                reservation.whenCompleteAsync((done, failure) -> release.run(), executor);
            } else {
                // read again there: a reservation may have been attached since this hold was read
                executor.execute(release);
            }
        } catch (RejectedExecutionException busy) {
            log.info("reservation of hold {} not released (busy); it expires at {}", hold.id(), hold.expiresAt());
        }
    }

    private void releaseReservation(CalcomAccount account, ZoneId zone, long holdId, long companyId) {
        Optional<SlotHold> hold = holds.find(companyId, holdId);
        if (hold.isEmpty() || hold.get().reservationUid() == null || hold.get().status() != SlotHold.Status.RELEASED) {
            return;
        }
        // nobody waits for a release; under a tight budget the reservation simply expires
        try (CalcomCallContext.Scope ignored = CalcomCallContext.background(null).bind()) {
            calcom.releaseReservation(account, hold.get().reservationUid());
            // days fetched while the reservation stood hide the time: a caller asking for it next asks Cal.com
            heldTimeFreed(hold.get(), zone);
        } catch (RuntimeException e) {
            log.info("Cal.com reservation {} of {} not released ({}); it expires at {}", hold.get().reservationUid(),
                    account.name(), e.getMessage(), hold.get().expiresAt());
        }
    }

    private void heldTimeFreed(SlotHold hold, ZoneId zone) {
        AvailabilityService service = availability.getIfAvailable();
        if (service == null) {
            return;
        }
        Optional<io.slotline.tenancy.Service> held = tenants.activeService(hold.companyId(), hold.serviceId());
        try {
            service.apply(BusyChange.freed(hold.companyId(), hold.startsAt(), hold.endsAt(), zone,
                    held.map(io.slotline.tenancy.Service::calcomEventTypeId).orElse(null),
                    namesAHost(hold.host()) ? hold.host() : null), InvalidationSource.OWN_BOOKING);
        } catch (RuntimeException e) {
            log.warn("could not update availability of company {} after releasing hold {}", hold.companyId(),
                    hold.id(), e);
        }
    }

    @Override
    public void destroy() {
        executor.shutdown();
    }
}
