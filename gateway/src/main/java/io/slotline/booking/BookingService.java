package io.slotline.booking;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;

import io.slotline.appointments.Appointment;
import io.slotline.appointments.AppointmentChanges;
import io.slotline.appointments.AppointmentSteps;
import io.slotline.appointments.SlotHold;
import io.slotline.appointments.AppointmentSource;
import io.slotline.appointments.AppointmentStatus;
import io.slotline.appointments.Appointments;
import io.slotline.appointments.NewAppointment;
import io.slotline.availability.AvailabilityService;
import io.slotline.availability.BusyChange;
import io.slotline.availability.CalendarRef;
import io.slotline.availability.InvalidationSource;
import io.slotline.calcom.Booking;
import io.slotline.calcom.BookingFilter;
import io.slotline.calcom.BookingStatus;
import io.slotline.calcom.Attendee;
import io.slotline.calcom.CalcomAccount;
import io.slotline.calcom.CalcomApi;
import io.slotline.calcom.CalcomCallContext;
import io.slotline.calcom.CalcomException;
import io.slotline.calcom.CreateBooking;
import io.slotline.calcom.EventType;
import io.slotline.calcom.Host;
import io.slotline.calcom.UpstreamCounter;
import io.slotline.calls.CallbackRequests;
import io.slotline.calls.FunctionIdempotency;
import io.slotline.calls.IdempotencyRecord;
import io.slotline.calls.NewCallbackRequest;
import io.slotline.customers.Customers;
import io.slotline.tenancy.Branch;
import io.slotline.tenancy.Company;
import io.slotline.tenancy.Language;
import io.slotline.tenancy.Service;
import io.slotline.tenancy.Staff;
import io.slotline.tenancy.TenantDirectory;

/**
 * Books in Cal.com and records the result. Cal.com decides, never a cache: a slot that looked free may be gone.
 * <p>
 * Never twice: one call booking one service at one start is one request ({@link #requestKey}), whatever tool call
 * or retry it arrives in. Duplicates in this instance wait for the first attempt; duplicates elsewhere find its
 * claim. The key travels to Cal.com as metadata {@code slotlineRequestId}, and the attempt is written to the
 * database ({@link BookingAttempts}) before the request leaves: any attempt after one that may have reached Cal.com
 * (timeout, lost answer, crash between Cal.com's 201 and our insert) first looks the booking up by that key, and
 * {@link BookingReconciler} settles attempts nobody is waiting for.
 * <p>
 * Answers by a deadline: when Cal.com has not confirmed in time the booking goes on in the background and the
 * caller hears that the request is taken down ({@link Pending}, with a callback request that the outcome is noted
 * on).
 */
