package io.slotline.functions;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.slotline.availability.Availability;
import io.slotline.availability.FreeSlot;
import io.slotline.speech.DateTimeRequest;
import io.slotline.speech.MessageKey;
import io.slotline.speech.Messages;
import io.slotline.speech.TimeWindow;
import io.slotline.speech.ZonedTimes;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The earliest free slot (and the next two) from now or from a given point, within {@code max_days}, in one
 * availability request. A window ("nachmittags", "ab 15 Uhr") applies to every day; a time only to the first.
 */
@Component
class FindNextAvailable implements FunctionHandler<FindNextAvailable.Args> {

    static final int DEFAULT_MAX_DAYS = 14;
    static final int MAX_DAYS = 60;
    private static final int SLOTS = 3;

    record Args(
            @JsonProperty(required = true) @JsonPropertyDescription("The service as the caller named it.") @Nullable String service,

            @JsonPropertyDescription("Search from here: a day, a day and time, or a part of the day "
                    + "(\"morgen\", \"Montag ab 15 Uhr\", \"next week Tuesday afternoon\"); default now.")
            @Nullable String after,

            @JsonPropertyDescription("The staff member's name, only if the caller asked for someone.") @Nullable String staff,

            @JsonProperty("max_days")
            @JsonPropertyDescription("How many days to look ahead, 1 to 60; default 14.")
            @Nullable Integer maxDays) {}

    private final SlotDesk desk;
    private final SpokenWhen when;
    private final OfferableSlots offerable;

    FindNextAvailable(SlotDesk desk, SpokenWhen when, OfferableSlots offerable) {
        this.desk = desk;
        this.when = when;
        this.offerable = offerable;
    }

    @Override
    public String name() {
        return "find_next_available";
    }

    @Override
    public boolean asksCalendar() {
        return true;
    }

    @Override
    public String description() {
        return "Finds the earliest free appointment for a service (and the next two), from now or from a given "
                + "day or time. Use it when the caller asks for the next possible appointment.";
    }

    @Override
    public Class<Args> argsType() {
        return Args.class;
    }

    @Override
    public FunctionResult handle(CallContext context, Args args) {
        return desk.unlessCalendarUnavailable(
                context,
                () -> desk.lookup(context, args.service(), args.staff()).then(subject -> find(context, args, subject)));
    }

    private FunctionResult find(CallContext context, Args args, SlotDesk.Subject subject) {
        LocalDate from = context.today();
        Instant notBefore = context.receivedAt();
        TimeWindow window = null;
        if (args.after() != null && !args.after().isBlank()) {
            Resolution<DateTimeRequest> asked = when.resolve(context, args.after(), null);
            if (asked instanceof Resolution.Ask<DateTimeRequest> ask) {
                return ask.answer();
            }
            DateTimeRequest request = ((Resolution.Found<DateTimeRequest>) asked).value();
            window = request.window().orElse(null);
            if (request.date().isAfter(from)) {
                from = request.date();
                notBefore = ZonedTimes.startOfDay(from, context.zone());
            }
            if (request.time().isPresent()) {
                Instant at = ZonedTimes.atOrAfter(
                        request.date().atTime(request.time().get()), context.zone());
                notBefore = at.isAfter(notBefore) ? at : notBefore;
            }
        }
        Optional<FunctionResult> outside = desk.outsideBookingWindow(context, from);
        if (outside.isPresent()) {
            return outside.get();
        }
        int maxDays = args.maxDays() == null ? DEFAULT_MAX_DAYS : Math.max(1, Math.min(MAX_DAYS, args.maxDays()));
        LocalDate until = from.plusDays(maxDays - 1);
        if (until.isAfter(desk.lastBookableDay(context))) {
            until = desk.lastBookableDay(context);
        }
        Availability availability = offerable.between(context, subject, from, until);
        Instant earliest = notBefore;
        TimeWindow daily = window;
        List<FreeSlot> next = availability
                .all()
                .filter(slot -> !slot.start().isBefore(earliest))
                .filter(slot -> daily == null
                        || daily.contains(slot.start().atZone(context.zone()).toLocalTime()))
                .sorted(Comparator.comparing(FreeSlot::start))
                .limit(SLOTS)
                .toList();
        Map<String, Object> data = new LinkedHashMap<>();
        subject.putInto(data);
        data.put("searched_until", until.toString());
        if (availability.stale()) {
            data.put("stale", true);
        }
        if (next.isEmpty()) {
            data.put("slots", List.of());
            return desk.nothingFreeUntil(context, until, data);
        }
        data.put("slot", desk.slot(context, next.get(0).start()));
        data.put("slots", desk.slots(context, next));
        String first = desk.spoken(context, next.get(0).start());
        String message = next.size() == 1
                ? Messages.render(MessageKey.NEXT_AVAILABLE, context.language(), Map.of("time", first))
                : Messages.render(
                        MessageKey.NEXT_AVAILABLE_WITH_MORE,
                        context.language(),
                        Map.of("time", first, "more", desk.spokenList(context, next.subList(1, next.size()))));
        return FunctionResult.ok(message, data);
    }
}
