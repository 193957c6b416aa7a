package io.slotline.availability;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Applies a booking change to the days in {@link DayMemory} instead of dropping them, for
 * {@link CachedAvailability#apply}: a booked time leaves the host's own calendars, and a calendar of any host only
 * where no other host of that event type is free then ({@link BusyTimes} decides). What cannot be worked out is
 * dropped.
 */
final class DayChanges {

    private final DayMemory memory;
    private final BusyTimes busyTimes;

    DayChanges(DayMemory memory, BusyTimes busyTimes) {
        this.memory = memory;
        this.busyTimes = busyTimes;
    }

    /** Whether the change can be applied to memory (host and event type shape known) rather than dropping days. */
    boolean canApply(BusyChange change) {
        return busyTimes.canApply(change);
    }

    /** Whether a booking freed near {@code start} may have opened a slot the day does not offer yet. */
    boolean mayHaveFreed(DayKey key, DayEntry entry, Instant start) {
        return busyTimes.mayHaveFreed(key, entry, start);
    }

    /**
     * Buffers are shorter than a day and a company's branches are less than a day apart: the local days around the
     * change, in its zone, hold every cached day it can touch.
     */
    static LocalDate nearFrom(BusyChange change) {
        return LocalDate.ofInstant(change.start(), change.zone()).minusDays(1);
    }

    static LocalDate nearTo(BusyChange change) {
        return LocalDate.ofInstant(change.end(), change.zone()).plusDays(1);
    }

    /**
     * Applies the change to this instance's memory; returns the days it had to drop. One change at a time: a
     * change reads other hosts' days that the change before it may have patched.
     */
    synchronized List<DayKey> apply(BusyChange change) {
        LocalDate nearFrom = nearFrom(change);
        LocalDate nearTo = nearTo(change);
        if (!busyTimes.canApply(change)) {
            return memory.drop(change.companyId(), nearFrom, nearTo);
        }
        memory.markChanged(change.companyId(), nearFrom, nearTo);
        Set<DayKey> near = memory.within(change.companyId(), nearFrom, nearTo);
        Map<DayKey, DayEntry> before = new HashMap<>();
        near.forEach(key -> {
            DayEntry entry = memory.finished(key);
            if (entry != null) {
                before.put(key, entry);
            }
        });
        // what the last known days say decides for a last known day whose other hosts left the cache
        Map<DayKey, DayEntry> lastKnownBefore = new HashMap<>(before);
        near.forEach(key -> {
            DayEntry entry = memory.lastKnown(key);
            if (entry != null) {
                lastKnownBefore.putIfAbsent(key, entry);
            }
        });
        List<DayKey> dropped = new ArrayList<>();
        for (DayKey key : near) {
            // an unfinished load may predate the change: abandoned, like a dropped day
            memory.patchServed(key, (k, future) -> {
                DayEntry entry = before.get(k);
                DayEntry patched = entry == null || future.getNow(null) != entry
                        ? null
                        : busyTimes.after(change, k, entry, before);
                if (patched == null) {
                    dropped.add(k);
                    return null;
                }
                return patched == entry ? future : CompletableFuture.completedFuture(patched);
            });
            memory.patchLastKnown(key, entry -> busyTimes.after(change, key, entry, lastKnownBefore));
        }
        return dropped;
    }
}
