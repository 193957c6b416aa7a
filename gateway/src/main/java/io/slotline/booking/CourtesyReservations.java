package io.slotline.booking;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
import io.slotline.tenancy.TenantDirectory;
import java.time.Duration;
import java.time.ZoneId;
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
import org.springframework.stereotype.Component;

/**
 * A hold's courtesy reservation in Cal.com (see {@link SlotHoldService} for why only some holds get one): made in
 * the background after the hold, waited for briefly by a quick "yes, book it", and released in the background when
 * the hold is given back. Background work throughout, dropped when the request budget or the queue is tight.
 */
@Component
class CourtesyReservations implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(CourtesyReservations.class);

    private final SlotHolds holds;
    private final CalcomApi calcom;
    private final ObjectProvider<AvailabilityService> availability;
    private final TenantDirectory tenants;
    private final EventTypeCatalog eventTypes;
    private final BookingProperties properties;
    private final ExecutorService executor;
    /** Per call, the courtesy reservation still on its way to Cal.com, so that a quick "yes, book it" can use it. */
    private final Cache<String, CompletableFuture<?>> pending = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(5))
            .maximumSize(50_000)
            .build();

    CourtesyReservations(
            SlotHolds holds,
            CalcomApi calcom,
            ObjectProvider<AvailabilityService> availability,
            TenantDirectory tenants,
            EventTypeCatalog eventTypes,
            BookingProperties properties) {
        this.holds = holds;
        this.calcom = calcom;
        this.availability = availability;
        this.tenants = tenants;
        this.eventTypes = eventTypes;
        this.properties = properties;
        AtomicInteger threads = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(
                4,
                4,
                60,
                TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(1_000),
                task -> {
                    Thread thread = new Thread(task, "slot-holds-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                },
                new ThreadPoolExecutor.AbortPolicy());
        pool.allowCoreThreadTimeOut(true);
        this.executor = pool;
    }

    /** See {@link SlotHoldService#awaitPending}. */
    void awaitPending(long companyId, String retellCallId, Duration max) {
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

    /**
     * Only a single host's event type (a personal one lists no hosts) whose host serves no team event type of the
     * company: Cal.com hides the reserved time in every event type of the user it records the reservation against,
     * which is then exactly the held host's time.
     */
    boolean fits(CalendarRef calendar, @Nullable String heldHost) {
        if (calendar.teamId() != null) {
            return false;
        }
        EventTypeShape shape = eventTypes.known(calendar.companyId(), calendar.bookingEventTypeId());
        if (shape == null || shape.hostUsernames().size() > 1) {
            return false;
        }
        String host = SlotHoldService.namesAHost(heldHost) ? CalendarRef.normalized(heldHost) : null;
        for (io.slotline.tenancy.Service service : tenants.activeServices(calendar.companyId())) {
            if (service.calcomEventTypeId() == null || service.calcomEventTypeId() == calendar.bookingEventTypeId()) {
                continue;
            }
            EventTypeShape other = eventTypes.known(calendar.companyId(), service.calcomEventTypeId());
            boolean team = service.calcomTeamId() != null
                    || (other != null && other.hostUsernames().size() > 1);
            if (!team) {
                continue;
            }
            if (host == null
                    || (other != null && other.hostUsernames().contains(host))
                    || tenants.staffForService(calendar.companyId(), service.id()).stream()
                            .anyMatch(staff -> staff.calcomUsername() != null
                                    && CalendarRef.normalized(staff.calcomUsername())
                                            .equals(host))) {
                return false;
            }
        }
        return true;
    }

    /** The hold was just taken: its courtesy reservation, when wanted and it {@link #fits}, in the background. */
    void reserve(SlotHoldService.HoldRequest request, SlotHold hold) {
        if (!request.courtesy() || !fits(request.calendar(), hold.host())) {
            return;
        }
        String callKey = request.companyId() + ":" + request.retellCallId();
        try {
            CompletableFuture<?> reservation = CompletableFuture.supplyAsync(
                    UpstreamCounter.wrap(() -> {
                        reserveNow(request, hold);
                        return hold;
                    }),
                    executor);
            pending.put(callKey, reservation);
            reservation.whenComplete((done, failure) -> pending.asMap().remove(callKey, reservation));
        } catch (RejectedExecutionException busy) {
            log.debug("no courtesy reservation for call {}: too much background work", request.retellCallId());
        }
    }

    private void reserveNow(SlotHoldService.HoldRequest request, SlotHold hold) {
        CalendarRef calendar = request.calendar();
        // a courtesy, never at the expense of live callers: dropped when only the live reserve of the budget is left
        try (CalcomCallContext.Scope ignored =
                CalcomCallContext.background(null).bind()) {
            Reservation reservation = calcom.reserve(
                    calendar.account(),
                    calendar.bookingEventTypeId(),
                    request.start(),
                    calendar.durationMinutes(),
                    properties.holdMinutes());
            if (!holds.attachReservation(hold.companyId(), hold.id(), reservation.uid())) {
                // the caller moved on (or hung up) while Cal.com was answering
                calcom.releaseReservation(calendar.account(), reservation.uid());
            }
        } catch (CalcomException e) {
            log.debug("no courtesy reservation for call {}: {}", request.retellCallId(), e.getMessage());
        }
    }

    /** The hold was given back: its courtesy reservation (if it has or gets one) is released in the background. */
    void releaseLater(CalcomAccount account, ZoneId zone, SlotHold hold) {
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
        try (CalcomCallContext.Scope ignored =
                CalcomCallContext.background(null).bind()) {
            calcom.releaseReservation(account, hold.get().reservationUid());
            // days fetched while the reservation stood hide the time: a caller asking for it next asks Cal.com
            heldTimeFreed(hold.get(), zone);
        } catch (RuntimeException e) {
            log.info(
                    "Cal.com reservation {} of {} not released ({}); it expires at {}",
                    hold.get().reservationUid(),
                    account.name(),
                    e.getMessage(),
                    hold.get().expiresAt());
        }
    }

    private void heldTimeFreed(SlotHold hold, ZoneId zone) {
        AvailabilityService service = availability.getIfAvailable();
        if (service == null) {
            return;
        }
        Optional<io.slotline.tenancy.Service> held = tenants.activeService(hold.companyId(), hold.serviceId());
        try {
            service.apply(
                    BusyChange.freed(
                            hold.companyId(),
                            hold.startsAt(),
                            hold.endsAt(),
                            zone,
                            held.map(io.slotline.tenancy.Service::calcomEventTypeId)
                                    .orElse(null),
                            SlotHoldService.namesAHost(hold.host()) ? hold.host() : null),
                    InvalidationSource.OWN_BOOKING);
        } catch (RuntimeException e) {
            log.warn(
                    "could not update availability of company {} after releasing hold {}",
                    hold.companyId(),
                    hold.id(),
                    e);
        }
    }

    @Override
    public void destroy() {
        executor.shutdown();
    }
}
