package io.slotline.functions;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.slotline.appointments.Appointment;
import io.slotline.appointments.AppointmentStatus;
import io.slotline.appointments.SlotHold;
import io.slotline.availability.Availability;
import io.slotline.availability.CalendarRef;
import io.slotline.availability.CalendarUnavailableException;
import io.slotline.availability.FreeSlot;
import io.slotline.booking.Alternatives;
import io.slotline.booking.BookingService;
import io.slotline.booking.BookingService.BookingOutcome;
import io.slotline.booking.Calendars;
import io.slotline.booking.SlotHoldService;
import io.slotline.booking.StepPlanner;
import io.slotline.calcom.CalcomException;
import io.slotline.speech.DateTimeRequest;
import io.slotline.speech.MessageKey;
import io.slotline.speech.Messages;
import io.slotline.speech.SpokenTimes;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Books the slot the caller confirmed. The service talked about in this call is the one booked unless the caller
 * clearly names another; the call's hold of the slot is used; the booking happens at most once however often the
 * agent or Retell repeats the request. A slot taken in the meantime is answered with fresh alternatives.
 */
@Component
class BookAppointment implements MutatingFunction<BookAppointment.Args> {

    private static final Logger log = LoggerFactory.getLogger(BookAppointment.class);

    /** A reservation sent with check_availability usually landed long ago; never wait longer than this for it. */
    private static final Duration PENDING_HOLD_WAIT = Duration.ofSeconds(2);
    /** Kept from the deadline for recording the caller's callback promise and answering. */
    private static final Duration PROMISE_MARGIN = Duration.ofMillis(750);

    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");
    private static final int MAX_NAME = 200;
    private static final int MAX_NOTES = 2000;

    record Args(
            @JsonProperty(required = true) @JsonPropertyDescription("The service the caller confirmed.") @Nullable String service,

            @JsonProperty(required = true)
            @JsonPropertyDescription("The day, as confirmed: ISO date or the caller's words.")
            @Nullable String date,

            @JsonProperty(required = true)
            @JsonPropertyDescription("The exact time, as confirmed: \"14:30\", \"2pm\".")
            @Nullable String time,

            @JsonProperty(value = "customer_name", required = true)
            @JsonPropertyDescription("The caller's name for the booking.")
            @Nullable String customerName,

            @JsonProperty("customer_phone")
            @JsonPropertyDescription("A phone number the caller gave; omit to use the number they are calling from.")
            @Nullable String customerPhone,

            @JsonProperty("customer_email")
            @JsonPropertyDescription("The caller's email address, only if they gave one.")
            @Nullable String customerEmail,

            @JsonPropertyDescription("Anything the caller wants the business to know.") @Nullable String notes,

            @JsonPropertyDescription("The staff member's name, only if the caller asked for someone.") @Nullable String staff) {}

    private final SlotDesk desk;
    private final SpokenWhen when;
    private final BookingService bookings;
    private final HeldHosts heldHosts;
    private final Calendars calendars;
    private final StepDesk steps;

    BookAppointment(
            SlotDesk desk,
            SpokenWhen when,
            BookingService bookings,
            HeldHosts heldHosts,
            Calendars calendars,
            StepDesk steps) {
        this.steps = steps;
        this.desk = desk;
        this.when = when;
        this.bookings = bookings;
        this.heldHosts = heldHosts;
        this.calendars = calendars;
    }

    @Override
    public String name() {
        return "book_appointment";
    }

    @Override
    public boolean asksCalendar() {
        return true;
    }

    @Override
    public String description() {
        return "Books the appointment after the caller explicitly confirmed service, day and time (and gave a "
                + "name). Never call it before that confirmation. If the time was taken meanwhile, the answer "
                + "contains alternatives to offer.";
    }

    @Override
    public Class<Args> argsType() {
        return Args.class;
    }

    @Override
    public FunctionResult handle(CallContext context, Args args) {
        return desk.unlessCalendarUnavailable(
                context,
                () -> desk.booking(context, args.service(), args.staff(), args.date(), args.time())
                        .then(asked -> book(context, args, asked)));
    }

