package io.slotline.booking;

import io.slotline.availability.Availability;
import io.slotline.availability.FreeSlot;
import io.slotline.speech.TimeWindow;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Which free slots to offer instead of the one asked for, in this order: the same day, nearest to the requested
 * time first (on a tie the later one: callers name the earliest time they can make); then the following days at
 * the same time; then the same weekday next week at the same time; then simply the next free slots. No slot twice,
 * none in the past, none outside the window the caller wants (e.g. afternoons) or after the last bookable day.
 * Opening hours need no check here: Cal.com only offers slots inside them.
 */
public final class Alternatives {

    /** Days after the requested one tried at the same time before the same weekday next week. */
    private static final int FOLLOWING_DAYS = 6;

    private Alternatives() {}

    /**
     * What the caller asked for.
     *
     * @param time   the time asked for; null when only a day (or a window) was named
     * @param window the part of the day the caller wants; null for any
     */
    public record Wish(
            LocalDate date,
            @Nullable LocalTime time,
            @Nullable TimeWindow window) {
        public Wish {
            Objects.requireNonNull(date, "date");
        }
    }

    /**
     * @param notBefore slots starting earlier are not offered (the request's "now")
     * @param lastDay   the last day of the booking window
     * @param excluded  starts not to offer, e.g. the taken slot itself
     * @return at most {@code count} slots, best first
     */
    public static List<FreeSlot> rank(
            Availability availability,
            ZoneId zone,
            Wish wish,
            int count,
            Instant notBefore,
            LocalDate lastDay,
            Set<Instant> excluded) {
        if (count <= 0) {
            return List.of();
        }
        TreeMap<LocalDate, List<FreeSlot>> byDay = new TreeMap<>();
        availability
                .all()
                .filter(slot -> !slot.start().isBefore(notBefore) && !excluded.contains(slot.start()))
                .filter(slot -> {
                    LocalDate day = day(slot, zone);
                    return !day.isBefore(wish.date()) && !day.isAfter(lastDay);
                })
                .filter(slot -> wish.window() == null || wish.window().contains(time(slot, zone)))
                .sorted(Comparator.comparing(FreeSlot::start))
                .forEach(slot -> byDay.computeIfAbsent(day(slot, zone), d -> new ArrayList<>())
                        .add(slot));

        Set<FreeSlot> picked = new LinkedHashSet<>();
        List<FreeSlot> sameDay = new ArrayList<>(byDay.getOrDefault(wish.date(), List.of()));
        if (wish.time() != null) {
            LocalTime asked = wish.time();
            sameDay.sort(Comparator.<FreeSlot>comparingLong(slot -> distanceMinutes(time(slot, zone), asked))
                    .thenComparing(FreeSlot::start, Comparator.reverseOrder()));
        }
        addUpTo(picked, sameDay, count);
        for (int ahead = 1; ahead <= FOLLOWING_DAYS + 1 && picked.size() < count; ahead++) {
            // ahead == 7: the same weekday next week
            sameTime(byDay.getOrDefault(wish.date().plusDays(ahead), List.of()), wish.time(), zone)
                    .ifPresent(slot -> addUpTo(picked, List.of(slot), count));
        }
        addUpTo(picked, byDay.values().stream().flatMap(List::stream).toList(), count);
        return List.copyOf(picked);
    }

    /**
     * The order to say them in: grouped by day in the order the days first appear, times ascending within a day
     * ("morgen um 9 Uhr oder 10 Uhr, oder Dienstag um 14 Uhr").
     */
    public static List<FreeSlot> forSpeaking(List<FreeSlot> ranked, ZoneId zone) {
        Map<LocalDate, List<FreeSlot>> groups = new LinkedHashMap<>();
        for (FreeSlot slot : ranked) {
            groups.computeIfAbsent(day(slot, zone), d -> new ArrayList<>()).add(slot);
        }
        List<FreeSlot> ordered = new ArrayList<>();
        groups.values()
                .forEach(slots -> slots.stream()
                        .sorted(Comparator.comparing(FreeSlot::start))
                        .forEach(ordered::add));
        return ordered;
    }

    /**
     * Whether a day without any free slot looks like a closed day rather than a fully booked one: Cal.com says
     * neither, so a day counts as closed when the same weekday in the other weeks of the answer has no slot either
     * (Sundays). Without another such weekday in the answer it is not called closed.
     */
    public static boolean looksClosed(Availability availability, LocalDate day) {
        if (!availability.on(day).isEmpty() || availability.days().isEmpty()) {
            return false;
        }
        LocalDate first = availability.days().firstKey();
        LocalDate last = availability.days().lastKey();
        boolean comparedWithAnotherWeek = false;
        for (LocalDate other = day.minusWeeks(1); !other.isBefore(first); other = other.minusWeeks(1)) {
            comparedWithAnotherWeek = true;
            if (!availability.on(other).isEmpty()) {
                return false;
            }
        }
        for (LocalDate other = day.plusWeeks(1); !other.isAfter(last); other = other.plusWeeks(1)) {
            comparedWithAnotherWeek = true;
            if (!availability.on(other).isEmpty()) {
                return false;
            }
        }
        return comparedWithAnotherWeek;
    }

    public static @Nullable FreeSlot exact(Availability availability, Instant start) {
        return availability
                .all()
                .filter(slot -> slot.start().equals(start))
                .findFirst()
                .orElse(null);
    }

    private static java.util.Optional<FreeSlot> sameTime(List<FreeSlot> day, @Nullable LocalTime asked, ZoneId zone) {
        if (asked == null) {
            return day.stream().findFirst();
        }
        return day.stream().filter(slot -> time(slot, zone).equals(asked)).findFirst();
    }

    private static void addUpTo(Set<FreeSlot> picked, List<FreeSlot> slots, int count) {
        for (FreeSlot slot : slots) {
            if (picked.size() >= count) {
                return;
            }
            picked.add(slot);
        }
    }

    private static long distanceMinutes(LocalTime a, LocalTime b) {
        return Math.abs(ChronoUnit.MINUTES.between(a, b));
    }

    private static LocalDate day(FreeSlot slot, ZoneId zone) {
        return slot.start().atZone(zone).toLocalDate();
    }

    private static LocalTime time(FreeSlot slot, ZoneId zone) {
        return slot.start().atZone(zone).toLocalTime();
    }
}
