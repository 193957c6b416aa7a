package io.slotline.booking;

import io.slotline.availability.CalendarRef;
import io.slotline.booking.BookingService.Booked;
import io.slotline.booking.BookingService.BookingOutcome;
import io.slotline.booking.BookingService.BookingRequest;
import io.slotline.booking.BookingService.StepBooking;
import io.slotline.calcom.Booking;
import io.slotline.calcom.CalcomException;
import io.slotline.calls.FunctionIdempotency;
import io.slotline.tenancy.Branch;
import io.slotline.tenancy.Company;
import io.slotline.tenancy.Language;
import io.slotline.tenancy.Service;
import io.slotline.tenancy.Staff;
import io.slotline.tenancy.TenantDirectory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Settles booking attempts that nobody is waiting for (for {@link BookingReconciler}): the request is rebuilt from
 * the attempt's row, the booking Cal.com holds under its key is recorded once, and an attempt with nothing there is
 * given up (a service in steps: completed when every step is there, compensated otherwise).
 */
@Component
class AttemptReconciliation {

    private static final Logger log = LoggerFactory.getLogger(AttemptReconciliation.class);

    /** What became of an attempt the reconciler looked at. */
    enum Settled {
        BOOKED,
        NOT_BOOKED,
        STILL_PENDING
    }

    private final BookingRuns runs;
    private final BookingAttempts attempts;
    private final FunctionIdempotency claims;
    private final OurBookings ourBookings;
    private final BookingRecorder recorder;
    private final StepBookings stepBookings;
    private final StepCompensation compensation;
    private final TenantDirectory tenants;
    private final Calendars calendars;

    AttemptReconciliation(
            BookingRuns runs,
            BookingAttempts attempts,
            FunctionIdempotency claims,
            OurBookings ourBookings,
            BookingRecorder recorder,
            StepBookings stepBookings,
            StepCompensation compensation,
            TenantDirectory tenants,
            Calendars calendars) {
        this.runs = runs;
        this.attempts = attempts;
        this.claims = claims;
        this.ourBookings = ourBookings;
        this.recorder = recorder;
        this.stepBookings = stepBookings;
        this.compensation = compensation;
        this.tenants = tenants;
        this.calendars = calendars;
    }

    /**
     * Settles a pending attempt that nobody is waiting for: the booking Cal.com holds under its key is recorded
     * once; none there (and the attempt is older than any request could still be on its way) means it was never
     * made, and the claim of the instance that gave up or died is released so that a retry may book.
     */
    Settled reconcile(BookingAttempt attempt, boolean mayGiveUp) {
        if (runs.running(attempt.key())) {
            return Settled.STILL_PENDING; // this instance is still waiting for Cal.com's answer
        }
        Optional<BookingRequest> rebuilt = rebuild(attempt);
        if (rebuilt.isEmpty()) {
            log.warn("booking attempt {} refers to a company, service or staff member that is gone", attempt.key());
            return mayGiveUp
                    ? giveUp(attempt, null, "the service or staff member no longer exists")
                    : Settled.STILL_PENDING;
        }
        BookingRequest request = rebuilt.get();
        if (request.service().inSteps() || !attempts.steps(attempt.key()).isEmpty()) {
            return reconcileSteps(attempt, request, mayGiveUp);
        }
        Optional<Booking> ours;
        try {
            ours = ourBookings.find(request, attempt.key());
        } catch (CalcomException e) {
            log.info("booking attempt {} stays pending, Cal.com lookup failed: {}", attempt.key(), e.getMessage());
            return Settled.STILL_PENDING;
        }
        if (ours.isPresent()) {
            Booked booked = recorder.record(request, attempt.key(), ours.get());
            claims.complete(
                    attempt.key(),
                    attempt.companyId(),
                    "{\"appointmentId\":" + booked.appointment().id() + "}");
            log.info(
                    "reconciled booking {} of call {} as appointment {}",
                    ours.get().uid(),
                    attempt.retellCallId(),
                    booked.appointment().id());
            return Settled.BOOKED;
        }
        return mayGiveUp ? giveUp(attempt, request, "Cal.com has no booking for this request") : Settled.STILL_PENDING;
    }

