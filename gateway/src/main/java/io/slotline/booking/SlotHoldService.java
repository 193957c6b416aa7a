package io.slotline.booking;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.slotline.appointments.NewSlotHold;
import io.slotline.appointments.SlotHold;
import io.slotline.appointments.SlotHolds;
import io.slotline.availability.AvailabilityService;
import io.slotline.availability.BusyChange;
import io.slotline.availability.CalendarRef;
import io.slotline.availability.InvalidationSource;
import io.slotline.calcom.CalcomAccount;
import io.slotline.calcom.CalcomApi;
import io.slotline.calcom.CalcomCallContext;
import io.slotline.calcom.CalcomException;
import io.slotline.calcom.Reservation;
import io.slotline.calcom.UpstreamCounter;
import io.slotline.retell.CallLifecycle;
import io.slotline.tenancy.TenantContext;
import io.slotline.tenancy.TenantDirectory;

/**
 * Holds a slot in Cal.com (a reservation) from "it's free" until "book it", so that another caller cannot take it in
 * those 15-20 seconds. One hold per call: checking another slot releases the previous one, and the call's end
 * releases whatever is still held. Releasing is best effort: a reservation Cal.com keeps expires by itself after
 * {@link BookingProperties#holdMinutes()}.
 *
 * <p>Taking a hold doesn't touch the availability cache (that would send every caller of the company back to
 * Cal.com): check_availability asks Cal.com again only when another call holds something at that time, and a
 * booking of a held slot is refused by Cal.com anyway. Releasing a hold drops the day, as the slot may be free again.
 */
