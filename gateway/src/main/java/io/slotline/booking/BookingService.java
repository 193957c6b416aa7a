package io.slotline.booking;

import io.slotline.appointments.Appointment;
import io.slotline.appointments.AppointmentChanges;
import io.slotline.appointments.Appointments;
import io.slotline.availability.CalendarRef;
import io.slotline.calcom.Booking;
import io.slotline.calcom.CalcomException;
import io.slotline.calls.FunctionIdempotency;
import io.slotline.calls.IdempotencyRecord;
import io.slotline.tenancy.Company;
import io.slotline.tenancy.Language;
import io.slotline.tenancy.Service;
import io.slotline.tenancy.Staff;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * <p>
 * This class is the façade the functions use: it keys the request, joins a duplicate to the attempt already under way
 * ({@link BookingRuns}), holds the request's claim and waits by the deadline. The work is done by
 * {@link SingleBooking} (a service of one block), {@link StepBookings} and {@link StepCompensation} (a service in
 * steps), {@link OurBookings} (our bookings found in Cal.com by request id), {@link BookingRecorder} (appointments,
 * attempts, callbacks, holds and availability told), {@link BookingPromises} (the promise past the deadline) and
 * {@link AttemptReconciliation} (attempts nobody waits for).
 */
@org.springframework.stereotype.Service
public class BookingService {

    private static final Logger log = LoggerFactory.getLogger(BookingService.class);
    static final String CLAIM_FUNCTION = "booking";
    /** How often a duplicate polls for the outcome of an attempt another instance is making. */
    private static final Duration OTHER_ATTEMPT_POLL = Duration.ofMillis(200);

    private final Appointments appointments;
    private final FunctionIdempotency claims;
    private final BookingAttempts attempts;
    private final AppointmentChanges changes;
    private final BookingRuns runs;
    private final SingleBooking single;
    private final StepBookings stepBookings;
    private final OurBookings ourBookings;
    private final BookingRecorder recorder;
    private final BookingPromises promises;

    BookingService(
            Appointments appointments,
            FunctionIdempotency claims,
            BookingAttempts attempts,
            AppointmentChanges changes,
            BookingRuns runs,
            SingleBooking single,
            StepBookings stepBookings,
            OurBookings ourBookings,
            BookingRecorder recorder,
            BookingPromises promises) {
        this.appointments = appointments;
        this.claims = claims;
        this.attempts = attempts;
        this.changes = changes;
        this.runs = runs;
        this.single = single;
        this.stepBookings = stepBookings;
        this.ourBookings = ourBookings;
        this.recorder = recorder;
        this.promises = promises;
    }

    /**
     * @param phone          E.164; the customer record is kept by it
     * @param email          a real address the caller gave, or null
     * @param calendar       what to book: for "anyone", the host the call's hold took
     * @param holdId         the call's hold of this slot, if any
     * @param reservationUid the hold's courtesy reservation in Cal.com, if any
     */
    public record BookingRequest(
            Company company,
            long branchId,
            ZoneId zone,
            long callId,
            String retellCallId,
            Service service,
            @Nullable Staff staff,
            CalendarRef calendar,
            Instant start,
            String customerName,
            @Nullable String phone,
            @Nullable String email,
            @Nullable String notes,
            @Nullable Long holdId,
            @Nullable String reservationUid,
            List<StepBooking> steps,
            @Nullable Long replaces) {

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

        /** The same request with the stylists and times of its steps settled. */
        BookingRequest withSteps(List<StepBooking> steps) {
            return new BookingRequest(
                    company,
                    branchId,
                    zone,
                    callId,
                    retellCallId,
                    service,
                    staff,
                    calendar,
                    start,
                    customerName,
                    phone,
                    email,
                    notes,
                    holdId,
                    reservationUid,
                    steps,
                    replaces);
        }
    }

    /**
     * One step of a service in steps to book: the stylist (their own event type for the step, {@code calendar}) and
     * its time, as the call's holds took them.
     */
    public record StepBooking(int step, Staff staff, String host, CalendarRef calendar, Instant start, Instant end) {}

    public sealed interface BookingOutcome
            permits Booked, SlotTaken, MissingContact, Rejected, Unavailable, InProgress, Pending {}

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
    public record SlotTaken(CalcomException.SlotUnavailable.Reason reason) implements BookingOutcome {}

    /** Cal.com needs a phone number (or an email) the caller has not given. Nothing was sent. */
    public record MissingContact(String what) implements BookingOutcome {}

    /** Cal.com rejected the request for another reason (setup problem); retrying will not help. */
    public record Rejected(String detail) implements BookingOutcome {}

    /** Cal.com could not be asked or did not answer, and no booking of ours is there. A retry may succeed. */
    public record Unavailable(String detail) implements BookingOutcome {}

    /** The same request is being booked by another instance right now. */
    public record InProgress() implements BookingOutcome {}

    /**
     * Cal.com has not confirmed by the deadline: the booking goes on in the background (or is reconciled) and its
     * outcome is noted on the callback request, when one could be recorded.
     */
    public record Pending(@Nullable Long callbackRequestId) implements BookingOutcome {}

