package io.slotline.availability;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * How a booking change alters one cached day, by Cal.com's rules: a slot is free for a host when the slot widened
 * by its event type's buffers does not overlap any of the host's bookings widened by theirs; a slot for any host is
 * offered while one host is free. Pure: the cache decides what to do with the answer.
 */
final class BusyTimes {

    /** Stands in for an event type's buffers when its shape is unknown: longer than buffers are in practice. */
    static final Duration UNKNOWN_BUFFER = Duration.ofHours(2);

    private final EventTypeShapes shapes;

    BusyTimes(EventTypeShapes shapes) {
        this.shapes = shapes;
    }

    /** A booking needs its host and its event type's buffers to be applied; a freed time can always be noted. */
    boolean canApply(BusyChange change) {
        return change.kind() == BusyChange.Kind.FREED
                || (change.hostUsername() != null && shapeOf(change.companyId(), change.eventTypeId()) != null);
    }

    /**
     * The day after the change, or null when that cannot be worked out (the cache drops the day).
     *
     * @param known the company's other days in memory (another host's calendar decides a slot for any host)
     */
    @Nullable DayEntry after(BusyChange change, DayKey key, DayEntry entry, Map<DayKey, DayEntry> known) {
        String host = change.hostUsername();
        EventTypeShape booked = shapeOf(change.companyId(), change.eventTypeId());
        boolean otherHostsCalendar = host != null
                && key.staffUsername() != null
                && !key.staffUsername().equals(host);
        if (otherHostsCalendar) {
            return entry;
        }
        if (change.kind() == BusyChange.Kind.FREED) {
            return touches(key, change, booked)
                    ? entry.withFreed(new FreeSlot(
                            change.start().minus(bufferBefore(booked)),
                            change.end().plus(bufferAfter(booked))))
                    : entry;
        }
        EventTypeShape shape = shapes.known(key.companyId(), key.eventTypeId());
        if (shape == null || booked == null || host == null) {
            return null;
        }
        Instant busyFrom = change.start().minus(bufferBefore(booked));
        Instant busyTo = change.end().plus(bufferAfter(booked));
        Predicate<FreeSlot> blocked =
                slot -> slot.start().minus(bufferBefore(shape)).isBefore(busyTo)
                        && busyFrom.isBefore(slot.end().plus(bufferAfter(shape)));
        if (entry.slots().stream().noneMatch(blocked)) {
            return entry;
        }
        if (key.staffUsername() != null) {
            return entry.without(blocked);
        }
        if (shape.hostUsernames().isEmpty()) {
            // Cal.com did not say who hosts it: whether someone else is free cannot be worked out
            return null;
        }
        if (!shape.hostUsernames().contains(host)) {
            // a host of another event type leaves this one alone; a host missing from this event type's own list
            // means the list is out of date, so nobody can tell who else is free
            return change.eventTypeId() != null && change.eventTypeId() == key.eventTypeId() ? null : entry;
        }
        List<DayEntry> others = new ArrayList<>();
        for (String other : shape.hostUsernames()) {
            if (!other.equals(host)) {
                DayEntry theirs = known.get(key.forStaff(other));
                if (theirs == null) {
                    return null;
                }
                others.add(theirs);
            }
        }
        return entry.without(
                slot -> blocked.test(slot) && others.stream().noneMatch(theirs -> theirs.offers(slot.start())));
    }

    /** Whether a time freed since the fetch is near enough to {@code start} to have made that slot free. */
    boolean mayHaveFreed(DayKey key, DayEntry entry, Instant start) {
        if (!entry.mayHaveFreed()) {
            return false;
        }
        EventTypeShape shape = shapes.known(key.companyId(), key.eventTypeId());
        return entry.freedWithin(
                start.minus(bufferBefore(shape)),
                start.plus(Duration.ofMinutes(key.durationMinutes())).plus(bufferAfter(shape)));
    }

    private @Nullable EventTypeShape shapeOf(long companyId, @Nullable Long eventTypeId) {
        return eventTypeId == null ? null : shapes.known(companyId, eventTypeId);
    }

    /** Whether the change, widened by its buffers, reaches the key's local day. */
    private static boolean touches(DayKey key, BusyChange change, @Nullable EventTypeShape booked) {
        LocalDate first = LocalDate.ofInstant(change.start().minus(bufferBefore(booked)), key.zone());
        LocalDate last = LocalDate.ofInstant(change.end().plus(bufferAfter(booked)), key.zone());
        return !key.day().isBefore(first) && !key.day().isAfter(last);
    }

    private static Duration bufferBefore(@Nullable EventTypeShape shape) {
        return shape == null ? UNKNOWN_BUFFER : Duration.ofMinutes(shape.beforeBufferMinutes());
    }

    private static Duration bufferAfter(@Nullable EventTypeShape shape) {
        return shape == null ? UNKNOWN_BUFFER : Duration.ofMinutes(shape.afterBufferMinutes());
    }
}