@Service
public class SlotHoldService implements CallLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SlotHoldService.class);

    private final SlotHolds holds;
    private final CalcomApi calcom;
    private final Calendars calendars;
    private final ObjectProvider<AvailabilityService> availability;
    private final TenantDirectory tenants;
    private final BookingProperties properties;
    private final ExecutorService executor;
    /** Per call, the reservation still on its way to Cal.com, so that a quick "yes, book it" can wait for it. */
    private final Cache<String, CompletableFuture<SlotHold>> pending = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(5))
            .maximumSize(50_000)
            .build();
    /**
     * Company days whose availability was fetched from Cal.com while another call held a slot (Cal.com then hides
     * the slot): releasing a hold must drop those days, and only those, so that the slot is offered again. Per
     * instance; a release elsewhere leaves the slot hidden until the entry's TTL at worst.
     */
    private final Cache<String, Boolean> fetchedUnderHold = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(30))
            .maximumSize(50_000)
            .build();
    /** Per call, which hold request is the newest: a reservation that completes after a newer request is released. */
    private final Cache<String, AtomicLong> generations = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofHours(2))
            .maximumSize(50_000)
            .build();

    SlotHoldService(SlotHolds holds, CalcomApi calcom, Calendars calendars,
                    ObjectProvider<AvailabilityService> availability, TenantDirectory tenants,
                    BookingProperties properties) {
        this.availability = availability;
        this.tenants = tenants;
        this.holds = holds;
        this.calcom = calcom;
        this.calendars = calendars;
        this.properties = properties;
        AtomicInteger threads = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(8, 8, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(10_000),
                task -> {
                    Thread thread = new Thread(task, "slot-holds-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
        pool.allowCoreThreadTimeOut(true);
        this.executor = pool;
    }

    /**
     * @param calendar the calendar the slot was found in; the reservation is made on its event type
     */
    public record HoldRequest(long companyId, String retellCallId, long serviceId, @Nullable Long staffId,
                              CalendarRef calendar, ZoneId zone, Instant start) {
        public HoldRequest {
            Objects.requireNonNull(retellCallId, "retellCallId");
            Objects.requireNonNull(zone, "zone");
            Objects.requireNonNull(calendar, "calendar");
            Objects.requireNonNull(start, "start");
        }
    }

    public sealed interface HoldOutcome permits Held, Refused, NotHeld {
    }

    /** The slot is held for this call until {@code hold.expiresAt()}. */
    public record Held(SlotHold hold) implements HoldOutcome {
    }

    /** Cal.com refused: the slot is booked or held by someone else after all. */
    public record Refused(String detail) implements HoldOutcome {
    }

    /** No answer in time (Cal.com slow or down): the slot looked free, it is just not held (yet). */
    public record NotHeld(String detail) implements HoldOutcome {
    }

    public HoldOutcome hold(HoldRequest request) {
        List<SlotHold> active = holds.activeForCall(request.companyId(), request.retellCallId());
        Optional<SlotHold> same = active.stream().filter(hold -> matches(hold, request.serviceId(), request.staffId(),
                request.start())).findFirst();
        if (same.isPresent()) {
            return new Held(same.get());
        }
        long generation = generation(request.companyId(), request.retellCallId()).incrementAndGet();
        for (SlotHold previous : holds.heldForCall(request.companyId(), request.retellCallId())) {
            // an overlapping hold of our own would make Cal.com refuse the new one: release those first
            if (previous.serviceId() == request.serviceId()) {
                release(request.calendar().account(), request.zone(), previous);
            } else {
                executor.execute(() -> release(request.calendar().account(), request.zone(), previous));
            }
        }
        CompletableFuture<SlotHold> reservation = CompletableFuture.supplyAsync(
                UpstreamCounter.wrap(() -> reserve(request, generation)), executor);
        String callKey = request.companyId() + ":" + request.retellCallId();
        pending.put(callKey, reservation);
        reservation.whenComplete((hold, failure) -> pending.asMap().remove(callKey, reservation));
        try {
            return new Held(reservation.get(properties.holdWait().toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            log.debug("Cal.com reservation for call {} still running after {}; answering without it",
                    request.retellCallId(), properties.holdWait());
            return new NotHeld("timeout");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new NotHeld("interrupted");
        } catch (ExecutionException e) {
            return refusedOrNotHeld(e.getCause());
        }
    }

    /**
     * Waits (at most {@code max}) for a reservation of this call that is still on its way to Cal.com: booking
     * without it while it lands would make Cal.com refuse our own booking as "reserved by someone else".
     */
    public void awaitPending(long companyId, String retellCallId, Duration max) {
        CompletableFuture<SlotHold> reservation = pending.getIfPresent(companyId + ":" + retellCallId);
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
                .filter(hold -> matches(hold, serviceId, staffId, start))
                .findFirst();
    }

    /**
     * Other calls' holds of the same service overlapping [start, start + length). Cal.com counts a service's
     * reservations against its free hosts (each takes one), so only these can make Cal.com's view of that time
     * differ from a cached one.
     */
    public List<SlotHold> competingHolds(long companyId, String retellCallId, long serviceId, Instant start,
            Duration length) {
        return holds.heldByOtherCalls(companyId, retellCallId, start.minus(length), start.plus(length)).stream()
                .filter(hold -> hold.serviceId() == serviceId)
                .filter(hold -> hold.startsAt().plus(length).isAfter(start))
                .toList();
    }

    /** Notes that this day was fetched from Cal.com while holds of other calls were in place. */
    public void fetchedWhileHeld(long companyId, LocalDate day) {
        fetchedUnderHold.put(companyId + ":" + day, Boolean.TRUE);
    }

    /** The call's most recent active hold: what the caller is about to confirm. */
    public Optional<SlotHold> latest(long companyId, String retellCallId) {
        return holds.activeForCall(companyId, retellCallId).stream().max(Comparator.comparingLong(SlotHold::id));
    }

    public void markBooked(long companyId, String reservationUid) {
        holds.markBooked(companyId, reservationUid);
    }

    /** Releases the call's other holds in the background (after a booking: the caller has decided). */
    public void releaseOthers(CalendarRef calendar, ZoneId zone, String retellCallId,
                              @Nullable String keepReservationUid) {
        for (SlotHold hold : holds.heldForCall(calendar.companyId(), retellCallId)) {
            if (!hold.reservationUid().equals(keepReservationUid)) {
                executor.execute(() -> release(calendar.account(), zone, hold));
            }
        }
    }

    /**
     * The call is over: its holds are marked released right away (nobody books with them any more) and released in
     * Cal.com in the background, so the webhook is acknowledged fast. Never throws.
     */
    @Override
    public void callEnded(TenantContext tenant, String retellCallId) {
        try {
            // a reservation still on its way is released when it arrives
            generation(tenant.companyId(), retellCallId).incrementAndGet();
            List<SlotHold> held = holds.heldForCall(tenant.companyId(), retellCallId);
            if (held.isEmpty()) {
                return;
            }
            CalcomAccount account = calendars.account(tenant.company());
            for (SlotHold hold : held) {
                if (holds.markReleased(tenant.companyId(), hold.reservationUid())) {
                    executor.execute(() -> releaseInCalcom(account, tenant.branch().timeZone(), hold));
                }
            }
        } catch (RuntimeException e) {
            log.warn("could not release the holds of call {}", retellCallId, e);
        }
    }

    private SlotHold reserve(HoldRequest request, long generation) {
        CalendarRef calendar = request.calendar();
        Reservation reservation = calcom.reserve(calendar.account(), calendar.eventTypeId(), request.start(),
                calendar.durationMinutes(), properties.holdMinutes());
        SlotHold hold = holds.insert(new NewSlotHold(request.companyId(), request.retellCallId(), request.serviceId(),
                request.staffId(), request.start(), reservation.uid(), reservation.until()));
        if (generation(request.companyId(), request.retellCallId()).get() != generation) {
            // the caller moved on (or hung up) while Cal.com was answering: don't keep a slot nobody wants
            release(calendar.account(), request.zone(), hold);
        }
        return hold;
    }

    private void release(CalcomAccount account, ZoneId zone, SlotHold hold) {
        if (holds.markReleased(hold.companyId(), hold.reservationUid())) {
            releaseInCalcom(account, zone, hold);
        }
    }

    private void releaseInCalcom(CalcomAccount account, ZoneId zone, SlotHold hold) {
        // nobody waits for a release; under a tight budget the reservation simply expires
        try (CalcomCallContext.Scope ignored = CalcomCallContext.background(null).bind()) {
            calcom.releaseReservation(account, hold.reservationUid());
            // what we cached hides a held slot only if it was fetched from Cal.com while the hold was there
            LocalDate day = hold.startsAt().atZone(zone).toLocalDate();
            if (fetchedUnderHold.asMap().remove(hold.companyId() + ":" + day) != null) {
                heldTimeFreed(hold, zone);
            }
        } catch (RuntimeException e) {
            log.info("Cal.com reservation {} of {} not released ({}); it expires at {}", hold.reservationUid(),
                    account.name(), e.getMessage(), hold.expiresAt());
        }
    }

    private HoldOutcome refusedOrNotHeld(Throwable failure) {
        if (failure instanceof CalcomException.SlotUnavailable taken) {
            return new Refused(taken.reason().name().toLowerCase());
        }
        if (failure instanceof CalcomException.BadRequest rejected && rejected.httpStatus() == 422) {
            // Cal.com answers 422 when the slot is booked or reserved by another user
            return new Refused("unprocessable");
        }
        if (failure instanceof CalcomException calcomFailure) {
            log.info("slot not held: {}", calcomFailure.getMessage());
            return new NotHeld(calcomFailure.getClass().getSimpleName());
        }
        log.warn("slot not held", failure);
        return new NotHeld("error");
    }

    private static boolean matches(SlotHold hold, long serviceId, @Nullable Long staffId, Instant start) {
        return hold.serviceId() == serviceId && Objects.equals(hold.staffId(), staffId) && hold.startsAt().equals(start);
    }

    private AtomicLong generation(long companyId, String retellCallId) {
        return generations.get(companyId + ":" + retellCallId, key -> new AtomicLong());
    }

    /** A caller asking for the held time next gets Cal.com's answer, not the day fetched while it was held. */
    private void heldTimeFreed(SlotHold hold, ZoneId zone) {
        AvailabilityService service = availability.getIfAvailable();
        if (service == null) {
            return;
        }
        Optional<io.slotline.tenancy.Service> held = tenants.activeService(hold.companyId(), hold.serviceId());
        int minutes = held.map(io.slotline.tenancy.Service::durationMinutes).orElse(0);
        // a reservation holds no particular host
        try {
            service.apply(BusyChange.freed(hold.companyId(), hold.startsAt(),
                    hold.startsAt().plus(Duration.ofMinutes(minutes)), zone,
                    held.map(io.slotline.tenancy.Service::calcomEventTypeId).orElse(null), null),
                    InvalidationSource.OWN_BOOKING);
        } catch (RuntimeException e) {
            log.warn("could not update availability of company {} after releasing {}", hold.companyId(),
                    hold.reservationUid(), e);
        }
    }

    @Override
    public void destroy() {
        executor.shutdown();
    }
}