    /** One call, one service, one staff choice, one start: one booking. */
    public static String requestKey(String retellCallId, long serviceId, @Nullable Long staffId, Instant start) {
        return "booking:"
                + sha256(retellCallId + "|" + serviceId + "|" + (staffId == null ? "*" : staffId) + "|" + start);
    }

    /** Whether the call has booked this already (a repeated request, answered with that booking). */
    public boolean alreadyBooked(
            long companyId, String retellCallId, long serviceId, @Nullable Long staffId, Instant start) {
        return appointments
                .findByIdempotencyKey(companyId, requestKey(retellCallId, serviceId, staffId, start))
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
        BookingRuns.Run run = runs.startOrJoin(key, request.retellCallId(), () -> bookClaimed(request, key));
        CompletableFuture<BookingOutcome> running = run.outcome();
        boolean repeated = run.repeated();
        BookingOutcome outcome;
        try {
            outcome = running.get(Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return promises.promise(request, key, running);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return promises.promise(request, key, running);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        }
        if (outcome instanceof InProgress) {
            return awaitOtherInstance(request, key, until);
        }
        if (outcome instanceof Unavailable && stillPending(key)) {
            // Cal.com may have booked it without telling us: the caller hears the promise, not "unreachable"
            return promises.promise(request, key, null);
        }
        return repeated && outcome instanceof Booked booked
                ? new Booked(booked.appointment(), booked.staffName(), true)
                : outcome;
    }

    private boolean stillPending(String key) {
        try {
            return attempts.find(key)
                    .map(a -> a.state() == BookingAttempt.State.PENDING)
                    .orElse(false);
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
                return new Booked(
                        done.get(), recorder.staffName(request, done.get().staffId()), true);
            }
            Optional<BookingAttempt> attempt = attempts.find(key);
            if (!lookedUp && attempt.isPresent() && attempt.get().state() == BookingAttempt.State.PENDING) {
                lookedUp = true;
                if (request.service().inSteps()) {
                    // the other attempt books step by step: it (or the reconciler) records or compensates
                    continue;
                }
                Optional<Booking> ours = ourBookings.findQuietly(request, key);
                if (ours.isPresent()) {
                    log.info(
                            "booking {} of call {} was made by an attempt that never recorded it",
                            ours.get().uid(),
                            request.retellCallId());
                    return recorder.record(request, key, ours.get()).asRepeated();
                }
            }
            if (claims.find(key, companyId).isEmpty()) {
                // the other attempt gave up without booking: this one may try
                return book(request, Duration.ofNanos(Math.max(0, until - System.nanoTime())));
            }
            if (until - System.nanoTime() < OTHER_ATTEMPT_POLL.toNanos()) {
                return promises.promise(request, key, null);
            }
            try {
                Thread.sleep(OTHER_ATTEMPT_POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return promises.promise(request, key, null);
            }
        }
    }

    /**
     * The request's key; when the booking made under it was cancelled in the meantime (booked, cancelled, booked
     * again in one call), the next free variant of it.
     */
    private String currentKey(BookingRequest request) {
        String key = requestKey(
                        request.retellCallId(),
                        request.service().id(),
                        request.staff() == null ? null : request.staff().id(),
                        request.start())
                + (request.replaces() == null ? "" : ":moves:" + request.replaces());
        for (int round = 0; round < 10; round++) {
            Optional<Appointment> earlier =
                    appointments.findByIdempotencyKey(request.company().id(), key);
            if (earlier.isEmpty() || earlier.get().status().upcoming()) {
                return key;
            }
            key = requestKey(
                            request.retellCallId(),
                            request.service().id(),
                            request.staff() == null ? null : request.staff().id(),
                            request.start())
                    + (request.replaces() == null ? "" : ":moves:" + request.replaces()) + ":"
                    + earlier.get().id();
        }
        return key;
    }

    private BookingOutcome bookClaimed(BookingRequest request, String key) {
        long companyId = request.company().id();
        Optional<Appointment> done = appointments.findByIdempotencyKey(companyId, key);
        if (done.isPresent()) {
            if (request.replaces() != null) {
                // a move recorded before: what is left of the old steps goes now (a crash may have stopped it)
                appointments
                        .findById(companyId, request.replaces())
                        .ifPresent(previous -> changes.cancelStepsOf(
                                request.company(),
                                request.zone(),
                                previous,
                                request.company().language() == Language.DE ? "Verschoben" : "Moved"));
            }
            return new Booked(done.get(), recorder.staffName(request, done.get().staffId()), true);
        }
        Optional<IdempotencyRecord> other = claims.tryBegin(key, companyId, CLAIM_FUNCTION);
        if (other.isPresent()) {
            return appointments
                    .findByIdempotencyKey(companyId, key)
                    .<BookingOutcome>map(a -> new Booked(a, recorder.staffName(request, a.staffId()), true))
                    .orElseGet(InProgress::new);
        }
        BookingOutcome outcome;
        try {
            outcome = request.service().inSteps()
                    ? stepBookings.attemptSteps(request, key)
                    : single.attempt(request, key);
        } catch (RuntimeException e) {
            claims.delete(key, companyId);
            throw e;
        }
        if (outcome instanceof Booked booked) {
            claims.complete(
                    key, companyId, "{\"appointmentId\":" + booked.appointment().id() + "}");
        } else {
            claims.delete(key, companyId);
        }
        return outcome;
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
