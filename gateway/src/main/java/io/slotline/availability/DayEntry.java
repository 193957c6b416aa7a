package io.slotline.availability;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * What Cal.com said about one local day, and when: the age decides fresh, stale or expired.
 *
 * @param mayHaveFreed a booking on this day was cancelled or moved away since the fetch: a time missing from
 *                     {@code slots} may be free by now (a time present is still free: freeing never takes one away)
 */
record DayEntry(List<FreeSlot> slots, Instant fetchedAt, boolean mayHaveFreed) {

    DayEntry {
        slots = List.copyOf(slots);
        Objects.requireNonNull(fetchedAt, "fetchedAt");
    }

    DayEntry(List<FreeSlot> slots, Instant fetchedAt) {
        this(slots, fetchedAt, false);
    }

    Duration age(Instant now) {
        Duration age = Duration.between(fetchedAt, now);
        return age.isNegative() ? Duration.ZERO : age;
    }

    boolean youngerThan(Duration maxAge, Instant now) {
        return age(now).compareTo(maxAge) < 0;
    }

    boolean offers(Instant start) {
        return slots.stream().anyMatch(slot -> slot.start().equals(start));
    }

    /** The same day without the slots a booking has taken; its age stays, so it is refreshed when it was due. */
    DayEntry without(Predicate<FreeSlot> taken) {
        List<FreeSlot> kept = slots.stream().filter(taken.negate()).toList();
        return kept.size() == slots.size() ? this : new DayEntry(kept, fetchedAt, mayHaveFreed);
    }

    DayEntry markedFreed() {
        return mayHaveFreed ? this : new DayEntry(slots, fetchedAt, true);
    }
}
