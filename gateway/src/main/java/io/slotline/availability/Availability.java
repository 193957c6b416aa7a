package io.slotline.availability;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Free slots per local day, every requested day present (an empty list: no free slot that day). Slots that have
 * started are left out.
 *
 * @param stale some day's data is older than {@code slotline.availability.fresh-for}: served while a refresh runs,
 *        or because Cal.com could not answer in time. A booking still goes to Cal.com, which has the last word.
 */
public record Availability(NavigableMap<LocalDate, List<FreeSlot>> days, boolean stale) {

    public Availability {
        days = Collections.unmodifiableNavigableMap(new TreeMap<>(days));
    }

    public List<FreeSlot> on(LocalDate day) {
        return days.getOrDefault(day, List.of());
    }

    public Stream<FreeSlot> all() {
        return days.values().stream().flatMap(List::stream);
    }
}