    private Settled giveUp(BookingAttempt attempt, @Nullable BookingRequest request, String why) {
        Optional<BookingAttempt> settled = attempts.settleNotBooked(attempt.key());
        if (settled.isPresent()) {
            claims.delete(attempt.key(), attempt.companyId());
            Language language =
                    tenants.company(attempt.companyId()).map(Company::language).orElse(Language.DE);
            recorder.noteCallback(settled.get(), null, BookingTexts.notBookedText(language, why));
            log.info(
                    "booking attempt {} of call {} settled as not booked: {}",
                    attempt.key(),
                    attempt.retellCallId(),
                    why);
        }
        return Settled.NOT_BOOKED;
    }

    private Optional<BookingRequest> rebuild(BookingAttempt attempt) {
        Optional<Company> company = tenants.company(attempt.companyId());
        Optional<Branch> branch = tenants.branch(attempt.companyId(), attempt.branchId());
        Optional<Service> service = tenants.allServices(attempt.companyId()).stream()
                .filter(s -> s.id() == attempt.serviceId())
                .findFirst();
        if (company.isEmpty() || branch.isEmpty() || service.isEmpty()) {
            return Optional.empty();
        }
        Staff staff = null;
        if (attempt.staffId() != null) {
            staff = tenants.allStaff(attempt.companyId()).stream()
                    .filter(s -> s.id() == attempt.staffId())
                    .findFirst()
                    .orElse(null);
            if (staff == null || !calendars.bookable(service.get(), staff)) {
                return Optional.empty();
            }
        }
        try {
            CalendarRef calendar = calendars.of(company.get(), service.get(), staff);
            List<StepBooking> steps = new ArrayList<>();
            for (BookingAttempts.StepRow row : attempts.steps(attempt.key())) {
                Optional<Staff> stylist = tenants.allStaff(attempt.companyId()).stream()
                        .filter(s -> s.id() == row.staffId())
                        .findFirst();
                if (stylist.isEmpty() || row.step() >= service.get().steps().size()) {
                    return Optional.empty();
                }
                steps.add(new StepBooking(
                        row.step(),
                        stylist.get(),
                        row.host(),
                        calendars.ofStep(company.get(), service.get(), row.step(), stylist.get()),
                        row.start(),
                        row.end()));
            }
            return Optional.of(new BookingRequest(
                    company.get(),
                    attempt.branchId(),
                    branch.get().timeZone(),
                    attempt.callId(),
                    attempt.retellCallId(),
                    service.get(),
                    staff,
                    calendar,
                    attempt.start(),
                    attempt.customerName(),
                    attempt.phone(),
                    attempt.email(),
                    attempt.notes(),
                    null,
                    attempt.reservationUid(),
                    steps,
                    attempt.replacesAppointmentId()));
        } catch (CalcomException | IllegalArgumentException e) {
            return Optional.empty();
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
            return compensation.compensate(request, key, "an earlier attempt was refused")
                    ? Settled.NOT_BOOKED
                    : Settled.STILL_PENDING;
        }
        try {
            for (BookingAttempts.StepRow row : rows) {
                if (row.state() == BookingAttempts.StepState.PENDING) {
                    StepBooking step = request.steps().get(row.step());
                    Optional<Booking> sent = ourBookings.findStep(request, step, row.requestId());
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
            BookingOutcome recorded = stepBookings.recordSteps(request, key, now);
            if (recorded instanceof Booked booked) {
                claims.complete(
                        key,
                        attempt.companyId(),
                        "{\"appointmentId\":" + booked.appointment().id() + "}");
                log.info(
                        "reconciled booking {} of call {} (in steps) as appointment {}",
                        key,
                        attempt.retellCallId(),
                        booked.appointment().id());
                return Settled.BOOKED;
            }
            return Settled.STILL_PENDING;
        }
        if (!mayGiveUp) {
            return Settled.STILL_PENDING;
        }
        // half booked and nobody books on: nothing may be left of it
        if (compensation.compensate(request, key, "not every step was booked")) {
            claims.delete(key, attempt.companyId());
            return Settled.NOT_BOOKED;
        }
        return Settled.STILL_PENDING;
    }
}
