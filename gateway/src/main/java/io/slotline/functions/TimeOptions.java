package io.slotline.functions;

import io.slotline.availability.Availability;
import io.slotline.availability.FreeSlot;
import io.slotline.booking.Alternatives;
import io.slotline.speech.DateTimeRequest;
import io.slotline.speech.MessageKey;
import io.slotline.speech.Messages;
import io.slotline.speech.SpokenTimes;
import io.slotline.speech.TimeWindow;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * check_availability's answers when the caller names no one exact time: the free times of a day or window, of a
 * period, or around a time meant roughly. Nothing is held; other days are offered when those have nothing free.
 */
@Component
class TimeOptions {

    private static final int DAY_OPTIONS = 4;

    private final SlotDesk desk;
    private final StepDesk steps;

    TimeOptions(SlotDesk desk, StepDesk steps) {
        this.desk = desk;
        this.steps = steps;
    }

    /** A time meant roughly ("gegen halb drei"): the free times of that day nearest to it, nothing held. */
    FunctionResult nearTime(CallContext context, SlotDesk.Subject subject, DateTimeRequest request) {
        LocalDate date = request.date();
        LocalTime target = request.time().orElseThrow();
        TimeWindow window = request.window().orElse(null);
        Availability availability = free(context, subject, date, desk.searchEnd(context, date));
        List<FreeSlot> near = NearOptions.nearTime(
                availability,
                context.zone(),
                date,
                target,
                window,
                context.receivedAt(),
                CheckAvailability.ALTERNATIVES);
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
            return freeTimes(context, MessageKey.NEAR_TIME_OPTIONS, day, near, near, data);
        }
        return otherTimes(
                context,
                availability,
                new Alternatives.Wish(date, target, window),
                day,
                data,
                MessageKey.NOTHING_NEAR_TIME);
    }

    /** A period ("Anfang nächster Woche", "later this week"): a few free times on its days, else the next ones after. */
    FunctionResult periodOptions(CallContext context, SlotDesk.Subject subject, DateTimeRequest request) {
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
                ? desk.alternatives(
                        context,
                        availability,
                        new Alternatives.Wish(
                                last.plusDays(1),
                                request.time().orElse(null),
                                request.window().orElse(null)),
                        CheckAvailability.ALTERNATIVES,
                        Set.of())
                : List.of();
        data.put("alternatives", desk.slots(context, after));
        if (after.isEmpty()) {
            return desk.nothingFreeUntil(context, until, data);
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
    FunctionResult dayOptions(
            CallContext context, SlotDesk.Subject subject, LocalDate date, @Nullable TimeWindow window) {
        Availability availability = free(context, subject, date, desk.searchEnd(context, date));
        List<FreeSlot> thatDay = NearOptions.onDay(availability, context.zone(), date, window, context.receivedAt());
        String day = desk.spokenDay(context, date);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("available", !thatDay.isEmpty());
        subject.putInto(data);
        data.put("date", date.toString());
        if (!thatDay.isEmpty()) {
            return freeTimes(
                    context, MessageKey.DAY_OPTIONS, day, NearOptions.spread(thatDay, DAY_OPTIONS), thatDay, data);
        }
        return otherTimes(
                context,
                availability,
                new Alternatives.Wish(date, null, window),
                day,
                data,
                MessageKey.DAY_FULL_WITH_ALTERNATIVES);
    }

    /** The day's free times: all of them in the data, {@code said} in the sentence. */
    private FunctionResult freeTimes(
            CallContext context,
            MessageKey key,
            String day,
            List<FreeSlot> said,
            List<FreeSlot> listed,
            Map<String, Object> data) {
        data.put("free_times", desk.slots(context, listed));
        List<LocalTime> times = said.stream()
                .map(slot -> slot.start().atZone(context.zone()).toLocalTime())
                .toList();
        return FunctionResult.ok(
                Messages.render(
                        key,
                        context.language(),
                        Map.of("day", day, "times", SpokenTimes.times(times, context.language()))),
                data);
    }

    /**
     * Nothing to offer on the wished day: the best other times, or that the day is closed or nothing is free up to
     * the end of the search.
     *
     * @param full the message for a day that is open but has nothing free, with alternatives
     */
    private FunctionResult otherTimes(
            CallContext context,
            Availability availability,
            Alternatives.Wish wish,
            String day,
            Map<String, Object> data,
            MessageKey full) {
        LocalDate date = wish.date();
        List<FreeSlot> alternatives =
                desk.alternatives(context, availability, wish, CheckAvailability.ALTERNATIVES, Set.of());
        boolean closed = Alternatives.looksClosed(availability, date);
        data.put("closed", closed);
        data.put("alternatives", desk.slots(context, alternatives));
        Reason reason = closed ? Reason.CLOSED_DAY : Reason.NO_SLOTS;
        if (alternatives.isEmpty()) {
            return FunctionResult.notOk(
                    reason,
                    closed
                            ? Messages.render(MessageKey.CLOSED_DAY, context.language(), Map.of("day", day))
                            : Messages.render(
                                    MessageKey.NOTHING_FREE_UNTIL,
                                    context.language(),
                                    Map.of("day", desk.spokenDay(context, desk.searchEnd(context, date)))),
                    data);
        }
        return FunctionResult.notOk(
                reason,
                Messages.render(
                        closed ? MessageKey.CLOSED_DAY_WITH_ALTERNATIVES : full,
                        context.language(),
                        Map.of("day", day, "alternatives", desk.spokenList(context, alternatives))),
                data);
    }

    /** The calendar's free slots; for a service in steps the starts where every step fits. */
    private Availability free(CallContext context, SlotDesk.Subject subject, LocalDate from, LocalDate to) {
        return subject.service().inSteps()
                ? steps.availability(context, subject, from, to)
                : desk.freeSlots(context, subject.calendar(), from, to);
    }
}
