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
import io.slotline.speech.TimeWindow;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
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
    private static final int DAY_OPTIONS = 4;

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

    CheckAvailability(SlotDesk desk, SpokenWhen when, HeldHosts heldHosts, StepDesk steps) {
        this.desk = desk;
        this.when = when;
        this.heldHosts = heldHosts;
        this.steps = steps;
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
            return periodOptions(context, subject, request);
        }
        if (request.time().isEmpty()) {
            return dayOptions(context, subject, date, request.window().orElse(null));
        }
        if (request.approximate()) {
            return nearTime(context, subject, request);
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
        List<FreeSlot> alternatives = Alternatives.forSpeaking(
                Alternatives.rank(
                        availability,
                        context.zone(),
                        wish,
                        ALTERNATIVES,
                        context.receivedAt(),
                        desk.lastBookableDay(context),
                        Set.of(start)),
                context.zone());
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

    /** A time meant roughly ("gegen halb drei"): the free times of that day nearest to it, nothing held. */
    private FunctionResult nearTime(CallContext context, SlotDesk.Subject subject, DateTimeRequest request) {
        LocalDate date = request.date();
        LocalTime target = request.time().orElseThrow();
        TimeWindow window = request.window().orElse(null);
        Availability availability = free(context, subject, date, desk.searchEnd(context, date));
        List<FreeSlot> near = NearOptions.nearTime(
                availability, context.zone(), date, target, window, context.receivedAt(), ALTERNATIVES);
        String day = desk.spokenDay(context, date);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("available", !near.isEmpty());
        subject.putInto(data);
        data.put("date", date.toString());
        data.put("around", target.toString());
        if (availability.stale()) {
            data.put("stale", true);
        }
        if (!near.isEmpty()) {
            data.put("free_times", desk.slots(context, near));
            List<LocalTime> times = near.stream()
                    .map(slot -> slot.start().atZone(context.zone()).toLocalTime())
                    .toList();
            return FunctionResult.ok(
                    Messages.render(
                            MessageKey.NEAR_TIME_OPTIONS,
                            context.language(),
                            Map.of("day", day, "times", SpokenTimes.times(times, context.language()))),
                    data);
        }
        List<FreeSlot> alternatives = Alternatives.forSpeaking(
                Alternatives.rank(
                        availability,
                        context.zone(),
                        new Alternatives.Wish(date, target, window),
                        ALTERNATIVES,
                        context.receivedAt(),
                        desk.lastBookableDay(context),
                        Set.of()),
                context.zone());
        boolean closed = Alternatives.looksClosed(availability, date);
        data.put("closed", closed);
        data.put("alternatives", desk.slots(context, alternatives));
        if (alternatives.isEmpty()) {
            return FunctionResult.notOk(
                    closed ? Reason.CLOSED_DAY : Reason.NO_SLOTS,
                    closed
                            ? Messages.render(MessageKey.CLOSED_DAY, context.language(), Map.of("day", day))
                            : Messages.render(
                                    MessageKey.NOTHING_FREE_UNTIL,
                                    context.language(),
                                    Map.of("day", desk.spokenDay(context, desk.searchEnd(context, date)))),
                    data);
        }
        String offered = desk.spokenList(context, alternatives);
        return FunctionResult.notOk(
                closed ? Reason.CLOSED_DAY : Reason.NO_SLOTS,
                closed
                        ? Messages.render(
                                MessageKey.CLOSED_DAY_WITH_ALTERNATIVES,
                                context.language(),
                                Map.of("day", day, "alternatives", offered))
                        : Messages.render(
                                MessageKey.NOTHING_NEAR_TIME,
                                context.language(),
                                Map.of("day", day, "alternatives", offered)),
                data);
    }

    /** A period ("Anfang nächster Woche", "later this week"): a few free times on its days, else the next ones after. */
    private FunctionResult periodOptions(CallContext context, SlotDesk.Subject subject, DateTimeRequest request) {
        LocalDate first = request.date();
        LocalDate lastBookable = desk.lastBookableDay(context);
        LocalDate last = request.lastDate().isAfter(lastBookable) ? lastBookable : request.lastDate();
        LocalDate until = desk.searchEnd(context, last);
        Availability availability = free(context, subject, first, until);
        List<FreeSlot> offered = NearOptions.inPeriod(
                availability,
                context.zone(),
                first,
                last,
                request.time().orElse(null),
                request.window().orElse(null),
                context.receivedAt(),
                DAY_OPTIONS);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("available", !offered.isEmpty());
        subject.putInto(data);
        data.put("period", Map.of("from", first.toString(), "until", last.toString()));
        if (availability.stale()) {
            data.put("stale", true);
        }
        if (!offered.isEmpty()) {
            data.put("free_times", desk.slots(context, offered));
            return FunctionResult.ok(
                    Messages.render(
                            MessageKey.ALTERNATIVES_OFFER,
                            context.language(),
                            Map.of("alternatives", desk.spokenList(context, offered))),
                    data);
        }
        List<FreeSlot> after = last.isBefore(lastBookable)
                ? Alternatives.forSpeaking(
                        Alternatives.rank(
                                availability,
                                context.zone(),
                                new Alternatives.Wish(
                                        last.plusDays(1),
                                        request.time().orElse(null),
                                        request.window().orElse(null)),
                                ALTERNATIVES,
                                context.receivedAt(),
                                lastBookable,
                                Set.of()),
                        context.zone())
                : List.of();
        data.put("alternatives", desk.slots(context, after));
        if (after.isEmpty()) {
            return FunctionResult.notOk(
                    Reason.NO_SLOTS,
                    Messages.render(
                            MessageKey.NOTHING_FREE_UNTIL,
                            context.language(),
                            Map.of("day", desk.spokenDay(context, until))),
                    data);
        }
        return FunctionResult.notOk(
                Reason.NO_SLOTS,
                Messages.render(
                        MessageKey.PERIOD_FULL_WITH_ALTERNATIVES,
                        context.language(),
                        Map.of(
                                "period",
                                SpokenTimes.period(first, last, context.today(), context.language()),
                                "alternatives",
                                desk.spokenList(context, after))),
                data);
    }

    /** No time given: some free times of that day (within the window), or other days when it has none. */
    private FunctionResult dayOptions(
            CallContext context, SlotDesk.Subject subject, LocalDate date, @Nullable TimeWindow window) {
        Availability availability = free(context, subject, date, desk.searchEnd(context, date));
        List<FreeSlot> thatDay = availability.on(date).stream()
                .filter(slot -> !slot.start().isBefore(context.receivedAt()))
                .filter(slot -> window == null
                        || window.contains(slot.start().atZone(context.zone()).toLocalTime()))
                .toList();
        String day = desk.spokenDay(context, date);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("available", !thatDay.isEmpty());
        subject.putInto(data);
        data.put("date", date.toString());
        if (!thatDay.isEmpty()) {
            List<LocalTime> offered = spread(thatDay, DAY_OPTIONS).stream()
                    .map(slot -> slot.start().atZone(context.zone()).toLocalTime())
                    .toList();
            data.put("free_times", desk.slots(context, thatDay));
            return FunctionResult.ok(
                    Messages.render(
                            MessageKey.DAY_OPTIONS,
                            context.language(),
                            Map.of("day", day, "times", SpokenTimes.times(offered, context.language()))),
                    data);
        }
        List<FreeSlot> alternatives = Alternatives.forSpeaking(
                Alternatives.rank(
                        availability,
                        context.zone(),
                        new Alternatives.Wish(date, null, window),
                        ALTERNATIVES,
                        context.receivedAt(),
                        desk.lastBookableDay(context),
                        Set.of()),
                context.zone());
        boolean closed = Alternatives.looksClosed(availability, date);
        data.put("closed", closed);
        data.put("alternatives", desk.slots(context, alternatives));
        if (alternatives.isEmpty()) {
            return FunctionResult.notOk(
                    closed ? Reason.CLOSED_DAY : Reason.NO_SLOTS,
                    closed
                            ? Messages.render(MessageKey.CLOSED_DAY, context.language(), Map.of("day", day))
                            : Messages.render(
                                    MessageKey.NOTHING_FREE_UNTIL,
                                    context.language(),
                                    Map.of("day", desk.spokenDay(context, desk.searchEnd(context, date)))),
                    data);
        }
        String offered = desk.spokenList(context, alternatives);
        return FunctionResult.notOk(
                closed ? Reason.CLOSED_DAY : Reason.NO_SLOTS,
                Messages.render(
                        closed ? MessageKey.CLOSED_DAY_WITH_ALTERNATIVES : MessageKey.DAY_FULL_WITH_ALTERNATIVES,
                        context.language(),
                        Map.of("day", day, "alternatives", offered)),
                data);
    }

    /** The calendar's free slots; for a service in steps the starts where every step fits. */
    private Availability free(CallContext context, SlotDesk.Subject subject, LocalDate from, LocalDate to) {
        return subject.service().inSteps()
                ? steps.availability(context, subject, from, to)
                : desk.freeSlots(context, subject.calendar(), from, to);
    }

    /** A few times spread over the day rather than the first few in a row. */
    static List<FreeSlot> spread(List<FreeSlot> slots, int count) {
        if (slots.size() <= count) {
            return slots;
        }
        List<FreeSlot> picked = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            picked.add(slots.get(i * (slots.size() - 1) / (count - 1)));
        }
        return picked;
    }
}
