package io.slotline.calcom;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Free slots per local date (in the query's time zone), days ascending and slots ascending within a day.
 * Days without slots are absent. {@code fetchedAt} is when the response arrived (for cache age).
 */
public record SlotsResult(SortedMap<LocalDate, List<Slot>> days, Instant fetchedAt) {

    public SlotsResult {
        Objects.requireNonNull(days, "days");
        Objects.requireNonNull(fetchedAt, "fetchedAt");
        TreeMap<LocalDate, List<Slot>> copy = new TreeMap<>();
        for (Map.Entry<LocalDate, List<Slot>> day : days.entrySet()) {
            if (!day.getValue().isEmpty()) {
                copy.put(
                        day.getKey(),
                        day.getValue().stream()
                                .sorted(Comparator.comparing(Slot::startInstant))
                                .toList());
            }
        }
        days = Collections.unmodifiableSortedMap(copy);
    }

    public List<Slot> slotsOn(LocalDate date) {
        return days.getOrDefault(date, List.of());
    }

    public List<Slot> all() {
        return days.values().stream().flatMap(List::stream).toList();
    }

    public boolean isEmpty() {
        return days.isEmpty();
    }
}
