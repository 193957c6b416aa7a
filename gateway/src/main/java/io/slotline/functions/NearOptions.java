package io.slotline.functions;

import io.slotline.availability.Availability;
import io.slotline.availability.FreeSlot;
import io.slotline.speech.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Free slots to offer for what callers say without naming one exact slot: a time meant roughly ("gegen halb drei":
 * the free times nearest to it), a period ("Anfang nächster Woche": a few times on its days), and whether a time
 * lies outside the hours the calendar ever offers (midnight: "we're closed then", not "taken").
 */
final class NearOptions {

    /** How far from a roughly meant time a slot still counts as "around then". */
    static final Duration AROUND = Duration.ofMinutes(60);

    private static final int PER_DAY_WITHOUT_TIME = 2;

    private NearOptions() {}

    /** Up to {@code count} free slots of the day within an hour of {@code target}, nearest first, said in time order. */
    static List<FreeSlot> nearTime(
            Availability availability,
            ZoneId zone,
            LocalDate date,
            LocalTime target,
            @Nullable TimeWindow window,
            Instant notBefore,
            int count) {
        return availability.on(date).stream()
                .filter(offerable(zone, window, notBefore))
                .filter(slot -> distance(slot, zone, target) <= AROUND.toMinutes())
                .sorted(Comparator.<FreeSlot>comparingLong(slot -> distance(slot, zone, target))
                        .thenComparing(FreeSlot::start, Comparator.reverseOrder()))
                .limit(count)
                .sorted(Comparator.comparing(FreeSlot::start))
                .toList();
    }

    /**
     * Up to {@code count} free slots spread over the days {@code first..last}: with a time, each day's slot
     * nearest to it (within an hour); without, a couple per day spread over it. In time order.
     */
    static List<FreeSlot> inPeriod(
            Availability availability,
            ZoneId zone,
            LocalDate first,
            LocalDate last,
            @Nullable LocalTime time,
            @Nullable TimeWindow window,
            Instant notBefore,
            int count) {
        List<FreeSlot> picked = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            if (time != null) {
                picked.addAll(nearTime(availability, zone, day, time, window, notBefore, 1));
            } else {
                picked.addAll(spread(onDay(availability, zone, day, window, notBefore), PER_DAY_WITHOUT_TIME));
            }
        }
        return spread(picked, count);
    }

    /** The free slots of the day from {@code notBefore} on, within the window if there is one. */
    static List<FreeSlot> onDay(
            Availability availability, ZoneId zone, LocalDate date, @Nullable TimeWindow window, Instant notBefore) {
        return availability.on(date).stream()
                .filter(offerable(zone, window, notBefore))
                .toList();
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

    /**
     * Whether a time lies before the first or after the last start the calendar offers on that weekday in the days
     * known (any weekday when that one has none). False when nothing is known: then it may just be taken.
     */
    static boolean outsideHours(Availability availability, ZoneId zone, LocalDate date, LocalTime time) {
        List<LocalTime> starts = availability.days().entrySet().stream()
                .filter(day -> day.getKey().getDayOfWeek() == date.getDayOfWeek())
                .flatMap(day -> day.getValue().stream())
                .map(slot -> local(slot, zone))
                .toList();
        if (starts.isEmpty()) {
            starts = availability.all().map(slot -> local(slot, zone)).toList();
        }
        if (starts.isEmpty()) {
            return false;
        }
        LocalTime earliest = starts.stream().min(Comparator.naturalOrder()).orElseThrow();
        LocalTime latest = starts.stream().max(Comparator.naturalOrder()).orElseThrow();
        return time.isBefore(earliest) || time.isAfter(latest);
    }

    private static Predicate<FreeSlot> offerable(ZoneId zone, @Nullable TimeWindow window, Instant notBefore) {
        return slot -> !slot.start().isBefore(notBefore) && (window == null || window.contains(local(slot, zone)));
    }

    private static long distance(FreeSlot slot, ZoneId zone, LocalTime target) {
        return Math.abs(Duration.between(target, local(slot, zone)).toMinutes());
    }

    private static LocalTime local(FreeSlot slot, ZoneId zone) {
        return slot.start().atZone(zone).toLocalTime();
    }
}
