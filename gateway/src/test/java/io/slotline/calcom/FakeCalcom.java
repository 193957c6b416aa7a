package io.slotline.calcom;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A Cal.com stand-in for unit tests that counts slots requests. Every local day has hourly slots 09:00-16:00
 * (start + the query's duration, 30 min without one) minus the starts {@link #take(Instant) taken}. Requests can
 * be held at a gate until the test opens it, made to fail, or made to "take" time on the test's clock.
 */
public final class FakeCalcom implements CalcomApi {

    private final Clock clock;
    private final AtomicInteger slotsCalls = new AtomicInteger();
    private final List<SlotsQuery> queries = new CopyOnWriteArrayList<>();
    private final java.util.Map<Long, Integer> lengths = new java.util.concurrent.ConcurrentHashMap<>();
    private final Set<Instant> taken = ConcurrentHashMap.newKeySet();
    private volatile @Nullable CountDownLatch gate;
    private volatile CountDownLatch arrived = new CountDownLatch(0);
    private volatile @Nullable Supplier<RuntimeException> failure;
    private volatile @Nullable Runnable duringCall;
    private volatile @Nullable RateLimitStatus reported;
    private final AtomicInteger writeCalls = new AtomicInteger();

    public FakeCalcom(Clock clock) {
        this.clock = clock;
    }

    /** Requests block until {@link #open()}; {@link #awaitArrivals()} waits until {@code requests} got there. */
    public void holdRequests(int requests) {
        arrived = new CountDownLatch(requests);
        gate = new CountDownLatch(1);
    }

    public boolean awaitArrivals() throws InterruptedException {
        return arrived.await(10, TimeUnit.SECONDS);
    }

    public void open() {
        CountDownLatch current = gate;
        gate = null;
        if (current != null) {
            current.countDown();
        }
    }

    public void failWith(@Nullable Supplier<RuntimeException> failure) {
        this.failure = failure;
    }

    /** Runs inside every call after the gate, e.g. to move the test clock by the call's "duration". */
    public void duringCall(@Nullable Runnable action) {
        this.duringCall = action;
    }

    public void take(Instant start) {
        taken.add(start);
    }

    public void free(Instant start) {
        taken.remove(start);
    }

    public int slotsCalls() {
        return slotsCalls.get();
    }

    public List<SlotsQuery> queries() {
        return List.copyOf(queries);
    }

    public static Instant slotStart(LocalDate day, int hour, java.time.ZoneId zone) {
        return ZonedDateTime.of(day, LocalTime.of(hour, 0), zone).toInstant();
    }

    /** The answer is computed on arrival (like a response already on its way) and returned after the gate. */
    @Override
    public SlotsResult slots(CalcomAccount account, SlotsQuery query) {
        slotsCalls.incrementAndGet();
        // counted for the request on whose behalf it is made, as the HTTP client does
        UpstreamCounter.recordCall(0);
        queries.add(query);
        SlotsResult answer = answer(query);
        arrived.countDown();
        CountDownLatch current = gate;
        if (current != null) {
            try {
                if (!current.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("test never opened the gate");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CalcomException.Unavailable(
                        CalcomException.Origin.of(account.name(), "slots"),
                        CalcomException.Unavailable.Kind.IO_ERROR,
                        "interrupted",
                        e);
            }
        }
        Runnable action = duringCall;
        if (action != null) {
            action.run();
        }
        Supplier<RuntimeException> error = failure;
        if (error != null) {
            throw error.get();
        }
        return answer;
    }

    /** Like Cal.com, a slots request without a duration gets the event type's own length (30 unless set here). */
    public void eventTypeLength(long eventTypeId, int minutes) {
        lengths.put(eventTypeId, minutes);
    }

    private SlotsResult answer(SlotsQuery query) {
        int minutes = query.durationMinutes() != null
                ? query.durationMinutes()
                : query.eventType() instanceof EventTypeRef.ById byId
                        ? lengths.getOrDefault(byId.eventTypeId(), 30)
                        : 30;
        TreeMap<LocalDate, List<Slot>> days = new TreeMap<>();
        LocalDate first = LocalDate.ofInstant(query.start(), query.timeZone());
        LocalDate last = LocalDate.ofInstant(query.end(), query.timeZone());
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            List<Slot> slots = new ArrayList<>();
            for (int hour = 9; hour <= 16; hour++) {
                ZonedDateTime start = ZonedDateTime.of(day, LocalTime.of(hour, 0), query.timeZone());
                Instant startInstant = start.toInstant();
                if (!taken.contains(startInstant)
                        && !startInstant.isBefore(query.start())
                        && startInstant.isBefore(query.end())) {
                    slots.add(new Slot(
                            start.toOffsetDateTime(), start.plusMinutes(minutes).toOffsetDateTime()));
                }
            }
            days.put(day, slots);
        }
        return new SlotsResult(days, clock.instant());
    }

    public static CalcomException.Unavailable serverError(String account) {
        return new CalcomException.Unavailable(
                new CalcomException.Origin(account, "slots", 503, null, null),
                CalcomException.Unavailable.Kind.SERVER_ERROR,
                "Service Unavailable",
                null);
    }

    public static CalcomException.RateLimited rateLimited(String account, long resetSeconds) {
        return new CalcomException.RateLimited(
                new CalcomException.Origin(account, "slots", 429, "ThrottlerException", null),
                resetSeconds,
                "CustomThrottlerGuard - Too many requests. Please try again later.");
    }

    @Override
    public Booking createBooking(CalcomAccount account, CreateBooking request) {
        throw new UnsupportedOperationException("not faked");
    }

    @Override
    public Booking getBooking(CalcomAccount account, String uid) {
        throw new UnsupportedOperationException("not faked");
    }

    @Override
    public BookingPage listBookings(CalcomAccount account, BookingFilter filter) {
        throw new UnsupportedOperationException("not faked");
    }

    /** Counted in {@link #writeCalls()}: a change that reached Cal.com, answered "no such booking". */
    @Override
    public Booking cancel(CalcomAccount account, String uid, String reason) {
        writeCalls.incrementAndGet();
        throw new CalcomException.NotFound(
                new CalcomException.Origin(account.name(), "bookings_cancel", 404, null, null),
                "Booking with uid " + uid + " not found");
    }

    @Override
    public Booking reschedule(CalcomAccount account, String uid, Instant newStart, @Nullable String reason) {
        throw new UnsupportedOperationException("not faked");
    }

    @Override
    public Reservation reserve(
            CalcomAccount account,
            long eventTypeId,
            Instant slotStart,
            int slotDurationMinutes,
            int reservationMinutes) {
        throw new UnsupportedOperationException("not faked");
    }

    /** Counted in {@link #writeCalls()}; honours {@link #duringCall} and {@link #failWith}: a stand-in write. */
    @Override
    public void releaseReservation(CalcomAccount account, String reservationUid) {
        writeCalls.incrementAndGet();
        Runnable action = duringCall;
        if (action != null) {
            action.run();
        }
        Supplier<RuntimeException> error = failure;
        if (error != null) {
            throw error.get();
        }
    }

    @Override
    public List<EventType> eventTypes(CalcomAccount account) {
        throw new UnsupportedOperationException("not faked");
    }

    @Override
    public EventType eventType(CalcomAccount account, EventTypeKey key) {
        throw new UnsupportedOperationException("not faked");
    }

    @Override
    public List<EventType> userEventTypes(CalcomAccount account, String username) {
        throw new UnsupportedOperationException("not faked");
    }

    @Override
    public List<EventType> teamEventTypes(CalcomAccount account, long teamId) {
        throw new UnsupportedOperationException("not faked");
    }

    @Override
    public List<CalcomWebhook> eventTypeWebhooks(CalcomAccount account, EventTypeKey key) {
        throw new UnsupportedOperationException("not faked");
    }

    @Override
    public CalcomWebhook createEventTypeWebhook(
            CalcomAccount account, EventTypeKey key, String subscriberUrl, List<String> triggers, String secret) {
        throw new UnsupportedOperationException("not faked");
    }

    @Override
    public CalcomUser me(CalcomAccount account) {
        throw new UnsupportedOperationException("not faked");
    }

    @Override
    public List<CalcomTeam> teams(CalcomAccount account) {
        throw new UnsupportedOperationException("not faked");
    }

    @Override
    public Optional<RateLimitStatus> rateLimitStatus(String accountName) {
        return Optional.ofNullable(reported);
    }

    /** What Cal.com's rate-limit headers said last (null: nothing seen yet). */
    public void reportRateLimit(@Nullable RateLimitStatus status) {
        this.reported = status;
    }

    public int writeCalls() {
        return writeCalls.get();
    }
}