    private FunctionResult book(CallContext context, Args args, SlotDesk.Request asked) {
        SlotDesk.Subject subject = asked.subject();
        DateTimeRequest request = asked.when();
        if (request.time().isEmpty()) {
            return FunctionResult.notOk(
                    Reason.INVALID_TIME,
                    Messages.render(MessageKey.INVALID_TIME, context.language()),
                    Map.of("detail", "missing_time"));
        }
        LocalDate date = request.date();
        LocalTime time = request.time().get();
        Optional<FunctionResult> refusal = desk.notBookable(context, date, time);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        Resolution<Instant> at = when.instant(context, date, time);
        if (at instanceof Resolution.Ask<Instant> ask) {
            return ask.answer();
        }
        Instant start = ((Resolution.Found<Instant>) at).value();

        String name = args.customerName() == null ? "" : args.customerName().strip();
        if (name.isEmpty()) {
            return FunctionResult.notOk(Reason.MISSING_NAME, Messages.render(MessageKey.ASK_NAME, context.language()));
        }
        name = name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name;
        String phone = context.callerNumber();
        if (args.customerPhone() != null && !args.customerPhone().isBlank()) {
            Optional<String> given = PhoneInput.e164(args.customerPhone(), context.callerNumber());
            if (given.isEmpty()) {
                return FunctionResult.notOk(
                        Reason.INVALID_PHONE, Messages.render(MessageKey.INVALID_PHONE, context.language()));
            }
            phone = given.get();
        }
        String email = null;
        if (args.customerEmail() != null && !args.customerEmail().isBlank()) {
            email = args.customerEmail().strip();
            if (email.length() > 320 || !EMAIL.matcher(email).matches()) {
                return FunctionResult.notOk(
                        Reason.INVALID_EMAIL, Messages.render(MessageKey.INVALID_EMAIL, context.language()));
            }
        }
        String notes = args.notes() == null || args.notes().isBlank()
                ? null
                : args.notes().strip();
        if (notes != null && notes.length() > MAX_NOTES) {
            notes = notes.substring(0, MAX_NOTES);
        }
        desk.remember(context, subject);
        if (subject.service().inSteps()) {
            return bookSteps(context, subject, request, start, name, phone, email, notes);
        }
        desk.holds().awaitPending(context.companyId(), context.retellCallId(), PENDING_HOLD_WAIT);
        Optional<SlotHold> hold = desk.holds()
                .heldFor(
                        context.companyId(),
                        context.retellCallId(),
                        subject.service().id(),
                        subject.staffId(),
                        start);
        if (hold.isEmpty()
                && !bookings.alreadyBooked(
                        context.companyId(),
                        context.retellCallId(),
                        subject.service().id(),
                        subject.staffId(),
                        start)) {
            // no check before (or its hold expired): the hold is taken here, so that no other call's is ignored
            FreeSlot slot = new FreeSlot(
                    start, start.plus(Duration.ofMinutes(subject.service().durationMinutes())));
            List<SlotHold> others = heldHosts.others(context, date, date);
            List<String> hosts = heldHosts.candidates(context, subject, slot, others, true);
            SlotHoldService.HoldOutcome taken = hosts.isEmpty()
                    ? new SlotHoldService.Taken()
                    : desk.holds()
                            .hold(new SlotHoldService.HoldRequest(
                                    context.companyId(),
                                    context.retellCallId(),
                                    subject.service().id(),
                                    subject.staffId(),
                                    subject.calendar(),
                                    context.zone(),
                                    start,
                                    hosts,
                                    false));
            if (!(taken instanceof SlotHoldService.Held held)) {
                return slotGone(context, subject, request, start, false);
            }
            hold = Optional.of(held.hold());
        }
        SlotHold ours = hold.orElse(null);
        // "anyone" books the host the hold took, by name: Cal.com's own pick could be a host another call holds
        CalendarRef calendar = ours != null && subject.staff() == null && SlotHoldService.namesAHost(ours.host())
                ? calendars
                        .forHost(context.company(), subject.service(), ours.host())
                        .orElse(subject.calendar())
                : subject.calendar();
        BookingOutcome outcome = bookings.book(
                new BookingService.BookingRequest(
                        context.company(),
                        context.branch().id(),
                        context.zone(),
                        context.callId(),
                        context.retellCallId(),
                        subject.service(),
                        subject.staff(),
                        calendar,
                        start,
                        name,
                        phone,
                        email,
                        notes,
                        ours == null ? null : ours.id(),
                        ours == null ? null : ours.reservationUid()),
                Deadline.remaining().minus(PROMISE_MARGIN));
        if (ours != null && outcome instanceof BookingService.SlotTaken) {
            // Cal.com has the time booked: the hold keeps nobody else from anything any more
            desk.holds().release(calendar.account(), context.zone(), ours);
        }
        return answer(context, subject, request, start, name, outcome);
    }

