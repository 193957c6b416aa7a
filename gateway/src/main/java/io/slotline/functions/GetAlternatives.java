package io.slotline.functions;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.slotline.availability.Availability;
import io.slotline.availability.FreeSlot;
import io.slotline.booking.Alternatives;
import io.slotline.speech.DateTimeRequest;
import io.slotline.speech.MessageKey;
import io.slotline.speech.Messages;
import io.slotline.speech.ParseResult;
import io.slotline.speech.SpokenTimes;
import io.slotline.speech.TimeWindow;
import io.slotline.tenancy.Language;
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
 * Ranked alternatives around a wish: the same day nearest first, then the following days at the same time, then
 * the same weekday next week, then the next free slots (see {@link Alternatives}). One availability request covers
 * the requested day and the {@code slotline.booking.search-days} after it.
 */
@Component
class GetAlternatives implements FunctionHandler<GetAlternatives.Args> {

    static final int DEFAULT_COUNT = 3;
    static final int MAX_COUNT = 5;

    record Args(
            @JsonProperty(required = true) @JsonPropertyDescription("The service as the caller named it.") @Nullable String service,

            @JsonProperty(required = true)
            @JsonPropertyDescription("The day the caller wants, ISO or in the caller's words (\"morgen\", \"Friday\").")
            @Nullable String date,

            @JsonPropertyDescription("The time the caller wanted, if any (\"14:00\", \"2pm\").") @Nullable String time,

            @JsonPropertyDescription("How many alternatives, 1 to 5; default 3.") @Nullable Integer count,

            @JsonPropertyDescription("Part of the day the caller prefers: morning/afternoon/evening, "
                    + "vormittags/nachmittags/abends, or e.g. \"ab 15 Uhr\".")
            @Nullable String preference,

            @JsonPropertyDescription("The staff member's name, only if the caller asked for someone.") @Nullable String staff) {}

    private final SlotDesk desk;
    private final SpokenWhen when;
    private final OfferableSlots offerable;

    GetAlternatives(SlotDesk desk, SpokenWhen when, OfferableSlots offerable) {
        this.desk = desk;
        this.when = when;
        this.offerable = offerable;
    }

    @Override
    public String name() {
        return "get_alternatives";
    }

    @Override
    public boolean asksCalendar() {
        return true;
    }

    @Override
    public String description() {
        return "Suggests free appointment times around the caller's wish: the same day first, then the following "
                + "days at the same time, then the same weekday next week, then the next free slots. Use it when the "
                + "caller asks what else is possible.";
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
                        .then(asked -> suggest(context, args, asked)));
    }

    private FunctionResult suggest(CallContext context, Args args, SlotDesk.Request asked) {
        SlotDesk.Subject subject = asked.subject();
        DateTimeRequest request = asked.when();
        LocalDate date = request.date();
        // a time already past today just means "from now on"; a past day is a misunderstanding worth saying
        Optional<FunctionResult> refusal = desk.notBookable(context, request.withTime(Optional.empty(), false));
        if (refusal.isPresent()) {
            return refusal.get();
        }
        Optional<TimeWindow> preference = preference(args.preference(), context.language());
        TimeWindow window = combine(request.window().orElse(null), preference.orElse(null));
        LocalTime time = request.time().orElse(null);
        Set<Instant> excluded = time == null
                ? Set.of()
                : when.instant(context, date, time) instanceof Resolution.Found<Instant> at
                        ? Set.of(at.value())
                        : Set.of();
        int count = args.count() == null ? DEFAULT_COUNT : Math.max(1, Math.min(MAX_COUNT, args.count()));
        LocalDate lastBookable = desk.lastBookableDay(context);
        LocalDate last = request.lastDate().isAfter(lastBookable) ? lastBookable : request.lastDate();
        LocalDate until = desk.searchEnd(context, last);
        Availability availability = offerable.between(context, subject, date, until);
        // a period ("Ende der Woche"): times spread over its days first, the next free ones after it otherwise
        List<FreeSlot> inPeriod = request.isPeriod()
                ? NearOptions.inPeriod(
                        availability, context.zone(), date, last, time, window, context.receivedAt(), count)
                : List.of();
        boolean periodFull = request.isPeriod() && inPeriod.isEmpty();
        LocalDate from = periodFull ? last.plusDays(1) : date;
        List<FreeSlot> alternatives = !inPeriod.isEmpty()
                ? inPeriod
                : periodFull && !last.isBefore(lastBookable)
                        ? List.of()
                        : desk.alternatives(
                                context, availability, new Alternatives.Wish(from, time, window), count, excluded);
        Map<String, Object> data = new LinkedHashMap<>();
        subject.putInto(data);
        data.put("date", date.toString());
        if (window != null) {
            data.put(
                    "window",
                    Map.of(
                            "from",
                            window.start().toString(),
                            "until",
                            window.endsAtEndOfDay() ? "24:00" : window.end().toString()));
        }
        if (args.preference() != null && !args.preference().isBlank() && preference.isEmpty()) {
            data.put("preference_understood", false);
        }
        data.put("closed", Alternatives.looksClosed(availability, date));
        data.put("alternatives", desk.slots(context, alternatives));
        if (availability.stale()) {
            data.put("stale", true);
        }
        if (alternatives.isEmpty()) {
            return desk.nothingFreeUntil(context, until, data);
        }
        if (periodFull) {
            data.put("period", Map.of("from", date.toString(), "until", last.toString()));
            return FunctionResult.ok(
                    Messages.render(
                            MessageKey.PERIOD_FULL_WITH_ALTERNATIVES,
                            context.language(),
                            Map.of(
                                    "period",
                                    SpokenTimes.period(date, last, context.today(), context.language()),
                                    "alternatives",
                                    desk.spokenList(context, alternatives))),
                    data);
        }
        if (request.isPeriod()) {
            data.put("period", Map.of("from", date.toString(), "until", last.toString()));
        }
        return FunctionResult.ok(
                Messages.render(
                        MessageKey.ALTERNATIVES_OFFER,
                        context.language(),
                        Map.of("alternatives", desk.spokenList(context, alternatives))),
                data);
    }

    /** The company's language first; LLMs often pass English words to a German agent and the other way round. */
    static Optional<TimeWindow> preference(@Nullable String spoken, Language language) {
        if (spoken == null || spoken.isBlank()) {
            return Optional.empty();
        }
        for (Language candidate :
                language == Language.DE ? List.of(Language.DE, Language.EN) : List.of(Language.EN, Language.DE)) {
            if (TimeWindow.parse(spoken, candidate) instanceof ParseResult.Parsed<TimeWindow> parsed) {
                return Optional.of(parsed.value());
            }
        }
        return Optional.empty();
    }

    /** Both a window in the date/time and a preference: their overlap, or the preference when they don't overlap. */
    static @Nullable TimeWindow combine(@Nullable TimeWindow spoken, @Nullable TimeWindow preference) {
        if (spoken == null) {
            return preference;
        }
        if (preference == null) {
            return spoken;
        }
        return spoken.intersect(preference).orElse(preference);
    }
}
