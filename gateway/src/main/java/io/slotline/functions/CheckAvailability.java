package io.slotline.functions;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.slotline.appointments.SlotHold;
import io.slotline.availability.Availability;
import io.slotline.availability.FreeSlot;
import io.slotline.booking.Alternatives;
import io.slotline.booking.SlotHoldService;
import io.slotline.booking.StepPlanner;
import io.slotline.speech.DateTimeRequest;
import io.slotline.speech.MessageKey;
import io.slotline.speech.Messages;
import io.slotline.speech.SpokenTimes;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Is the exact slot free? If so, it is held for this call while the caller confirms; if not, the best
 * alternatives come in the same answer. A day or window without a time lists the free times of that day.
 */
@Component
class CheckAvailability implements FunctionHandler<CheckAvailability.Args> {

    static final int ALTERNATIVES = 3;

    record Args(
            @JsonProperty(required = true)
            @JsonPropertyDescription("The service as the caller named it, e.g. \"Herrenhaarschnitt\" or \"haircut\".")
            @Nullable String service,

            @JsonProperty(required = true)
            @JsonPropertyDescription("The day: an ISO date (2026-11-17) or the caller's words (\"morgen\", "
                    + "\"nächsten Dienstag\", \"next Monday\").")
            @Nullable String date,

            @JsonProperty(required = true)
            @JsonPropertyDescription("The time in the business's time zone: \"14:30\", \"14 Uhr\", \"2pm\", "
                    + "\"halb drei\". A part of the day (\"nachmittags\", \"ab 15 Uhr\") lists that day's free times.")
            @Nullable String time,

            @JsonPropertyDescription("The staff member's name, only if the caller asked for someone.") @Nullable String staff) {}

    private final SlotDesk desk;
    private final SpokenWhen when;
    private final HeldHosts heldHosts;
    private final StepDesk steps;
    private final TimeOptions options;

    CheckAvailability(SlotDesk desk, SpokenWhen when, HeldHosts heldHosts, StepDesk steps, TimeOptions options) {
        this.desk = desk;
        this.when = when;
        this.heldHosts = heldHosts;
        this.steps = steps;
        this.options = options;
    }

    @Override
    public String name() {
        return "check_availability";
    }

    @Override
    public boolean asksCalendar() {
        return true;
    }

    @Override
    public String description() {
        return "Checks whether one exact appointment time is free for a service. If it is free, it is held for this "
                + "caller for a few minutes: confirm it with the caller, then call book_appointment. If it is not "
                + "free, the answer already contains the best alternatives; offer those.";
    }

    @Override
    public Class<Args> argsType() {
        return Args.class;
    }

    @Override
    public FunctionResult handle(CallContext context, Args args) {
        return desk.unlessCalendarUnavailable(
                context,
                () -> desk.lookup(context, args.service(), args.staff(), args.date(), args.time())
                        .then(asked -> check(context, args, asked)));
    }

    private FunctionResult check(CallContext context, Args args, SlotDesk.Request asked) {
        SlotDesk.Subject subject = asked.subject();
        DateTimeRequest request = asked.when();
        LocalDate date = request.date();
        Optional<FunctionResult> refusal = desk.notBookable(context, request);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        if (request.isPeriod()) {
            return options.periodOptions(context, subject, request);
        }
        if (request.time().isEmpty()) {
            return options.dayOptions(context, subject, date, request.window().orElse(null));
        }
        if (request.approximate()) {
            return options.nearTime(context, subject, request);
        }
        LocalTime time = request.time().get();
        Resolution<Instant> at = when.instant(context, date, time);
        if (at instanceof Resolution.Ask<Instant> ask) {
            return ask.answer();
        }
        Instant start = ((Resolution.Found<Instant>) at).value();
        if (subject.service().inSteps()) {
            return checkSteps(
                    context,
                    subject,
                    new Alternatives.Wish(date, time, request.window().orElse(null)),
                    start);
        }
        Optional<SlotHold> alreadyHeld = desk.holds()
                .heldFor(
                        context.companyId(),
                        context.retellCallId(),
                        subject.service().id(),
                        subject.staffId(),
                        start);
        if (alreadyHeld.isPresent()) {
            return free(context, subject, start, alreadyHeld.get(), false);
        }
        LocalDate searchEnd = desk.searchEnd(context, date);
        Availability availability = desk.freeSlotsAt(context, subject.calendar(), date, searchEnd, start, false);
        // one query: other calls' holds decide this time and which alternatives are really free
        List<SlotHold> others = heldHosts.others(context, date, searchEnd);
        FreeSlot slot = Alternatives.exact(availability, start);
        if (slot != null) {
            List<String> hosts = heldHosts.candidates(context, subject, slot, others, false);
            if (!hosts.isEmpty()
                    && desk.holds()
                                    .hold(new SlotHoldService.HoldRequest(
                                            context.companyId(),
                                            context.retellCallId(),
                                            subject.service().id(),
                                            subject.staffId(),
                                            subject.calendar(),
                                            context.zone(),
                                            start,
                                            hosts,
                                            true))
                            instanceof SlotHoldService.Held held) {
                return free(context, subject, start, held.hold(), availability.stale());
            }
            // other callers hold every host free then (or won the race for the last one just now)
            others = heldHosts.others(context, date, searchEnd);
        }
        Alternatives.Wish wish =
                new Alternatives.Wish(date, time, request.window().orElse(null));
        return taken(context, subject, heldHosts.without(context, subject, availability, others), wish, start);
    }