    /**
     * A service in steps: the call's holds of every step (taken here when the caller did not check first) say who
     * does each step when; the booking books them in order and cancels the earlier ones again when a later one is
     * refused.
     */
    private FunctionResult bookSteps(
            CallContext context,
            SlotDesk.Subject subject,
            DateTimeRequest request,
            Instant start,
            String name,
            @Nullable String phone,
            @Nullable String email,
            @Nullable String notes) {
        Long staffId = subject.staffId();
        List<SlotHold> held = desk.holds()
                .stepsHeldFor(
                        context.companyId(),
                        context.retellCallId(),
                        subject.service().id(),
                        staffId,
                        start);
        int count = subject.service().steps().size();
        if (held.size() != count
                && !bookings.alreadyBooked(
                        context.companyId(),
                        context.retellCallId(),
                        subject.service().id(),
                        staffId,
                        start)) {
            LocalDate date = request.date();
            StepDesk.Loaded loaded = steps.load(context, subject, date, date);
            Optional<StepPlanner.Plan> plan = loaded.planAt(start);
            if (plan.isEmpty()
                    || !(desk.holds()
                                    .holdSteps(
                                            context.companyId(),
                                            context.retellCallId(),
                                            subject.service().id(),
                                            staffId,
                                            subject.calendar().account(),
                                            context.zone(),
                                            plan.get())
                            instanceof SlotHoldService.Held)) {
                return slotGone(context, subject, request, start, false);
            }
            held = desk.holds()
                    .stepsHeldFor(
                            context.companyId(),
                            context.retellCallId(),
                            subject.service().id(),
                            staffId,
                            start);
            if (held.size() != count) {
                // this call's own other request took the steps differently meanwhile: that one books
                return slotGone(context, subject, request, start, false);
            }
        }
        List<BookingService.StepBooking> planned = held.isEmpty()
                ? List.of()
                : steps.bookingsOf(context, subject, held).orElse(null);
        if (planned == null) {
            return slotGone(context, subject, request, start, false);
        }
        SlotHold first = held.isEmpty() ? null : held.get(0);
        BookingOutcome outcome = bookings.book(
                new BookingService.BookingRequest(
                        context.company(),
                        context.branch().id(),
                        context.zone(),
                        context.callId(),
                        context.retellCallId(),
                        subject.service(),
                        subject.staff(),
                        planned.isEmpty() ? subject.calendar() : planned.get(0).calendar(),
                        start,
                        name,
                        phone,
                        email,
                        notes,
                        first == null ? null : first.id(),
                        null,
                        planned),
                Deadline.remaining().minus(PROMISE_MARGIN));
        if (outcome instanceof BookingService.SlotTaken) {
            // Cal.com refused a step (the earlier ones are cancelled again): the holds keep nobody from anything
            for (SlotHold hold : held) {
                desk.holds().release(subject.calendar().account(), context.zone(), hold);
            }
        }
        return answer(context, subject, request, start, name, outcome);
    }

    private FunctionResult answer(
            CallContext context,
            SlotDesk.Subject subject,
            DateTimeRequest request,
            Instant start,
            String name,
            BookingOutcome outcome) {
        if (outcome instanceof BookingService.Booked booked) {
            return booked(context, subject, name, booked);
        }
        if (outcome instanceof BookingService.SlotTaken) {
            return slotGone(context, subject, request, start, true);
        }
        if (outcome instanceof BookingService.MissingContact) {
            return FunctionResult.notOk(
                    Reason.MISSING_CONTACT, Messages.render(MessageKey.ASK_PHONE, context.language()));
        }
        if (outcome instanceof BookingService.Rejected rejected) {
            // the caller hears a plain "could not"; the team reads why in the log
            log.warn(
                    "booking of {} at {} in call {} rejected: {}",
                    subject.service().name(),
                    start,
                    context.retellCallId(),
                    rejected.detail());
            return FunctionResult.notOk(
                    Reason.BOOKING_FAILED, Messages.render(MessageKey.BOOKING_FAILED, context.language()));
        }
        if (outcome instanceof BookingService.Pending pending) {
            return takenDown(context, subject, name, start, pending);
        }
        if (outcome instanceof BookingService.InProgress) {
            return FunctionResult.notOk(
                    Reason.IN_PROGRESS, Messages.render(MessageKey.REQUEST_IN_PROGRESS, context.language()));
        }
        return FunctionResult.notOk(
                Reason.CALCOM_UNAVAILABLE, Messages.render(MessageKey.CALCOM_UNAVAILABLE, context.language()));
    }

