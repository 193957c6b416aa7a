package io.slotline.functions;

import io.slotline.appointments.SlotHold;
import io.slotline.availability.Availability;
import io.slotline.availability.CalendarRef;
import io.slotline.availability.EventTypeShape;
import io.slotline.availability.FreeSlot;
import io.slotline.booking.Alternatives;
import io.slotline.booking.Calendars;
import io.slotline.booking.EventTypeCatalog;
import io.slotline.booking.SlotHoldService;
import io.slotline.speech.ZonedTimes;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;

/**
 * What other calls' holds take from a caller's calendar. A hold takes one host: the staff member held is taken at
 * that time; a time for "anyone" is taken only when every host free then (by the hosts' own calendars) is held.
 * Other calls' holds are read with one indexed query per function call ({@link #others}).
 */
@Component
class HeldHosts {

    private static final Logger log = LoggerFactory.getLogger(HeldHosts.class);

    private final SlotDesk desk;
    private final Calendars calendars;
    private final EventTypeCatalog eventTypes;

    HeldHosts(SlotDesk desk, Calendars calendars, EventTypeCatalog eventTypes) {
        this.desk = desk;
        this.calendars = calendars;
        this.eventTypes = eventTypes;
    }

    /**
     * Other calls' active holds overlapping the local days from..to. With the database away there are none to know
     * of, and none can be taken or booked with until it is back: the calendars alone answer meanwhile.
     */
    List<SlotHold> others(CallContext context, LocalDate from, LocalDate to) {
        try {
            return desk.holds()
                    .heldByOthers(
                            context.companyId(),
                            context.retellCallId(),
                            ZonedTimes.startOfDay(from, context.zone()),
                            ZonedTimes.startOfDay(to.plusDays(1), context.zone()));
        } catch (DataAccessResourceFailureException | TransientDataAccessException databaseAway) {
            log.debug(
                    "holds of company {} unknown, database unavailable: {}",
                    context.companyId(),
                    databaseAway.getMessage());
            return List.of();
        }
    }

    /**
     * The hosts that could serve this caller at the slot, best first, none held by another call: the staff member
     * asked for; for "anyone" the event type's hosts free then by their calendars (memory, else Cal.com), and with
     * {@code busyToo} (a booking, where Cal.com decides) when no hold overlaps, the hosts whose calendars say busy
     * after them; when the event
     * type's hosts are unknown, {@link SlotHoldService#wholeEventType}. Empty: the time is taken by holds.
     */
    List<String> candidates(
            CallContext context, SlotDesk.Subject subject, FreeSlot slot, List<SlotHold> others, boolean busyToo) {
        List<SlotHold> overlapping = others.stream()
                .filter(h -> h.overlaps(slot.start(), slot.end()))
                .toList();
        if (subject.staff() != null && subject.staff().calcomUsername() != null) {
            String host = CalendarRef.normalized(subject.staff().calcomUsername());
            return heldHost(overlapping, host) ? List.of() : List.of(host);
        }
        List<String> hosts = hostsOf(context, subject);
        if (hosts.isEmpty()) {
            String whole = SlotHoldService.wholeEventType(subject.calendar().eventTypeId());
            return heldHost(overlapping, whole) ? List.of() : List.of(whole);
        }
        LocalDate day = slot.start().atZone(context.zone()).toLocalDate();
        List<String> free = new ArrayList<>();
        List<String> busy = new ArrayList<>();
        for (String host : hosts) {
            if (heldHost(overlapping, host)) {
                continue;
            }
            Optional<CalendarRef> own = calendars.forHost(context.company(), subject.service(), host);
            if (own.isEmpty()) {
                // a host without an event type of their own can't be looked at alone: the hold decides later
                free.add(host);
                continue;
            }
            CalendarRef calendar = own.get();
            Availability known =
                    desk.peek(context, calendar, day, day).orElseGet(() -> desk.freeSlots(context, calendar, day, day));
            (Alternatives.exact(known, slot.start()) != null ? free : busy).add(host);
        }
        // holds whose host is not known each take one of the free hosts
        long unnamed = overlapping.stream()
                .filter(h -> !SlotHoldService.namesAHost(h.host()))
                .count();
        if (free.size() <= unnamed) {
            free.clear();
        }
        if (busyToo && overlapping.isEmpty()) {
            // nothing but the calendars in memory speaks against the time: Cal.com decides
            free.addAll(busy);
        }
        return free;
    }

    /** The availability without the slots other calls' holds take (as is when there are none). */
    Availability without(
            CallContext context, SlotDesk.Subject subject, Availability availability, List<SlotHold> others) {
        if (others.isEmpty() || availability.days().isEmpty()) {
            return availability;
        }
        String named = subject.staff() == null || subject.staff().calcomUsername() == null
                ? null
                : CalendarRef.normalized(subject.staff().calcomUsername());
        List<String> hosts = named != null ? List.of() : hostsOf(context, subject);
        Map<String, Optional<Availability>> hostDays = new HashMap<>();
        TreeMap<LocalDate, List<FreeSlot>> days = new TreeMap<>();
        availability
                .days()
                .forEach((day, slots) -> days.put(
                        day,
                        slots.stream()
                                .filter(slot ->
                                        !taken(context, subject, availability, slot, named, hosts, hostDays, others))
                                .toList()));
        return new Availability(days, availability.stale());
    }

    private boolean taken(
            CallContext context,
            SlotDesk.Subject subject,
            Availability availability,
            FreeSlot slot,
            @Nullable String named,
            List<String> hosts,
            Map<String, Optional<Availability>> hostDays,
            List<SlotHold> others) {
        List<SlotHold> overlapping = others.stream()
                .filter(h -> h.overlaps(slot.start(), slot.end()))
                .toList();
        if (overlapping.isEmpty()) {
            return false;
        }
        if (named != null) {
            return heldHost(overlapping, named);
        }
        if (hosts.isEmpty()) {
            // hosts unknown: any hold of the time may have taken the only one
            return true;
        }
        int free = 0;
        for (String host : hosts) {
            if (heldHost(overlapping, host)) {
                continue;
            }
            // only what memory knows: a host whose calendar is not in memory counts as free, the hold decides later
            Optional<Availability> known = hostDays.computeIfAbsent(
                    host,
                    h -> calendars
                            .forHost(context.company(), subject.service(), h)
                            .flatMap(calendar -> desk.peek(
                                    context,
                                    calendar,
                                    availability.days().firstKey(),
                                    availability.days().lastKey())));
            if (known.isEmpty() || Alternatives.exact(known.get(), slot.start()) != null) {
                free++;
            }
        }
        long unnamed = overlapping.stream()
                .filter(h -> !SlotHoldService.namesAHost(h.host()))
                .count();
        return free <= unnamed;
    }

    /** The event type's hosts (usernames, sorted), read from Cal.com if not known yet; empty when unknown. */
    private List<String> hostsOf(CallContext context, SlotDesk.Subject subject) {
        if (subject.service().calcomEventTypeSlug() == null) {
            return List.of();
        }
        EventTypeShape shape =
                eventTypes.known(context.companyId(), subject.calendar().eventTypeId());
        if (shape == null && eventTypes.get(subject.calendar()) != null) {
            shape = eventTypes.known(context.companyId(), subject.calendar().eventTypeId());
        }
        return shape == null
                ? List.of()
                : shape.hostUsernames().stream().sorted().toList();
    }

    private static boolean heldHost(List<SlotHold> holds, String host) {
        return holds.stream().anyMatch(h -> host.equals(h.host()));
    }
}
