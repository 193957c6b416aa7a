package io.slotline.availability;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * What Cal.com said about one local day, and when: the age decides fresh, stale or expired.
 *
 * @param freed busy times (widened by their buffers) that were cancelled or moved away since the fetch: a time
 *              near them that {@code slots} does not offer may be free by now (a time offered is still free:
 *              freeing never takes one away)
 */
record DayEntry(List<FreeSlot> slots, Instant fetchedAt, List<FreeSlot> freed) {

    DayEntry {
        slots = List.copyOf(slots);
        Objects.requireNonNull(fetchedAt, "fetchedAt");
        freed = List.copyOf(freed);
    }

    DayEntry(List<FreeSlot> slots, Instant fetchedAt) {
        this(slots, fetchedAt, List.of());
    }

    Duration age(Instant now) {
        Duration age = Duration.between(fetchedAt, now);
        return age.isNegative() ? Duration.ZERO : age;
    }

    boolean youngerThan(Duration maxAge, Instant now) {
        return age(now).compareTo(maxAge) < 0;
    }

    /** The slots a caller can still take: those that have not started. */
    List<FreeSlot> startingAfter(Instant now) {
        return slots.stream().filter(slot -> slot.start().isAfter(now)).toList();
    }

    boolean offers(Instant start) {
        return slots.stream().anyMatch(slot -> slot.start().equals(start));
    }

    boolean mayHaveFreed() {
        return !freed.isEmpty();
    }

    /** Whether a freed time overlaps [from, to): a slot there may have become free since the fetch. */
    boolean freedWithin(Instant from, Instant to) {
        return freed.stream().anyMatch(time -> time.start().isBefore(to) && from.isBefore(time.end()));
    }

    /** The same day without the slots a booking has taken; its age stays, so it is refreshed when it was due. */
    DayEntry without(Predicate<FreeSlot> taken) {
        List<FreeSlot> kept = slots.stream().filter(taken.negate()).toList();
        return kept.size() == slots.size() ? this : new DayEntry(kept, fetchedAt, freed);
    }

    DayEntry withFreed(FreeSlot time) {
        List<FreeSlot> all = new ArrayList<>(freed);
        all.add(time);
        return new DayEntry(slots, fetchedAt, all);
    }
}
