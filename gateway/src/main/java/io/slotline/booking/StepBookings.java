package io.slotline.booking;

import io.slotline.appointments.Appointment;
import io.slotline.appointments.AppointmentChanges;
import io.slotline.appointments.AppointmentSource;
import io.slotline.appointments.AppointmentStatus;
import io.slotline.appointments.AppointmentSteps;
import io.slotline.appointments.Appointments;
import io.slotline.appointments.NewAppointment;
import io.slotline.appointments.SlotHold;
import io.slotline.availability.BusyChange;
import io.slotline.availability.CalendarRef;
import io.slotline.booking.BookingService.Booked;
import io.slotline.booking.BookingService.BookingOutcome;
import io.slotline.booking.BookingService.BookingRequest;
import io.slotline.booking.BookingService.MissingContact;
import io.slotline.booking.BookingService.Rejected;
import io.slotline.booking.BookingService.SlotTaken;
import io.slotline.booking.BookingService.StepBooking;
import io.slotline.booking.BookingService.Unavailable;
import io.slotline.calcom.Attendee;
import io.slotline.calcom.Booking;
import io.slotline.calcom.CalcomApi;
import io.slotline.calcom.CalcomException;
import io.slotline.calcom.CreateBooking;
import io.slotline.calcom.EventType;
import io.slotline.tenancy.Language;
import io.slotline.tenancy.Staff;
import io.slotline.tenancy.TenantDirectory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Books a service in steps: one booking per step, in order, each under its own request id, compensated
 * ({@link StepCompensation}) when a later one is refused; once every step is booked, one appointment with its steps.
 */
@Component
class StepBookings {

    private static final Logger log = LoggerFactory.getLogger(StepBookings.class);

    private final CalcomApi calcom;
    private final EventTypeCatalog eventTypes;
    private final BookingProperties properties;
    private final BookingAttempts attempts;
    private final OurBookings ourBookings;
    private final BookingRecorder recorder;
    private final StepCompensation compensation;
    private final Appointments appointments;
    private final AppointmentSteps appointmentSteps;
    private final AppointmentChanges changes;
    private final SlotHoldService holds;
    private final TenantDirectory tenants;
    private final Calendars calendars;

    StepBookings(
            CalcomApi calcom,
            EventTypeCatalog eventTypes,
            BookingProperties properties,
            BookingAttempts attempts,
            OurBookings ourBookings,
            BookingRecorder recorder,
            StepCompensation compensation,
            Appointments appointments,
            AppointmentSteps appointmentSteps,
            AppointmentChanges changes,
            SlotHoldService holds,
            TenantDirectory tenants,
            Calendars calendars) {
        this.calcom = calcom;
        this.eventTypes = eventTypes;
        this.properties = properties;
        this.attempts = attempts;
        this.ourBookings = ourBookings;
        this.recorder = recorder;
        this.compensation = compensation;
        this.appointments = appointments;
        this.appointmentSteps = appointmentSteps;
        this.changes = changes;
        this.holds = holds;
        this.tenants = tenants;
        this.calendars = calendars;
    }

