package io.slotline.functions;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.slotline.appointments.SlotHold;
import io.slotline.availability.CalendarRef;
import io.slotline.availability.FreeSlot;
import io.slotline.booking.BookingService;
import io.slotline.booking.BookingService.BookingOutcome;
import io.slotline.booking.Calendars;
import io.slotline.booking.SlotHoldService;
import io.slotline.booking.StepPlanner;
import io.slotline.speech.DateTimeRequest;
import io.slotline.speech.MessageKey;
import io.slotline.speech.Messages;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Books the slot the caller confirmed. The service talked about in this call is the one booked unless the caller
 * clearly names another; the call's hold of the slot is used; the booking happens at most once however often the
 * agent or Retell repeats the request. A slot taken in the meantime is answered with fresh alternatives.
 */
@Component
class BookAppointment implements MutatingFunction<BookAppointment.Args> {

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
    private final BookingAnswers answers;

    BookAppointment(
            SlotDesk desk,
            SpokenWhen when,
            BookingService bookings,
            HeldHosts heldHosts,
            Calendars calendars,
            StepDesk steps,
            BookingAnswers answers) {
        this.steps = steps;
        this.answers = answers;
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
                return answers.slotGone(context, subject, request, start, false);
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
                        ours == null ? null : ours.reservationUid(),
                        List.of(),
                        null),
                Deadline.remaining().minus(PROMISE_MARGIN));
        if (ours != null && outcome instanceof BookingService.SlotTaken) {
            // Cal.com has the time booked: the hold keeps nobody else from anything any more
            desk.holds().release(calendar.account(), context.zone(), ours);
        }
        return answers.answer(context, subject, request, start, name, outcome);
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
                return answers.slotGone(context, subject, request, start, false);
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
                return answers.slotGone(context, subject, request, start, false);
            }
        }
        List<BookingService.StepBooking> planned = held.isEmpty()
                ? List.of()
                : steps.bookingsOf(context, subject, held).orElse(null);
        if (planned == null) {
            return answers.slotGone(context, subject, request, start, false);
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
                        planned,
                        null),
                Deadline.remaining().minus(PROMISE_MARGIN));
        if (outcome instanceof BookingService.SlotTaken) {
            // Cal.com refused a step (the earlier ones are cancelled again): the holds keep nobody from anything
            for (SlotHold hold : held) {
                desk.holds().release(subject.calendar().account(), context.zone(), hold);
            }
        }
        return answers.answer(context, subject, request, start, name, outcome);
    }
}