    private FunctionResult booked(
            CallContext context, SlotDesk.Subject subject, String name, BookingService.Booked booked) {
        Appointment appointment = booked.appointment();
        String spoken = desk.spoken(context, appointment.startsAt());
        boolean pending = appointment.status() == AppointmentStatus.PENDING;
        String message;
        if (pending) {
            message = Messages.render(
                    MessageKey.BOOKING_REQUESTED,
                    context.language(),
                    Map.of("name", name, "service", subject.service().name(), "time", spoken));
        } else if (subject.service().inSteps()) {
            // one sentence: when it starts and when the caller will be done
            String end =
                    SpokenTimes.time(appointment.endsAt().atZone(context.zone()).toLocalTime(), context.language());
            message = subject.staff() != null && booked.staffName() != null
                    ? Messages.render(
                            MessageKey.BOOKED_STEPS_WITH_STAFF,
                            context.language(),
                            Map.of(
                                    "name",
                                    name,
                                    "service",
                                    subject.service().name(),
                                    "staff",
                                    booked.staffName(),
                                    "time",
                                    spoken,
                                    "end",
                                    end))
                    : Messages.render(
                            MessageKey.BOOKED_STEPS,
                            context.language(),
                            Map.of("name", name, "service", subject.service().name(), "time", spoken, "end", end));
        } else if (booked.staffName() != null) {
            message = Messages.render(
                    MessageKey.BOOKED_WITH_STAFF,
                    context.language(),
                    Map.of(
                            "name",
                            name,
                            "service",
                            subject.service().name(),
                            "staff",
                            booked.staffName(),
                            "time",
                            spoken));
        } else {
            message = Messages.render(
                    MessageKey.BOOKED,
                    context.language(),
                    Map.of("name", name, "service", subject.service().name(), "time", spoken));
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("id", appointment.id());
        details.put("booking_uid", appointment.calcomBookingUid());
        details.put("status", appointment.status().name().toLowerCase());
        details.put("service", subject.service().name());
        if (booked.staffName() != null) {
            details.put("staff", booked.staffName());
        }
        details.putAll(desk.slot(context, appointment.startsAt()));
        details.put("end", appointment.endsAt().atZone(context.zone()).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("booked", true);
        data.put("appointment", details);
        if (booked.repeated()) {
            data.put("repeated", true);
        }
        return FunctionResult.ok(message, data);
    }

    /**
     * Cal.com has not confirmed in time: the caller hears that the request is taken down and will be confirmed. Not
     * a final answer: a retry of the same request gets the booking once it is settled, or this answer again.
     */
    private FunctionResult takenDown(
            CallContext context, SlotDesk.Subject subject, String name, Instant start, BookingService.Pending pending) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("booked", false);
        data.put("pending_confirmation", true);
        data.put("service", subject.service().name());
        data.put("requested", desk.slot(context, start));
        if (pending.callbackRequestId() != null) {
            data.put("callback_request_id", pending.callbackRequestId());
        }
        return new FunctionResult(
                true,
                Messages.render(
                        MessageKey.BOOKING_TAKEN_DOWN,
                        context.language(),
                        Map.of("name", name, "service", subject.service().name(), "time", desk.spoken(context, start))),
                Reason.PENDING_CONFIRMATION,
                data);
    }

    /**
     * The time is gone: alternatives for that calendar and day without it and without what other calls hold.
     *
     * @param askCalcom Cal.com refused it: its answer for that day is read again; otherwise another call holds it
     *                  and memory is right
     */
    private FunctionResult slotGone(
            CallContext context, SlotDesk.Subject subject, DateTimeRequest request, Instant start, boolean askCalcom) {
        String spoken = desk.spoken(context, start);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("booked", false);
        data.put("service", subject.service().name());
        data.put("requested", desk.slot(context, start));
        List<FreeSlot> alternatives = List.of();
        try {
            LocalDate until = desk.searchEnd(context, request.date());
            Availability availability = subject.service().inSteps()
                    ? steps.availability(context, subject, request.date(), until)
                    : heldHosts.without(
                            context,
                            subject,
                            desk.freeSlotsAt(context, subject.calendar(), request.date(), until, start, askCalcom),
                            heldHosts.others(context, request.date(), until));
            alternatives = Alternatives.forSpeaking(
                    Alternatives.rank(
                            availability,
                            context.zone(),
                            new Alternatives.Wish(
                                    request.date(),
                                    request.time().orElse(null),
                                    request.window().orElse(null)),
                            CheckAvailability.ALTERNATIVES,
                            context.receivedAt(),
                            desk.lastBookableDay(context),
                            Set.of(start)),
                    context.zone());
        } catch (CalendarUnavailableException | CalcomException e) {
            data.put("alternatives_unavailable", true);
        }
        data.put("alternatives", desk.slots(context, alternatives));
        String message = alternatives.isEmpty()
                ? Messages.render(MessageKey.BOOKING_SLOT_GONE, context.language(), Map.of("time", spoken))
                : Messages.render(
                        MessageKey.BOOKING_SLOT_GONE_WITH_ALTERNATIVES,
                        context.language(),
                        Map.of("time", spoken, "alternatives", desk.spokenList(context, alternatives)));
        return FunctionResult.notOk(Reason.SLOT_TAKEN, message, data);
    }
}