    /**
     * Books every step in order, each under its own request id ({@code <key>#<step>}): the plan is written before
     * the first step leaves, each step is marked as sent before it leaves, and a step that an earlier attempt may
     * have sent is looked up in Cal.com first, so that no step is ever booked twice. When Cal.com refuses a later
     * step, the earlier ones are cancelled again ({@link StepCompensation}) and nothing is booked; when its answer is
     * lost, the attempt stays pending for a retry or {@link BookingReconciler}, which completes or compensates it.
     */
    BookingOutcome attemptSteps(BookingRequest request, String key) {
        // the first step's booking fields decide what the caller must give (every step books the same attendee)
        CalendarRef first = request.steps().isEmpty()
                ? request.calendar()
                : request.steps().get(0).calendar();
        EventType eventType = eventTypes.get(first);
        AttendeeFactory.Result attendee = AttendeeFactory.attendee(
                request.customerName(),
                request.phone(),
                request.email(),
                request.zone(),
                request.company().language(),
                eventType == null || eventType.requiresEmail(),
                eventType != null && eventType.requiresPhone(),
                properties.placeholderEmailDomain());
        if (attendee instanceof AttendeeFactory.Incomplete incomplete) {
            recorder.settleNotBooked(
                    request, key, "missing " + incomplete.missing().name().toLowerCase());
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
            recorder.settleNotBooked(request, key, "the steps of the service are not planned");
            return new Rejected(
                    "no plan for the steps of service " + request.service().id());
        }
        if (!samePlan(rows, request.steps())) {
            Optional<BookingRequest> stored = rebuildSteps(request, rows);
            if (stored.isEmpty()) {
                return new Rejected("the stored plan of request " + key + " names a stylist who is gone");
            }
            planned = stored.get();
        }
        if (earlier.isPresent() && earlier.get().compensating()) {
            return compensation.compensate(planned, key, "an earlier attempt was refused")
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
                return compensation.compensate(planned, key, "an earlier attempt was refused")
                        ? new SlotTaken(CalcomException.SlotUnavailable.Reason.TAKEN)
                        : new Unavailable("compensation not finished");
            }
            if (row.state() == BookingAttempts.StepState.PENDING) {
                try {
                    Optional<Booking> sent = ourBookings.findStep(planned, step, row.requestId());
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
                return compensation.compensate(planned, key, "given up while booking")
                        ? new Unavailable("the attempt was given up")
                        : new Unavailable("compensation not finished");
            }
            attempts.stepSending(key, step.step());
            CreateBooking create = CreateBooking.of(step.calendar().eventTypeRef(), step.start(), who, row.requestId());
            if (planned.notes() != null) {
                create = create.withBookingFieldsResponses(Map.of("notes", planned.notes()));
            }
            try {
                Booking booking = calcom.createBooking(step.calendar().account(), create);
                attempts.stepBooked(key, step.step(), booking.uid());
                recorder.tellAvailability(
                        planned,
                        BusyChange.booked(
                                planned.company().id(),
                                booking.start(),
                                booking.end(),
                                planned.zone(),
                                step.calendar().eventTypeId(),
                                step.host()));
            } catch (CalcomException.SlotUnavailable taken) {
                log.info(
                        "step {} of booking {} (call {}) not bookable: {}",
                        step.step(),
                        key,
                        planned.retellCallId(),
                        taken.reason());
                attempts.stepNotBooked(key, step.step());
                recorder.tellAvailability(
                        planned,
                        BusyChange.booked(
                                planned.company().id(),
                                step.start(),
                                step.end(),
                                planned.zone(),
                                step.calendar().eventTypeId(),
                                step.host()));
                compensation.compensate(planned, key, "step " + (step.step() + 1) + " refused: " + taken.reason());
                return new SlotTaken(taken.reason());
            } catch (CalcomException.Unavailable | CalcomException.RateLimited e) {
                if (OurBookings.outcomeUnknown(e)) {
                    Optional<Booking> ours = ourBookings.findStepQuietly(planned, step, row.requestId());
                    if (ours.isPresent()) {
                        attempts.stepBooked(key, step.step(), ours.get().uid());
                        continue;
                    }
                    // Cal.com may hold it: a retry or the reconciler looks it up, then books on or compensates
                    log.warn(
                            "step {} of booking {} (call {}): outcome unknown: {}",
                            step.step(),
                            key,
                            planned.retellCallId(),
                            e.getMessage());
                    return new Unavailable(e.getMessage());
                }
                attempts.stepNotBooked(key, step.step());
                compensation.compensate(planned, key, "step " + (step.step() + 1) + ": Cal.com " + e.getMessage());
                return new Unavailable(e.getMessage());
            } catch (CalcomException.Unauthorized | CalcomException.BadRequest | CalcomException.NotFound e) {
                log.warn(
                        "step {} of booking {} (call {}) rejected by Cal.com: {}",
                        step.step(),
                        key,
                        planned.retellCallId(),
                        e.getMessage());
                attempts.stepNotBooked(key, step.step());
                compensation.compensate(planned, key, "step " + (step.step() + 1) + " rejected by Cal.com");
                return e instanceof CalcomException.Unauthorized
                        ? new Unavailable(e.getMessage())
                        : new Rejected(e.getMessage());
            }
        }
        if (attempts.compensating(key)) {
            compensation.compensate(planned, key, "given up while booking");
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
            if (row.staffId() != step.staff().id()
                    || !row.start().equals(step.start())
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
                    .filter(s -> s.id() == row.staffId())
                    .findFirst();
            if (stylist.isEmpty()) {
                return Optional.empty();
            }
            steps.add(new StepBooking(
                    row.step(),
                    stylist.get(),
                    row.host(),
                    calendars.ofStep(request.company(), request.service(), row.step(), stylist.get()),
                    row.start(),
                    row.end()));
        }
        return Optional.of(request.withSteps(steps));
    }

    /** All steps are booked: one appointment from the first step's start to the last step's end, with its steps. */
    BookingOutcome recordSteps(BookingRequest request, String key, List<BookingAttempts.StepRow> rows) {
        long companyId = request.company().id();
        Long customerId = recorder.customerId(request);
        BookingAttempts.StepRow first = rows.get(0);
        BookingAttempts.StepRow last = rows.get(rows.size() - 1);
        Long staffId = request.staff() != null ? request.staff().id() : first.staffId();
        NewAppointment appointment = new NewAppointment(
                companyId,
                request.branchId(),
                request.service().id(),
                staffId,
                customerId,
                request.callId(),
                first.start(),
                last.end(),
                first.bookingUid(),
                AppointmentStatus.BOOKED,
                AppointmentSource.PHONE,
                key,
                request.notes());
        Appointments.Saved saved;
        Optional<Appointment> previous = Optional.empty();
        if (request.replaces() != null) {
            previous = appointments.findById(companyId, request.replaces());
            try {
                saved = appointments.insertRescheduled(companyId, request.replaces(), appointment);
            } catch (IllegalStateException gone) {
                // the old appointment was cancelled or moved meanwhile: the new steps must not stay behind
                log.info("move {} of appointment {}: {}", key, request.replaces(), gone.getMessage());
                compensation.compensate(request, key, "the appointment to move is no longer upcoming");
                return new Rejected(
                        Objects.requireNonNullElse(gone.getMessage(), "the appointment to move is no longer upcoming"));
            }
        } else {
            saved = appointments.insert(appointment);
        }
        appointmentSteps.insertAll(
                companyId,
                saved.appointment().id(),
                rows.stream()
                        .map(row -> new AppointmentSteps.NewStep(
                                row.step(),
                                row.staffId(),
                                row.start(),
                                row.end(),
                                Objects.requireNonNull(row.bookingUid(), "booked step without uid")))
                        .toList());
        for (SlotHold hold : holds.stepsHeldFor(
                companyId,
                request.retellCallId(),
                request.service().id(),
                request.staff() == null ? null : request.staff().id(),
                first.start())) {
            holds.markBooked(companyId, hold.id());
        }
        holds.releaseOthers(request.calendar().account(), request.zone(), request.retellCallId(), companyId, null);
        recorder.settleBooked(request, key, saved);
        if (previous.isPresent()) {
            // every new step is booked: now the old ones go (a crash before this is finished by a retry, which
            // finds the move recorded and cancels what is left of the old steps)
            String reason = request.company().language() == Language.DE
                    ? "Verschoben auf " + first.start().atZone(request.zone()).format(BookingTexts.LOCAL_TIME)
                    : "Moved to " + first.start().atZone(request.zone()).format(BookingTexts.LOCAL_TIME);
            if (!changes.cancelStepsOf(request.company(), request.zone(), previous.get(), reason)) {
                appointmentSteps.markAttention(
                        companyId,
                        saved.appointment().id(),
                        "moved from appointment " + previous.get().id()
                                + ", but not all of its steps could be cancelled in Cal.com");
            }
        }
        String staffName = tenants.allStaff(companyId).stream()
                .filter(s -> s.id() == staffId)
                .map(Staff::name)
                .findFirst()
                .orElse(null);
        return new Booked(saved.appointment(), staffName, !saved.created());
    }
}
