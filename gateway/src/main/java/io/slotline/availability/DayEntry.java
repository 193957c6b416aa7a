package io.slotline.availability;

import java.time.Duration;
import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * What Cal.com said about one local day, and when: the age decides fresh, stale or expired.
 * <p>
 * The slots are kept as two arrays of epoch seconds instead of {@link FreeSlot} objects (16 bytes a slot instead of
 * about 70): one instance holds hundreds of thousands of these days when it serves a thousand businesses, and this
 * is most of what grows with them. {@link #slots()} hands out a view that builds each {@link FreeSlot} as it is read.
 * Cal.com's times are whole minutes; a time with a fraction of a second is kept as it is, in a list.
 *
 * {@code freed}: busy times (widened by their buffers) that were cancelled or moved away since the fetch: a time
 * near them that {@code slots} does not offer may be free by now (a time offered is still free: freeing never
 * takes one away).
 */
final class DayEntry {

    private static final long[] NONE = new long[0];

    private final long[] starts;
    private final long[] ends;
    /** Only when some slot has a fraction of a second (never from Cal.com). */
    private final @Nullable List<FreeSlot> exact;

    private final Instant fetchedAt;
    private final List<FreeSlot> freed;

    DayEntry(List<FreeSlot> slots, Instant fetchedAt, List<FreeSlot> freed) {
        Objects.requireNonNull(fetchedAt, "fetchedAt");
        boolean whole =
                slots.stream().allMatch(s -> s.start().getNano() == 0 && s.end().getNano() == 0);
        if (whole) {
            this.starts = slots.isEmpty() ? NONE : new long[slots.size()];
            this.ends = slots.isEmpty() ? NONE : new long[slots.size()];
            for (int i = 0; i < slots.size(); i++) {
                starts[i] = slots.get(i).start().getEpochSecond();
                ends[i] = slots.get(i).end().getEpochSecond();
            }
            this.exact = null;
        } else {
            this.starts = NONE;
            this.ends = NONE;
            this.exact = List.copyOf(slots);
        }
        this.fetchedAt = fetchedAt;
        this.freed = List.copyOf(freed);
    }

    DayEntry(List<FreeSlot> slots, Instant fetchedAt) {
        this(slots, fetchedAt, List.of());
    }

    /** The day's free slots, in Cal.com's order (a read-only view). */
    List<FreeSlot> slots() {
        List<FreeSlot> kept = exact;
        return kept != null ? kept : new Slots(starts, ends);
    }

    Instant fetchedAt() {
        return fetchedAt;
    }

    List<FreeSlot> freed() {
        return freed;
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
        return slots().stream().filter(slot -> slot.start().isAfter(now)).toList();
    }

    boolean offers(Instant start) {
        List<FreeSlot> kept = exact;
        if (kept != null) {
            return kept.stream().anyMatch(slot -> slot.start().equals(start));
        }
        if (start.getNano() != 0) {
            return false;
        }
        long second = start.getEpochSecond();
        for (long s : starts) {
            if (s == second) {
                return true;
            }
        }
        return false;
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
        List<FreeSlot> all = slots();
        List<FreeSlot> kept = all.stream().filter(taken.negate()).toList();
        return kept.size() == all.size() ? this : new DayEntry(kept, fetchedAt, freed);
    }

    DayEntry withFreed(FreeSlot time) {
        List<FreeSlot> all = new ArrayList<>(freed);
        all.add(time);
        return new DayEntry(slots(), fetchedAt, all);
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof DayEntry entry
                && slots().equals(entry.slots())
                && fetchedAt.equals(entry.fetchedAt)
                && freed.equals(entry.freed);
    }

    @Override
    public int hashCode() {
        return Objects.hash(slots(), fetchedAt, freed);
    }

    @Override
    public String toString() {
        return "DayEntry[slots=" + slots() + ", fetchedAt=" + fetchedAt + ", freed=" + freed + "]";
    }

    /** The arrays as a list of slots, each built when read. */
    private static final class Slots extends AbstractList<FreeSlot> implements RandomAccess {

        private final long[] starts;
        private final long[] ends;

        Slots(long[] starts, long[] ends) {
            this.starts = starts;
            this.ends = ends;
        }

        @Override
        public FreeSlot get(int index) {
            Objects.checkIndex(index, starts.length);
            return new FreeSlot(Instant.ofEpochSecond(starts[index]), Instant.ofEpochSecond(ends[index]));
        }

        @Override
        public int size() {
            return starts.length;
        }

        @Override
        public boolean equals(@Nullable Object other) {
            if (other instanceof Slots slots) {
                return Arrays.equals(starts, slots.starts) && Arrays.equals(ends, slots.ends);
            }
            return super.equals(other);
        }
    }
}