    /**
     * A service in steps: free where every step fits with its pause ({@link StepDesk}); then every step is held at
     * once, each for its stylist at its time, the pauses not.
     */
    private FunctionResult checkSteps(
            CallContext context, SlotDesk.Subject subject, Alternatives.Wish wish, Instant start) {
        List<SlotHold> held = desk.holds()
                .stepsHeldFor(
                        context.companyId(),
                        context.retellCallId(),
                        subject.service().id(),
                        subject.staffId(),
                        start);
        if (!held.isEmpty()) {
            return free(
                    context,
                    subject,
                    start,
                    held.get(0),
                    held.get(held.size() - 1).endsAt(),
                    false);
        }
        LocalDate searchEnd = desk.searchEnd(context, wish.date());
        StepDesk.Loaded loaded = steps.load(context, subject, wish.date(), searchEnd);
        Optional<StepPlanner.Plan> plan = loaded.planAt(start);
        if (plan.isPresent()) {
            if (desk.holds()
                            .holdSteps(
                                    context.companyId(),
                                    context.retellCallId(),
                                    subject.service().id(),
                                    subject.staffId(),
                                    subject.calendar().account(),
                                    context.zone(),
                                    plan.get())
                    instanceof SlotHoldService.Held h) {
                return free(context, subject, start, h.hold(), plan.get().end(), loaded.stale());
            }
            // another caller won a stylist of some step just now: their hold counts for the alternatives
            loaded = steps.load(context, subject, wish.date(), searchEnd);
        }
        return taken(context, subject, steps.availability(context, loaded), wish, start);
    }

    private FunctionResult free(
            CallContext context, SlotDesk.Subject subject, Instant start, SlotHold hold, boolean stale) {
        return free(context, subject, start, hold, null, stale);
    }

    /** @param end when the last step ends (a service in steps: the caller hears it), else null */
    private FunctionResult free(
            CallContext context,
            SlotDesk.Subject subject,
            Instant start,
            SlotHold hold,
            @Nullable Instant end,
            boolean stale) {
        String spoken = desk.spoken(context, start);
        String message;
        if (end != null) {
            String spokenEnd = SpokenTimes.time(end.atZone(context.zone()).toLocalTime(), context.language());
            message = subject.staff() == null
                    ? Messages.render(
                            MessageKey.SLOT_FREE_STEPS, context.language(), Map.of("time", spoken, "end", spokenEnd))
                    : Messages.render(
                            MessageKey.SLOT_FREE_STEPS_WITH_STAFF,
                            context.language(),
                            Map.of("time", spoken, "staff", subject.staff().name(), "end", spokenEnd));
        } else {
            message = subject.staff() == null
                    ? Messages.render(MessageKey.SLOT_FREE, context.language(), Map.of("time", spoken))
                    : Messages.render(
                            MessageKey.SLOT_FREE_WITH_STAFF,
                            context.language(),
                            Map.of("time", spoken, "staff", subject.staff().name()));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("available", true);
        subject.putInto(data);
        data.put("slot", desk.slot(context, start));
        if (end != null) {
            data.put("ends", desk.slot(context, end));
        }
        data.put("hold", Map.of("held", true, "until", hold.expiresAt().toString()));
        if (stale) {
            data.put("stale", true);
        }
        return FunctionResult.ok(message, data);
    }

    private FunctionResult taken(
            CallContext context,
            SlotDesk.Subject subject,
            Availability availability,
            Alternatives.Wish wish,
            Instant start) {
        List<FreeSlot> alternatives = desk.alternatives(context, availability, wish, ALTERNATIVES, Set.of(start));
        boolean closed = Alternatives.looksClosed(availability, wish.date());
        // midnight, 23:59, 7 in the morning: nobody took it, the business is closed then
        boolean closedAtTime = !closed
                && wish.time() != null
                && NearOptions.outsideHours(availability, context.zone(), wish.date(), wish.time());
        String day = desk.spokenDay(context, wish.date());
        String spokenStart = desk.spoken(context, start);
        String message;
        if (closedAtTime) {
            message = alternatives.isEmpty()
                    ? Messages.render(MessageKey.CLOSED_AT_TIME, context.language(), Map.of("time", spokenStart))
                    : Messages.render(
                            MessageKey.CLOSED_AT_TIME_WITH_ALTERNATIVES,
                            context.language(),
                            Map.of("time", spokenStart, "alternatives", desk.spokenList(context, alternatives)));
        } else if (alternatives.isEmpty()) {
            message = closed
                    ? Messages.render(MessageKey.CLOSED_DAY, context.language(), Map.of("day", day))
                    : Messages.render(
                            MessageKey.SLOT_TAKEN_NOTHING_FREE,
                            context.language(),
                            Map.of(
                                    "time",
                                    spokenStart,
                                    "day",
                                    desk.spokenDay(
                                            context,
                                            availability.days().isEmpty()
                                                    ? wish.date()
                                                    : availability.days().lastKey())));
        } else {
            String offered = desk.spokenList(context, alternatives);
            message = closed
                    ? Messages.render(
                            MessageKey.CLOSED_DAY_WITH_ALTERNATIVES,
                            context.language(),
                            Map.of("day", day, "alternatives", offered))
                    : Messages.render(
                            MessageKey.SLOT_TAKEN_WITH_ALTERNATIVES,
                            context.language(),
                            Map.of("time", spokenStart, "alternatives", offered));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("available", false);
        subject.putInto(data);
        data.put("requested", desk.slot(context, start));
        data.put("closed", closed);
        if (closedAtTime) {
            data.put("closed_at_time", true);
        }
        data.put("alternatives", desk.slots(context, alternatives));
        if (availability.stale()) {
            data.put("stale", true);
        }
        return FunctionResult.notOk(
                closed ? Reason.CLOSED_DAY : closedAtTime ? Reason.CLOSED_TIME : Reason.SLOT_TAKEN, message, data);
    }
}
