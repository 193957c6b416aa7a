package io.slotline.availability;

import io.slotline.calcom.CalcomApi;
import io.slotline.calcom.CalcomCallContext;
import io.slotline.calcom.Slot;
import io.slotline.calcom.SlotsQuery;
import io.slotline.calcom.SlotsResult;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One Cal.com slots request for a range of local days, shared by both modes so that they give the same answers:
 * explicit UTC bounds of the local days, the calendar's slot length, every day of the range in the result
 * (an empty list when nothing is free).
 */
final class SlotsFetcher {

    private final CalcomApi calcom;
    private final EventTypeShapes shapes;

    SlotsFetcher(CalcomApi calcom) {
        this(calcom, EventTypeShapes.NONE);
    }

    SlotsFetcher(CalcomApi calcom, EventTypeShapes shapes) {
        this.calcom = Objects.requireNonNull(calcom, "calcom");
        this.shapes = Objects.requireNonNull(shapes, "shapes");
    }

    /** @throws io.slotline.calcom.CalcomException when Cal.com (or a decorator in front of it) refuses or fails */
    Map<LocalDate, DayEntry> fetch(DayRange range, CalcomCallContext context) {
        CalendarRef calendar = range.calendar();
        SlotsQuery query = SlotsQuery.forLocalDays(calendar.eventTypeRef(), range.from(), range.to(), range.zone());
        // Cal.com's duration changes the length and the step of any event type's slots while a booking keeps the
        // event type's own length: named only when the event type offers it among several lengths
        EventTypeShape shape = shapes.known(calendar.companyId(), calendar.bookingEventTypeId());
        if (shape != null && shape.offersLength(calendar.durationMinutes())) {
            query = query.withDurationMinutes(calendar.durationMinutes());
        }
        SlotsResult result;
        try (CalcomCallContext.Scope ignored = context.bind()) {
            result = calcom.slots(calendar.account(), query);
        }
        Map<LocalDate, List<FreeSlot>> byDay = new LinkedHashMap<>();
        for (LocalDate day : range.days()) {
            byDay.put(day, new ArrayList<>());
        }
        for (Slot slot : result.all()) {
            // Cal.com keys days in the requested zone already; bucketing by the instant guards against a response
            // keyed otherwise (e.g. a missing timeZone) putting a slot on the wrong day.
            List<FreeSlot> day = byDay.get(LocalDate.ofInstant(slot.startInstant(), range.zone()));
            if (day != null) {
                day.add(new FreeSlot(slot.startInstant(), slot.endInstant()));
            }
        }
        Map<LocalDate, DayEntry> entries = new LinkedHashMap<>();
        byDay.forEach((day, slots) -> entries.put(day, new DayEntry(slots, result.fetchedAt())));
        return entries;
    }
}
