package io.slotline.sim.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Working hours per weekday as local times in the host's zone. A window is {@code [start, end)} in minutes of the
 * local day, so "24:00" can close a day. Converting to instants goes through the zone rules of the concrete date,
 * which makes DST days come out right (a window starting inside a spring-forward gap starts at the gap's end).
 */
public record WeeklySchedule(Map<DayOfWeek, List<Window>> days) {

    public record Window(int startMinute, int endMinute) {
        public Window {
            if (startMinute < 0 || endMinute > 24 * 60 || startMinute >= endMinute) {
                throw new IllegalArgumentException("invalid working window " + startMinute + "-" + endMinute);
            }
        }

        static Window parse(String text) {
            String[] parts = text.trim().split("-");
            if (parts.length != 2) {
                throw new IllegalArgumentException("working window must look like 09:00-18:00, got " + text);
            }
            return new Window(minuteOfDay(parts[0]), minuteOfDay(parts[1]));
        }

        private static int minuteOfDay(String hhmm) {
            String value = hhmm.trim();
            if (value.equals("24:00")) {
                return 24 * 60;
            }
            LocalTime time = LocalTime.parse(value);
            return time.getHour() * 60 + time.getMinute();
        }

        String describe() {
            return "%02d:%02d-%02d:%02d".formatted(startMinute / 60, startMinute % 60, endMinute / 60, endMinute % 60);
        }
    }

    /** A window on a concrete date, as instants. */
    public record Occurrence(Instant start, Instant end) {}

    public WeeklySchedule {
        EnumMap<DayOfWeek, List<Window>> copy = new EnumMap<>(DayOfWeek.class);
        days.forEach((day, windows) -> copy.put(
                day,
                windows.stream()
                        .sorted(Comparator.comparingInt(Window::startMinute))
                        .toList()));
        days = copy;
    }

    /** Parses {@code {"mon":["09:00-18:00"], "saturday":["09:00-14:00"]}}; missing days are closed. */
    public static WeeklySchedule parse(Map<String, List<String>> spec) {
        EnumMap<DayOfWeek, List<Window>> days = new EnumMap<>(DayOfWeek.class);
        spec.forEach((dayName, windows) -> {
            DayOfWeek day = dayOf(dayName);
            List<Window> parsed = new ArrayList<>();
            for (String window : windows) {
                parsed.add(Window.parse(window));
            }
            days.put(day, parsed);
        });
        return new WeeklySchedule(days);
    }

    private static DayOfWeek dayOf(String name) {
        String lower = name.trim().toLowerCase(Locale.ROOT);
        for (DayOfWeek day : DayOfWeek.values()) {
            String full = day.name().toLowerCase(Locale.ROOT);
            if (full.equals(lower) || full.substring(0, 3).equals(lower)) {
                return day;
            }
        }
        throw new IllegalArgumentException("unknown weekday " + name);
    }

    public List<Window> windows(DayOfWeek day) {
        return days.getOrDefault(day, List.of());
    }

    public Map<String, List<String>> describe() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        days.forEach((day, windows) -> out.put(
                day.name().substring(0, 3).toLowerCase(Locale.ROOT),
                windows.stream().map(Window::describe).toList()));
        return out;
    }

    public boolean isOpen(DayOfWeek day) {
        return !windows(day).isEmpty();
    }

    /** Every working window touching {@code [from, to]}, in time order. */
    public List<Occurrence> occurrences(ZoneId zone, Instant from, Instant to) {
        List<Occurrence> result = new ArrayList<>();
        LocalDate first = from.atZone(zone).toLocalDate().minusDays(1);
        LocalDate last = to.atZone(zone).toLocalDate().plusDays(1);
        for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
            for (Window window : windows(date.getDayOfWeek())) {
                Instant start = at(date, window.startMinute(), zone);
                Instant end = at(date, window.endMinute(), zone);
                if (end.isAfter(from) && !start.isAfter(to)) {
                    result.add(new Occurrence(start, end));
                }
            }
        }
        return result;
    }

    /** True when {@code [start, end)} lies inside one working window of the host. */
    public boolean covers(ZoneId zone, Instant start, Instant end) {
        for (Occurrence occurrence : occurrences(zone, start, end)) {
            if (!start.isBefore(occurrence.start()) && !end.isAfter(occurrence.end())) {
                return true;
            }
        }
        return false;
    }

    static Instant at(LocalDate date, int minuteOfDay, ZoneId zone) {
        if (minuteOfDay == 24 * 60) {
            return date.plusDays(1).atStartOfDay(zone).toInstant();
        }
        return LocalDateTime.of(date, LocalTime.of(minuteOfDay / 60, minuteOfDay % 60))
                .atZone(zone)
                .toInstant();
    }
}