@org.springframework.stereotype.Service
public class BookingService implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(BookingService.class);
    static final String CLAIM_FUNCTION = "booking";
    private static final Duration LOOKUP_SLACK = Duration.ofMinutes(1);
    /** How often a duplicate polls for the outcome of an attempt another instance is making. */
    private static final Duration OTHER_ATTEMPT_POLL = Duration.ofMillis(200);
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final CalcomApi calcom;
    private final Appointments appointments;
    private final Customers customers;
    private final FunctionIdempotency claims;
    private final BookingAttempts attempts;
    private final CallbackRequests callbacks;
    private final SlotHoldService holds;
    private final ObjectProvider<AvailabilityService> availability;
    private final TenantDirectory tenants;
    private final Calendars calendars;
    private final BookingProperties properties;
    private final ConcurrentMap<String, CompletableFuture<BookingOutcome>> inFlight = new ConcurrentHashMap<>();
    private final EventTypeCatalog eventTypes;
    private final AppointmentSteps appointmentSteps;
    private final AppointmentChanges changes;
    /** Bookings run here so that the caller can be answered at the deadline while Cal.com is still asked. */
    private final ThreadPoolExecutor work;

    BookingService(CalcomApi calcom, Appointments appointments, Customers customers, FunctionIdempotency claims,
                   BookingAttempts attempts, CallbackRequests callbacks, SlotHoldService holds,
                   ObjectProvider<AvailabilityService> availability, TenantDirectory tenants, Calendars calendars,
                   BookingProperties properties, EventTypeCatalog eventTypes, AppointmentSteps appointmentSteps,
                   AppointmentChanges changes) {
        this.appointmentSteps = appointmentSteps;
        this.changes = changes;
        this.calcom = calcom;
        this.appointments = appointments;
        this.customers = customers;
        this.claims = claims;
        this.attempts = attempts;
        this.callbacks = callbacks;
        this.holds = holds;
        this.availability = availability;
        this.tenants = tenants;
        this.calendars = calendars;
        this.properties = properties;
        this.eventTypes = eventTypes;
        AtomicInteger threads = new AtomicInteger();
        // no queue: a booking waits for Cal.com, never for a thread; the cap only stops a runaway
        this.work = new ThreadPoolExecutor(0, 512, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), runnable -> {
            Thread thread = new Thread(runnable, "slotline-booking-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }, new ThreadPoolExecutor.AbortPolicy());
    }

    /**
     * @param phone          E.164; the customer record is kept by it
     * @param email          a real address the caller gave, or null
     * @param calendar       what to book: for "anyone", the host the call's hold took
     * @param holdId         the call's hold of this slot, if any
     * @param reservationUid the hold's courtesy reservation in Cal.com, if any
     */
    public record BookingRequest(Company company, long branchId, ZoneId zone, long callId, String retellCallId,
                                 Service service, @Nullable Staff staff, CalendarRef calendar, Instant start,
                                 String customerName, @Nullable String phone, @Nullable String email,
                                 @Nullable String notes, @Nullable Long holdId,
                                 @Nullable String reservationUid, List<StepBooking> steps,
                                 @Nullable Long replaces) {

        public BookingRequest(Company company, long branchId, ZoneId zone, long callId, String retellCallId,
                              Service service, @Nullable Staff staff, CalendarRef calendar, Instant start,
                              String customerName, @Nullable String phone, @Nullable String email,
                              @Nullable String notes, @Nullable Long holdId, @Nullable String reservationUid,
                              List<StepBooking> steps) {
            this(company, branchId, zone, callId, retellCallId, service, staff, calendar, start, customerName, phone,
                    email, notes, holdId, reservationUid, steps, null);
        }

        public BookingRequest(Company company, long branchId, ZoneId zone, long callId, String retellCallId,
                              Service service, @Nullable Staff staff, CalendarRef calendar, Instant start,
                              String customerName, @Nullable String phone, @Nullable String email,
                              @Nullable String notes, @Nullable Long holdId, @Nullable String reservationUid) {
            this(company, branchId, zone, callId, retellCallId, service, staff, calendar, start, customerName, phone,
                    email, notes, holdId, reservationUid, List.of());
        }

        public BookingRequest {
            steps = steps == null ? List.of() : List.copyOf(steps);
            Objects.requireNonNull(company, "company");
            Objects.requireNonNull(retellCallId, "retellCallId");
            Objects.requireNonNull(calendar, "calendar");
            Objects.requireNonNull(start, "start");
            if (customerName.isBlank()) {
                throw new IllegalArgumentException("customer name must not be blank");
            }
        }
    }

    /**
     * One step of a service in steps to book: the stylist (their own event type for the step, {@code calendar}) and
     * its time, as the call's holds took them.
     */
    public record StepBooking(int step, Staff staff, String host, CalendarRef calendar, Instant start, Instant end) {
    }

    public sealed interface BookingOutcome permits Booked, SlotTaken, MissingContact, Rejected, Unavailable,
            InProgress, Pending {
    }

    /**
     * @param staffName who does it, when known (asked for, or the host Cal.com assigned)
     * @param repeated  an earlier attempt of the same request had booked it already
     */
    public record Booked(Appointment appointment, @Nullable String staffName, boolean repeated)
            implements BookingOutcome {

        Booked asRepeated() {
            return new Booked(appointment, staffName, true);
        }
    }

    /** Cal.com refused the time: taken, held by another caller, too soon or too far ahead. Nothing was booked. */
    public record SlotTaken(CalcomException.SlotUnavailable.Reason reason) implements BookingOutcome {
    }

    /** Cal.com needs a phone number (or an email) the caller has not given. Nothing was sent. */
    public record MissingContact(String what) implements BookingOutcome {
    }

    /** Cal.com rejected the request for another reason (setup problem); retrying will not help. */
    public record Rejected(String detail) implements BookingOutcome {
    }

    /** Cal.com could not be asked or did not answer, and no booking of ours is there. A retry may succeed. */
    public record Unavailable(String detail) implements BookingOutcome {
    }

    /** The same request is being booked by another instance right now. */
    public record InProgress() implements BookingOutcome {
    }

    /**
     * Cal.com has not confirmed by the deadline: the booking goes on in the background (or is reconciled) and its
     * outcome is noted on the callback request, when one could be recorded.
     */
    public record Pending(@Nullable Long callbackRequestId) implements BookingOutcome {
    }

    /** One call, one service, one staff choice, one start: one booking. */
    public static String requestKey(String retellCallId, long serviceId, @Nullable Long staffId, Instant start) {
        return "booking:" + sha256(retellCallId + "|" + serviceId + "|" + (staffId == null ? "*" : staffId) + "|"
                + start);
    }

    /** Whether the call has booked this already (a repeated request, answered with that booking). */
    public boolean alreadyBooked(long companyId, String retellCallId, long serviceId, @Nullable Long staffId,
                                 Instant start) {
        return appointments.findByIdempotencyKey(companyId, requestKey(retellCallId, serviceId, staffId, start))
                .filter(appointment -> appointment.status().upcoming())
                .isPresent();
    }

    /** Books, however long Cal.com takes. */
    public BookingOutcome book(BookingRequest request) {
        return book(request, Duration.ofDays(1));
    }

    /**
     * Books, answering within {@code wait}: past it the attempt goes on in the background, the caller's promise is
     * recorded as a callback request and the answer is {@link Pending}. A repeat of a request still in flight (here
     * or on another instance) waits for that attempt within its own {@code wait}, never books again.
     */
    public BookingOutcome book(BookingRequest request, Duration wait) {
        long until = System.nanoTime() + Math.max(0, wait.toNanos());
        String key = currentKey(request);
        CompletableFuture<BookingOutcome> running = inFlight.get(key);
        boolean repeated = running != null;
        if (running == null) {
            CompletableFuture<BookingOutcome> mine = new CompletableFuture<>();
            running = inFlight.putIfAbsent(key, mine);
            repeated = running != null;
            if (running == null) {
                running = mine;
                start(request, key, mine);
            }
        }
        BookingOutcome outcome;
        try {
            outcome = running.get(Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return promise(request, key, running);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return promise(request, key, running);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        }
        if (outcome instanceof InProgress) {
            return awaitOtherInstance(request, key, until);
        }
        if (outcome instanceof Unavailable && stillPending(key)) {
            // Cal.com may have booked it without telling us: the caller hears the promise, not "unreachable"
            return promise(request, key, null);
        }
        return repeated && outcome instanceof Booked booked
                ? new Booked(booked.appointment(), booked.staffName(), true) : outcome;
    }

    private void start(BookingRequest request, String key, CompletableFuture<BookingOutcome> result) {
        Map<String, String> logContext = MDC.getCopyOfContextMap();
        Runnable task = UpstreamCounter.wrap(() -> {
            if (logContext != null) {
                MDC.setContextMap(logContext);
            }
            try (CalcomCallContext.Scope ignored = CalcomCallContext.live(null).bind()) {
                result.complete(bookClaimed(request, key));
            } catch (RuntimeException e) {
                log.error("booking {} of call {} failed", key, request.retellCallId(), e);
                result.completeExceptionally(e);
            } finally {
                inFlight.remove(key, result);
                MDC.clear();
            }
        });
        try {
            work.execute(task);
        } catch (RejectedExecutionException e) {
            inFlight.remove(key, result);
            result.complete(new Unavailable("too many bookings in flight"));
        }
    }

    private boolean stillPending(String key) {
        try {
            return attempts.find(key).map(a -> a.state() == BookingAttempt.State.PENDING).orElse(false);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Another instance holds the request's claim: it is booking right now, or it died after writing the attempt.
     * Look the booking up once (a crash after Cal.com's 201 leaves it there, unrecorded), then wait for the other
     * attempt's appointment; past {@code until} the caller hears the same promise as the first caller.
     */
    private BookingOutcome awaitOtherInstance(BookingRequest request, String key, long until) {
        long companyId = request.company().id();
        boolean lookedUp = false;
        while (true) {
            Optional<Appointment> done = appointments.findByIdempotencyKey(companyId, key);
            if (done.isPresent()) {
                return new Booked(done.get(), staffName(request, done.get().staffId()), true);
            }
            Optional<BookingAttempt> attempt = attempts.find(key);
            if (!lookedUp && attempt.isPresent() && attempt.get().state() == BookingAttempt.State.PENDING) {
                lookedUp = true;
                if (request.service().inSteps()) {
                    // the other attempt books step by step: it (or the reconciler) records or compensates
                    continue;
                }
                Optional<Booking> ours = findOursQuietly(request, key);
                if (ours.isPresent()) {
                    log.info("booking {} of call {} was made by an attempt that never recorded it", ours.get().uid(),
                            request.retellCallId());
                    return record(request, key, ours.get()).asRepeated();
                }
            }
            if (claims.find(key, companyId).isEmpty()) {
                // the other attempt gave up without booking: this one may try
                return book(request, Duration.ofNanos(Math.max(0, until - System.nanoTime())));
            }
            if (until - System.nanoTime() < OTHER_ATTEMPT_POLL.toNanos()) {
                return promise(request, key, null);
            }
            try {
                Thread.sleep(OTHER_ATTEMPT_POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return promise(request, key, null);
            }
        }
    }

    /**
     * The caller is told the request is taken down: a callback request records that promise and is tied to the
     * attempt, so that whoever settles it notes the outcome there. One promise per attempt, however often the
     * caller asks again. When the attempt settled meanwhile, its outcome is the answer after all.
     */
    private BookingOutcome promise(BookingRequest request, String key,
                                   @Nullable CompletableFuture<BookingOutcome> running) {
        long companyId = request.company().id();
        try {
            Optional<BookingAttempt> attempt = attempts.find(key);
            if (attempt.isPresent() && attempt.get().state() == BookingAttempt.State.PENDING
                    && attempt.get().callbackRequestId() != null) {
                return new Pending(attempt.get().callbackRequestId());
            }
            long callbackId = callbacks.create(new NewCallbackRequest(companyId, request.branchId(),
                    request.callId(), null, request.customerName(), request.phone(), promiseText(request),
                    request.start().atZone(request.zone()).format(LOCAL_TIME))).id();
            if (attempts.promise(request, key, callbackId)) {
                return new Pending(callbackId);
            }
            // settled between our look and our promise: answer with the outcome and say so on the callback
            Optional<Appointment> booked = appointments.findByIdempotencyKey(companyId, key);
            if (booked.isPresent()) {
                callbacks.noteOutcome(companyId, callbackId, booked.get().id(),
                        bookedText(request.company().language(), booked.get()) + answeredInCall(request));
                callbacks.markDone(companyId, callbackId);
                return new Booked(booked.get(), staffName(request, booked.get().staffId()), false);
            }
            if (running != null && running.isDone() && !running.isCompletedExceptionally()) {
                callbacks.noteOutcome(companyId, callbackId, null, notBookedText(request.company().language(),
                        "answered in the call") + answeredInCall(request));
                callbacks.markDone(companyId, callbackId);
                return running.join();
            }
            return new Pending(callbackId);
        } catch (RuntimeException e) {
            // the database is away too: the caller still hears the promise; the attempt row (if it was written)
            // is reconciled later, and the Cal.com webhook records a booking made meanwhile
            log.warn("could not record the promise for booking {} of call {}: {}", key, request.retellCallId(),
                    e.toString());
            return new Pending(null);
        }
    }

    /**
     * The request's key; when the booking made under it was cancelled in the meantime (booked, cancelled, booked
     * again in one call), the next free variant of it.
     */
    private String currentKey(BookingRequest request) {
        String key = requestKey(request.retellCallId(), request.service().id(),
                request.staff() == null ? null : request.staff().id(), request.start())
                + (request.replaces() == null ? "" : ":moves:" + request.replaces());
        for (int round = 0; round < 10; round++) {
            Optional<Appointment> earlier = appointments.findByIdempotencyKey(request.company().id(), key);
            if (earlier.isEmpty() || earlier.get().status().upcoming()) {
                return key;
            }
            key = requestKey(request.retellCallId(), request.service().id(),
                    request.staff() == null ? null : request.staff().id(), request.start())
                    + (request.replaces() == null ? "" : ":moves:" + request.replaces()) + ":" + earlier.get().id();
        }
        return key;
    }

    private BookingOutcome bookClaimed(BookingRequest request, String key) {
        long companyId = request.company().id();
        Optional<Appointment> done = appointments.findByIdempotencyKey(companyId, key);
        if (done.isPresent()) {
            if (request.replaces() != null) {
                // a move recorded before: what is left of the old steps goes now (a crash may have stopped it)
                appointments.findById(companyId, request.replaces()).ifPresent(previous -> changes.cancelStepsOf(
                        request.company(), request.zone(), previous, request.company().language() == Language.DE
                                ? "Verschoben" : "Moved"));
            }
            return new Booked(done.get(), staffName(request, done.get().staffId()), true);
        }
        Optional<IdempotencyRecord> other = claims.tryBegin(key, companyId, CLAIM_FUNCTION);
        if (other.isPresent()) {
            return appointments.findByIdempotencyKey(companyId, key)
                    .<BookingOutcome>map(a -> new Booked(a, staffName(request, a.staffId()), true))
                    .orElseGet(InProgress::new);
        }
        BookingOutcome outcome;
        try {
            outcome = attempt(request, key);
        } catch (RuntimeException e) {
            claims.delete(key, companyId);
            throw e;
        }
        if (outcome instanceof Booked booked) {
            claims.complete(key, companyId, "{\"appointmentId\":" + booked.appointment().id() + "}");
        } else {
            claims.delete(key, companyId);
        }
        return outcome;
    }

    private BookingOutcome attempt(BookingRequest request, String key) {
        if (request.service().inSteps()) {
            return attemptSteps(request, key);
        }
        CalendarRef calendar = request.calendar();
        // the booking fields decide whether an email is required; unknown (Cal.com not answering) means "assume so"
        EventType eventType = eventTypes.get(calendar);
        if (eventType != null && eventType.isSeated()) {
            // a seat is part of a booking shared with other callers (one uid, a seat uid each): booking and
            // cancelling whole bookings would merge or cancel other callers' seats; the Cal.com check says so
            log.warn("booking for call {} refused: event type {} is seated", request.retellCallId(), eventType.id());
            settleNotBooked(request, key, "seated event type " + eventType.id());
            return new Rejected("event type " + eventType.id() + " is seated");
        }
        AttendeeFactory.Result attendee = AttendeeFactory.attendee(request.customerName(), request.phone(),
                request.email(), request.zone(), request.company().language(),
                eventType == null || eventType.requiresEmail(), eventType != null && eventType.requiresPhone(),
                properties.placeholderEmailDomain());
        if (attendee instanceof AttendeeFactory.Incomplete incomplete) {
            settleNotBooked(request, key, "missing " + incomplete.missing().name().toLowerCase());
            return new MissingContact(incomplete.missing().name().toLowerCase());
        }
        // written before the request leaves: whatever happens after, the key can be looked up in Cal.com
        Optional<BookingAttempt> earlier = attempts.begin(request, key);
        if (earlier.isPresent() && earlier.get().state() == BookingAttempt.State.PENDING) {
            try {
                Optional<Booking> ours = findOurs(request, key);
                if (ours.isPresent()) {
                    log.info("booking {} of call {} was made by an earlier attempt", ours.get().uid(),
                            request.retellCallId());
                    return record(request, key, ours.get());
                }
            } catch (CalcomException e) {
                return new Unavailable("lookup: " + e.getMessage());
            }
        }
        CreateBooking create = CreateBooking.of(calendar.eventTypeRef(), request.start(),
                ((AttendeeFactory.Ready) attendee).attendee(), key);
        if (eventType != null && eventType.hasMultipleLengths()
                && eventType.lengthInMinutes() != calendar.durationMinutes()
                && eventType.lengthOptions().contains(calendar.durationMinutes())) {
            // Cal.com refuses lengthInMinutes for a single-length event type; among several it picks the length
            create = create.withLengthInMinutes(calendar.durationMinutes());
        }
        if (request.reservationUid() != null) {
            create = create.withReservedSlotUid(request.reservationUid());
        }
        if (request.notes() != null) {
            create = create.withBookingFieldsResponses(Map.of("notes", request.notes()));
        }
        try {
            return record(request, key, calcom.createBooking(calendar.account(), create));
        } catch (CalcomException.SlotUnavailable taken) {
            // not our own earlier booking: none was sent before under this key, or the lookup above found none;
            // the caller's alternatives are read from Cal.com again for this calendar and day
            log.info("slot {} of call {} not bookable: {}", request.start(), request.retellCallId(), taken.reason());
            settleNotBooked(request, key, "slot " + taken.reason().name().toLowerCase());
            if (calendar.staffUsername() != null) {
                // the host asked for (or held for "anyone") is busy then, whatever we knew
                tellAvailability(request, BusyChange.booked(request.company().id(), request.start(),
                        request.start().plus(Duration.ofMinutes(request.service().durationMinutes())), request.zone(),
                        calendar.eventTypeId(), calendar.staffUsername()));
            }
            return new SlotTaken(taken.reason());
        } catch (CalcomException.Unavailable | CalcomException.RateLimited e) {
            // no readable answer (timeout, broken connection or body) may hide a booking Cal.com made: the attempt
            // stays pending for the reconciler; Cal.com's own error answer, or a request never sent, cannot
            if (outcomeUnknown(e)) {
                Optional<Booking> ours = findOursQuietly(request, key);
                if (ours.isPresent()) {
                    return record(request, key, ours.get());
                }
            } else {
                settleNotBooked(request, key, "Cal.com: " + e.getMessage());
            }
            log.warn("booking for call {} failed, Cal.com unavailable: {}", request.retellCallId(), e.getMessage());
            return new Unavailable(e.getMessage());
        } catch (CalcomException.Unauthorized e) {
            log.error("booking for call {}: Cal.com refuses the company's API key: {}", request.retellCallId(),
                    e.getMessage());
            settleNotBooked(request, key, "Cal.com refused the API key");
            return new Unavailable(e.getMessage());
        } catch (CalcomException.BadRequest | CalcomException.NotFound e) {
            log.warn("booking for call {} rejected by Cal.com: {}", request.retellCallId(), e.getMessage());
            settleNotBooked(request, key, "rejected by Cal.com");
            return new Rejected(e.getMessage());
        }
    }

    private static boolean outcomeUnknown(CalcomException e) {
        return e instanceof CalcomException.Unavailable unavailable
                && (unavailable.kind() == CalcomException.Unavailable.Kind.TIMEOUT
                || unavailable.kind() == CalcomException.Unavailable.Kind.IO_ERROR
                || unavailable.kind() == CalcomException.Unavailable.Kind.MALFORMED_RESPONSE);
    }

    // ---- reconciliation

    /** What became of an attempt the reconciler looked at. */
    enum Settled { BOOKED, NOT_BOOKED, STILL_PENDING }

    /**
     * Settles a pending attempt that nobody is waiting for: the booking Cal.com holds under its key is recorded
     * once; none there (and the attempt is older than any request could still be on its way) means it was never
     * made, and the claim of the instance that gave up or died is released so that a retry may book.
     */
    Settled reconcile(BookingAttempt attempt, boolean mayGiveUp) {
        if (inFlight.containsKey(attempt.key())) {
            return Settled.STILL_PENDING; // this instance is still waiting for Cal.com's answer
        }
        Optional<BookingRequest> rebuilt = rebuild(attempt);
        if (rebuilt.isEmpty()) {
            log.warn("booking attempt {} refers to a company, service or staff member that is gone", attempt.key());
            return mayGiveUp ? giveUp(attempt, null, "the service or staff member no longer exists")
                    : Settled.STILL_PENDING;
        }
        BookingRequest request = rebuilt.get();
        if (request.service().inSteps() || !attempts.steps(attempt.key()).isEmpty()) {
            return reconcileSteps(attempt, request, mayGiveUp);
        }
        Optional<Booking> ours;
        try {
            ours = findOurs(request, attempt.key());
        } catch (CalcomException e) {
            log.info("booking attempt {} stays pending, Cal.com lookup failed: {}", attempt.key(), e.getMessage());
            return Settled.STILL_PENDING;
        }
        if (ours.isPresent()) {
            Booked booked = record(request, attempt.key(), ours.get());
            claims.complete(attempt.key(), attempt.companyId(),
                    "{\"appointmentId\":" + booked.appointment().id() + "}");
            log.info("reconciled booking {} of call {} as appointment {}", ours.get().uid(), attempt.retellCallId(),
                    booked.appointment().id());
            return Settled.BOOKED;
        }
        return mayGiveUp ? giveUp(attempt, request, "Cal.com has no booking for this request")
                : Settled.STILL_PENDING;
    }

    private Settled giveUp(BookingAttempt attempt, @Nullable BookingRequest request, String why) {
        Optional<BookingAttempt> settled = attempts.settleNotBooked(attempt.key());
        if (settled.isPresent()) {
            claims.delete(attempt.key(), attempt.companyId());
            Language language = tenants.company(attempt.companyId()).map(Company::language).orElse(Language.DE);
            noteCallback(settled.get(), null, notBookedText(language, why));
            log.info("booking attempt {} of call {} settled as not booked: {}", attempt.key(),
                    attempt.retellCallId(), why);
        }
        return Settled.NOT_BOOKED;
    }

    private Optional<BookingRequest> rebuild(BookingAttempt attempt) {
        Optional<Company> company = tenants.company(attempt.companyId());
        Optional<Branch> branch = tenants.branch(attempt.companyId(), attempt.branchId());
        Optional<Service> service = tenants.allServices(attempt.companyId()).stream()
                .filter(s -> s.id() == attempt.serviceId()).findFirst();
        if (company.isEmpty() || branch.isEmpty() || service.isEmpty()) {
            return Optional.empty();
        }
        Staff staff = null;
        if (attempt.staffId() != null) {
            staff = tenants.allStaff(attempt.companyId()).stream()
                    .filter(s -> s.id() == attempt.staffId()).findFirst().orElse(null);
            if (staff == null || !calendars.bookable(service.get(), staff)) {
                return Optional.empty();
            }
        }
        try {
            CalendarRef calendar = calendars.of(company.get(), service.get(), staff);
            List<StepBooking> steps = new ArrayList<>();
            for (BookingAttempts.StepRow row : attempts.steps(attempt.key())) {
                Optional<Staff> stylist = tenants.allStaff(attempt.companyId()).stream()
                        .filter(s -> s.id() == row.staffId()).findFirst();
                if (stylist.isEmpty() || row.step() >= service.get().steps().size()) {
                    return Optional.empty();
                }
                steps.add(new StepBooking(row.step(), stylist.get(), row.host(),
                        calendars.ofStep(company.get(), service.get(), row.step(), stylist.get()), row.start(),
                        row.end()));
            }
            return Optional.of(new BookingRequest(company.get(), attempt.branchId(), branch.get().timeZone(),
                    attempt.callId(), attempt.retellCallId(), service.get(), staff, calendar, attempt.start(),
                    attempt.customerName(), attempt.phone(), attempt.email(), attempt.notes(), null,
                    attempt.reservationUid(), steps, attempt.replacesAppointmentId()));
        } catch (CalcomException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    // ---- a service in steps: one booking per step, in order, compensated when a later one is refused

    /**
     * Books every step in order, each under its own request id ({@code <key>#<step>}): the plan is written before
     * the first step leaves, each step is marked as sent before it leaves, and a step that an earlier attempt may
     * have sent is looked up in Cal.com first, so that no step is ever booked twice. When Cal.com refuses a later
     * step, the earlier ones are cancelled again ({@link #compensate}) and nothing is booked; when its answer is
     * lost, the attempt stays pending for a retry or {@link BookingReconciler}, which completes or compensates it.
     */
    private BookingOutcome attemptSteps(BookingRequest request, String key) {
        // the first step's booking fields decide what the caller must give (every step books the same attendee)
        CalendarRef first = request.steps().isEmpty() ? request.calendar() : request.steps().get(0).calendar();
        EventType eventType = eventTypes.get(first);
        AttendeeFactory.Result attendee = AttendeeFactory.attendee(request.customerName(), request.phone(),
                request.email(), request.zone(), request.company().language(),
                eventType == null || eventType.requiresEmail(), eventType != null && eventType.requiresPhone(),
                properties.placeholderEmailDomain());
        if (attendee instanceof AttendeeFactory.Incomplete incomplete) {
            settleNotBooked(request, key, "missing " + incomplete.missing().name().toLowerCase());
            return new MissingContact(incomplete.missing().name().toLowerCase());
        }
        Optional<BookingAttempt> earlier = attempts.begin(request, key);
        if (earlier.isPresent() && earlier.get().state() == BookingAttempt.State.NOT_BOOKED) {
            // settled before with nothing left in Cal.com (refused, or compensated): this attempt plans anew
            attempts.restartSteps(key);
            earlier = Optional.empty();
        }
        attempts.planSteps(key, request.steps());
        // the plan stored first is the one booked: a retry after a crash books no second plan
        BookingRequest planned = request;
        List<BookingAttempts.StepRow> rows = attempts.steps(key);
        if (rows.size() != request.service().steps().size()) {
            settleNotBooked(request, key, "the steps of the service are not planned");
            return new Rejected("no plan for the steps of service " + request.service().id());
        }
        if (!samePlan(rows, request.steps())) {
            Optional<BookingRequest> stored = rebuildSteps(request, rows);
            if (stored.isEmpty()) {
                return new Rejected("the stored plan of request " + key + " names a stylist who is gone");
            }
            planned = stored.get();
        }
        if (earlier.isPresent() && earlier.get().compensating()) {
            return compensate(planned, key, "an earlier attempt was refused")
                    ? new SlotTaken(CalcomException.SlotUnavailable.Reason.TAKEN)
                    : new Unavailable("compensation not finished");
        }
        Attendee who = ((AttendeeFactory.Ready) attendee).attendee();
        for (StepBooking step : planned.steps()) {
            BookingAttempts.StepRow row = rows.get(step.step());
            if (row.state() == BookingAttempts.StepState.BOOKED) {
                continue;
            }
            if (row.state() == BookingAttempts.StepState.CANCELLED) {
                // compensated before: this request books nothing any more
                return compensate(planned, key, "an earlier attempt was refused")
                        ? new SlotTaken(CalcomException.SlotUnavailable.Reason.TAKEN)
                        : new Unavailable("compensation not finished");
            }
            if (row.state() == BookingAttempts.StepState.PENDING) {
                try {
                    Optional<Booking> sent = findStep(planned, step, row.requestId());
                    if (sent.isPresent()) {
                        attempts.stepBooked(key, step.step(), sent.get().uid());
                        continue;
                    }
                } catch (CalcomException e) {
                    return new Unavailable("lookup: " + e.getMessage());
                }
            }
            if (attempts.compensating(key)) {
                // the reconciler (or another attempt) gave this one up meanwhile: book nothing more, undo the rest
                return compensate(planned, key, "given up while booking")
                        ? new Unavailable("the attempt was given up") : new Unavailable("compensation not finished");
            }
            attempts.stepSending(key, step.step());
            CreateBooking create = CreateBooking.of(step.calendar().eventTypeRef(), step.start(), who,
                    row.requestId());
            if (planned.notes() != null) {
                create = create.withBookingFieldsResponses(Map.of("notes", planned.notes()));
            }
            try {
                Booking booking = calcom.createBooking(step.calendar().account(), create);
                attempts.stepBooked(key, step.step(), booking.uid());
                tellAvailability(planned, BusyChange.booked(planned.company().id(), booking.start(), booking.end(),
                        planned.zone(), step.calendar().eventTypeId(), step.host()));
            } catch (CalcomException.SlotUnavailable taken) {
                log.info("step {} of booking {} (call {}) not bookable: {}", step.step(), key,
                        planned.retellCallId(), taken.reason());
                attempts.stepNotBooked(key, step.step());
                tellAvailability(planned, BusyChange.booked(planned.company().id(), step.start(), step.end(),
                        planned.zone(), step.calendar().eventTypeId(), step.host()));
                compensate(planned, key, "step " + (step.step() + 1) + " refused: " + taken.reason());
                return new SlotTaken(taken.reason());
            } catch (CalcomException.Unavailable | CalcomException.RateLimited e) {
                if (outcomeUnknown(e)) {
                    Optional<Booking> ours = findStepQuietly(planned, step, row.requestId());
                    if (ours.isPresent()) {
                        attempts.stepBooked(key, step.step(), ours.get().uid());
                        continue;
                    }
                    // Cal.com may hold it: a retry or the reconciler looks it up, then books on or compensates
                    log.warn("step {} of booking {} (call {}): outcome unknown: {}", step.step(), key,
                            planned.retellCallId(), e.getMessage());
                    return new Unavailable(e.getMessage());
                }
                attempts.stepNotBooked(key, step.step());
                compensate(planned, key, "step " + (step.step() + 1) + ": Cal.com " + e.getMessage());
                return new Unavailable(e.getMessage());
            } catch (CalcomException.Unauthorized | CalcomException.BadRequest | CalcomException.NotFound e) {
                log.warn("step {} of booking {} (call {}) rejected by Cal.com: {}", step.step(), key,
                        planned.retellCallId(), e.getMessage());
                attempts.stepNotBooked(key, step.step());
                compensate(planned, key, "step " + (step.step() + 1) + " rejected by Cal.com");
                return e instanceof CalcomException.Unauthorized ? new Unavailable(e.getMessage())
                        : new Rejected(e.getMessage());
            }
        }
        if (attempts.compensating(key)) {
            compensate(planned, key, "given up while booking");
            return new Unavailable("the attempt was given up");
        }
        return recordSteps(planned, key, attempts.steps(key));
    }

    private static boolean samePlan(List<BookingAttempts.StepRow> rows, List<StepBooking> steps) {
        if (rows.size() != steps.size()) {
            return false;
        }
        for (int i = 0; i < rows.size(); i++) {
            BookingAttempts.StepRow row = rows.get(i);
            StepBooking step = steps.get(i);
            if (row.staffId() != step.staff().id() || !row.start().equals(step.start())
                    || !row.end().equals(step.end())) {
                return false;
            }
        }
        return true;
    }

    private Optional<BookingRequest> rebuildSteps(BookingRequest request, List<BookingAttempts.StepRow> rows) {
        List<StepBooking> steps = new ArrayList<>();
        for (BookingAttempts.StepRow row : rows) {
            Optional<Staff> stylist = tenants.allStaff(request.company().id()).stream()
                    .filter(s -> s.id() == row.staffId()).findFirst();
            if (stylist.isEmpty()) {
                return Optional.empty();
            }
            steps.add(new StepBooking(row.step(), stylist.get(), row.host(),
                    calendars.ofStep(request.company(), request.service(), row.step(), stylist.get()), row.start(),
                    row.end()));
        }
        return Optional.of(new BookingRequest(request.company(), request.branchId(), request.zone(),
                request.callId(), request.retellCallId(), request.service(), request.staff(), request.calendar(),
                request.start(), request.customerName(), request.phone(), request.email(), request.notes(),
                request.holdId(), request.reservationUid(), steps, request.replaces()));
    }

    /**
     * Cancels every step Cal.com holds under the attempt (booked ones by their uid, sent ones looked up by their
     * request id), in reverse order, then settles the attempt as not booked. Idempotent and recorded: the attempt is
     * marked compensating first and each step as cancelled once Cal.com confirms, so a crash halfway is finished by
     * the next retry or the reconciler.
     *
     * @return true when nothing of the attempt is left in Cal.com
     */
    private boolean compensate(BookingRequest request, String key, String why) {
        attempts.markCompensating(key);
        boolean done = true;
        List<BookingAttempts.StepRow> rows = new ArrayList<>(attempts.steps(key));
        java.util.Collections.reverse(rows);
        for (BookingAttempts.StepRow row : rows) {
            switch (row.state()) {
                case CANCELLED, NOT_BOOKED -> {
                    continue;
                }
                case PLANNED -> {
                    attempts.stepCancelled(key, row.step());
                    continue;
                }
                default -> {
                }
            }
            StepBooking step = request.steps().stream().filter(s -> s.step() == row.step()).findFirst().orElse(null);
            String uid = row.bookingUid();
            if (uid == null && step != null) {
                try {
                    uid = findStep(request, step, row.requestId()).map(Booking::uid).orElse(null);
                } catch (CalcomException e) {
                    done = false;
                    continue;
                }
            }
            if (uid == null) {
                attempts.stepCancelled(key, row.step());
                continue;
            }
            if (cancelStep(request, uid, why)) {
                attempts.stepCancelled(key, row.step());
                tellAvailability(request, BusyChange.freed(request.company().id(), row.start(), row.end(),
                        request.zone(), step == null ? null : step.calendar().eventTypeId(), row.host()));
                log.info("step {} of booking {} (call {}) cancelled again: {}", row.step(), key,
                        request.retellCallId(), why);
            } else {
                done = false;
            }
        }
        if (done) {
            settleNotBooked(request, key, why + "; the steps booked before were cancelled again");
        }
        return done;
    }

    /** Cancels one step's booking; true when Cal.com has it cancelled (now or before). */
    private boolean cancelStep(BookingRequest request, String uid, String why) {
        CalcomAccount account = request.calendar().account();
        String reason = request.company().language() == Language.DE
                ? "Automatisch storniert: ein späterer Schritt des Termins war nicht buchbar (" + why + ")"
                : "Cancelled automatically: a later step of the appointment could not be booked (" + why + ")";
        try {
            calcom.cancel(account, uid, reason.length() > 500 ? reason.substring(0, 500) : reason);
            return true;
        } catch (CalcomException.BadRequest | CalcomException.NotFound | CalcomException.SlotUnavailable e) {
            try {
                return calcom.getBooking(account, uid).status() == BookingStatus.CANCELLED;
            } catch (CalcomException lookup) {
                return false;
            }
        } catch (CalcomException e) {
            log.warn("could not cancel step booking {} of company {}: {}", uid, request.company().slug(),
                    e.getMessage());
            return false;
        }
    }

    private Settled reconcileSteps(BookingAttempt attempt, BookingRequest request, boolean mayGiveUp) {
        String key = attempt.key();
        List<BookingAttempts.StepRow> rows = attempts.steps(key);
        if (rows.isEmpty()) {
            // nothing was planned, so nothing was sent
            return mayGiveUp ? giveUp(attempt, request, "no step was sent") : Settled.STILL_PENDING;
        }
        if (attempt.compensating()) {
            return compensate(request, key, "an earlier attempt was refused") ? Settled.NOT_BOOKED
                    : Settled.STILL_PENDING;
        }
        try {
            for (BookingAttempts.StepRow row : rows) {
                if (row.state() == BookingAttempts.StepState.PENDING) {
                    StepBooking step = request.steps().get(row.step());
                    Optional<Booking> sent = findStep(request, step, row.requestId());
                    if (sent.isPresent()) {
                        attempts.stepBooked(key, row.step(), sent.get().uid());
                    } else if (mayGiveUp) {
                        attempts.stepNotBooked(key, row.step());
                    }
                }
            }
        } catch (CalcomException e) {
            log.info("booking attempt {} stays pending, Cal.com lookup failed: {}", key, e.getMessage());
            return Settled.STILL_PENDING;
        }
        List<BookingAttempts.StepRow> now = attempts.steps(key);
        if (now.stream().allMatch(row -> row.state() == BookingAttempts.StepState.BOOKED)) {
            BookingOutcome recorded = recordSteps(request, key, now);
            if (recorded instanceof Booked booked) {
                claims.complete(key, attempt.companyId(), "{\"appointmentId\":" + booked.appointment().id() + "}");
                log.info("reconciled booking {} of call {} (in steps) as appointment {}", key,
                        attempt.retellCallId(), booked.appointment().id());
                return Settled.BOOKED;
            }
            return Settled.STILL_PENDING;
        }
        if (!mayGiveUp) {
            return Settled.STILL_PENDING;
        }
        // half booked and nobody books on: nothing may be left of it
        if (compensate(request, key, "not every step was booked")) {
            claims.delete(key, attempt.companyId());
            return Settled.NOT_BOOKED;
        }
        return Settled.STILL_PENDING;
    }

    /** All steps are booked: one appointment from the first step's start to the last step's end, with its steps. */
    private BookingOutcome recordSteps(BookingRequest request, String key, List<BookingAttempts.StepRow> rows) {
        long companyId = request.company().id();
        Long customerId = null;
        if (request.phone() != null) {
            customerId = customers.upsertByPhone(companyId, request.phone(), request.customerName(), request.email())
                    .id();
        }
        BookingAttempts.StepRow first = rows.get(0);
        BookingAttempts.StepRow last = rows.get(rows.size() - 1);
        Long staffId = request.staff() != null ? request.staff().id() : first.staffId();
        NewAppointment appointment = new NewAppointment(companyId, request.branchId(), request.service().id(),
                staffId, customerId, request.callId(), first.start(), last.end(), first.bookingUid(),
                AppointmentStatus.BOOKED, AppointmentSource.PHONE, key, request.notes());
        Appointments.Saved saved;
        Optional<Appointment> previous = Optional.empty();
        if (request.replaces() != null) {
            previous = appointments.findById(companyId, request.replaces());
            try {
                saved = appointments.insertRescheduled(companyId, request.replaces(), appointment);
            } catch (IllegalStateException gone) {
                // the old appointment was cancelled or moved meanwhile: the new steps must not stay behind
                log.info("move {} of appointment {}: {}", key, request.replaces(), gone.getMessage());
                compensate(request, key, "the appointment to move is no longer upcoming");
                return new Rejected(gone.getMessage());
            }
        } else {
            saved = appointments.insert(appointment);
        }
        appointmentSteps.insertAll(companyId, saved.appointment().id(), rows.stream()
                .map(row -> new AppointmentSteps.NewStep(row.step(), row.staffId(), row.start(), row.end(),
                        Objects.requireNonNull(row.bookingUid(), "booked step without uid")))
                .toList());
        for (SlotHold hold : holds.stepsHeldFor(companyId, request.retellCallId(), request.service().id(),
                request.staff() == null ? null : request.staff().id(), first.start())) {
            holds.markBooked(companyId, hold.id());
        }
        holds.releaseOthers(request.calendar().account(), request.zone(), request.retellCallId(), companyId, null);
        attempts.settleBooked(key, saved.appointment().id()).ifPresent(settled -> noteCallback(settled,
                saved.appointment().id(), bookedText(request.company().language(), saved.appointment())));
        if (previous.isPresent()) {
            // every new step is booked: now the old ones go (a crash before this is finished by a retry, which
            // finds the move recorded and cancels what is left of the old steps)
            String reason = request.company().language() == Language.DE
                    ? "Verschoben auf " + first.start().atZone(request.zone()).format(LOCAL_TIME)
                    : "Moved to " + first.start().atZone(request.zone()).format(LOCAL_TIME);
            if (!changes.cancelStepsOf(request.company(), request.zone(), previous.get(), reason)) {
                appointmentSteps.markAttention(companyId, saved.appointment().id(), "moved from appointment "
                        + previous.get().id() + ", but not all of its steps could be cancelled in Cal.com");
            }
        }
        String staffName = tenants.allStaff(companyId).stream().filter(s -> s.id() == staffId).map(Staff::name)
                .findFirst().orElse(null);
        return new Booked(saved.appointment(), staffName, !saved.created());
    }

    /** A step's booking that an attempt sent under {@code requestId}, if Cal.com holds it. */
    private Optional<Booking> findStep(BookingRequest request, StepBooking step, String requestId) {
        BookingFilter filter = BookingFilter.none()
                .withAttendeeName(request.customerName())
                .withEventTypeIds(new Long[] {step.calendar().bookingEventTypeId()})
                .withinWindow(step.start().minus(LOOKUP_SLACK), step.end().plus(LOOKUP_SLACK));
        return calcom.listBookings(step.calendar().account(), filter).bookings().stream()
                .filter(booking -> requestId.equals(booking.slotlineRequestId()))
                .filter(booking -> booking.status() != BookingStatus.CANCELLED
                        && booking.status() != BookingStatus.REJECTED)
                .findFirst();
    }

    private Optional<Booking> findStepQuietly(BookingRequest request, StepBooking step, String requestId) {
        try {
            return findStep(request, step, requestId);
        } catch (CalcomException e) {
            log.warn("could not look up step {} of call {}: {}", requestId, request.retellCallId(), e.getMessage());
            return Optional.empty();
        }
    }

    private void settleNotBooked(BookingRequest request, String key, String why) {
        attempts.settleNotBooked(key).ifPresent(settled ->
                noteCallback(settled, null, notBookedText(request.company().language(), why)));
    }

    private void noteCallback(BookingAttempt settled, @Nullable Long appointmentId, String outcome) {
        if (settled.callbackRequestId() == null) {
            return;
        }
        try {
            callbacks.noteOutcome(settled.companyId(), settled.callbackRequestId(), appointmentId, outcome);
        } catch (RuntimeException e) {
            log.warn("could not note the outcome on callback request {}", settled.callbackRequestId(), e);
        }
    }

    private static String promiseText(BookingRequest request) {
        String when = request.start().atZone(request.zone()).format(LOCAL_TIME);
        String what = request.service().name() + (request.staff() == null ? "" : " / " + request.staff().name());
        return request.company().language() == Language.DE
                ? "Buchung nicht rechtzeitig von Cal.com bestätigt: " + what + ", " + when
                        + ". Dem Anrufer wurde gesagt, dass wir den Termin bestätigen."
                : "Booking not confirmed by Cal.com in time: " + what + ", " + when
                        + ". The caller was told we will confirm the appointment.";
    }

    private static String bookedText(Language language, Appointment appointment) {
        return (language == Language.DE ? "Gebucht: Cal.com " : "Booked: Cal.com ")
                + appointment.calcomBookingUid() + ", appointment " + appointment.id();
    }

    private static String notBookedText(Language language, String why) {
        return (language == Language.DE ? "Nicht gebucht: " : "Not booked: ") + why;
    }

    private static String answeredInCall(BookingRequest request) {
        return request.company().language() == Language.DE ? " (noch im Gespräch gesagt)" : " (told in the call)";
    }

    private Optional<Booking> findOurs(BookingRequest request, String key) {
        CalendarRef calendar = request.calendar();
        Instant end = request.start().plus(Duration.ofMinutes(calendar.durationMinutes()));
        BookingFilter filter = BookingFilter.none()
                .withAttendeeName(request.customerName())
                .withEventTypeIds(lookupEventTypeIds(request))
                .withinWindow(request.start().minus(LOOKUP_SLACK), end.plus(LOOKUP_SLACK));
        return calcom.listBookings(calendar.account(), filter).bookings().stream()
                .filter(booking -> key.equals(booking.slotlineRequestId()))
                .filter(booking -> booking.status() != BookingStatus.CANCELLED
                        && booking.status() != BookingStatus.REJECTED)
                .findFirst();
    }

    /**
     * Where an earlier attempt may have booked: the calendar's event type and, for "anyone", every staff member's
     * own event type for the service too, since an "anyone" booking goes to the host its hold took, by that host's
     * own event type (the only way Cal.com books one person), and an attempt rebuilt after a restart no longer knows
     * which host that was.
     */
    private Long[] lookupEventTypeIds(BookingRequest request) {
        CalendarRef calendar = request.calendar();
        Set<Long> ids = new LinkedHashSet<>();
        ids.add(calendar.bookingEventTypeId());
        if (request.staff() == null) {
            ids.add(calendar.eventTypeId());
            tenants.staffEventTypes(request.company().id(), request.service().id()).values()
                    .forEach(own -> ids.add(own.eventTypeId()));
        }
        return ids.toArray(Long[]::new);
    }

    private Optional<Booking> findOursQuietly(BookingRequest request, String key) {
        try {
            return findOurs(request, key);
        } catch (CalcomException e) {
            log.warn("could not look up booking {} of call {}: {}", key, request.retellCallId(), e.getMessage());
            return Optional.empty();
        }
    }

    private Booked record(BookingRequest request, String key, Booking booking) {
        long companyId = request.company().id();
        Long customerId = null;
        if (request.phone() != null) {
            customerId = customers.upsertByPhone(companyId, request.phone(), request.customerName(), request.email())
                    .id();
        }
        Staff staff = request.staff() != null ? request.staff() : assignedStaff(request, booking);
        AppointmentStatus status = booking.status() == BookingStatus.PENDING
                || booking.status() == BookingStatus.AWAITING_HOST ? AppointmentStatus.PENDING : AppointmentStatus.BOOKED;
        Appointments.Saved saved = appointments.insert(new NewAppointment(companyId, request.branchId(),
                request.service().id(), staff == null ? null : staff.id(), customerId, request.callId(),
                booking.start(), booking.end(), booking.uid(), status, AppointmentSource.PHONE, key, request.notes()));
        if (request.holdId() != null) {
            holds.markBooked(companyId, request.holdId());
        }
        holds.releaseOthers(request.calendar().account(), request.zone(), request.retellCallId(), companyId,
                request.holdId());
        tellAvailability(request, booking);
        attempts.settleBooked(key, saved.appointment().id()).ifPresent(settled -> noteCallback(settled,
                saved.appointment().id(), bookedText(request.company().language(), saved.appointment())));
        return new Booked(saved.appointment(), staff == null ? null : staff.name(), !saved.created());
    }

    /** The staff member Cal.com gave an any-host booking to, when we know them by their Cal.com username. */
    private @Nullable Staff assignedStaff(BookingRequest request, Booking booking) {
        for (Host host : booking.hosts()) {
            if (host.username() == null) {
                continue;
            }
            for (Staff staff : tenants.staffForService(request.company().id(), request.service().id())) {
                if (host.username().equals(staff.calcomUsername())) {
                    return staff;
                }
            }
        }
        return null;
    }

    private @Nullable String staffName(BookingRequest request, @Nullable Long staffId) {
        if (staffId == null) {
            return null;
        }
        return tenants.staffForService(request.company().id(), request.service().id()).stream()
                .filter(staff -> staff.id() == staffId)
                .map(Staff::name)
                .findFirst()
                .orElse(null);
    }

    /** The booked host's time is busy now: the cache takes the slot out instead of forgetting the day. */
    private void tellAvailability(BookingRequest request, Booking booking) {
        tellAvailability(request, BusyChange.booked(request.company().id(), booking.start(), booking.end(),
                request.zone(), request.calendar().eventTypeId(), booking.hostUsername()));
    }

    private void tellAvailability(BookingRequest request, BusyChange change) {
        try {
            AvailabilityService service = availability.getIfAvailable();
            if (service != null) {
                service.apply(change, InvalidationSource.OWN_BOOKING);
            }
        } catch (RuntimeException e) {
            log.warn("could not update availability of {} after {}", request.company().slug(), change, e);
        }
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void destroy() {
        work.shutdown();
    }
}
