package io.slotline.availability;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.stereotype.Component;

import io.slotline.calcom.CalcomApi;
import io.slotline.calcom.CalcomException;
import io.slotline.calcom.SlotsQuery;
import io.slotline.calcom.SlotsResult;

/**
 * Test-only stand-in until the real availability layer (CachedAvailability, NaiveAvailability) is on main: one
 * Cal.com slots request per call, no cache. Component-scanned by every Spring test; delete it when the real
 * implementations land. Records invalidations so tests can see them.
 */
@Component
class StandInAvailability implements AvailabilityService {

    record Invalidation(long companyId, LocalDate from, LocalDate to, InvalidationSource source) {
    }

    private final CalcomApi calcom;
    final List<Invalidation> invalidations = new CopyOnWriteArrayList<>();

    StandInAvailability(CalcomApi calcom) {
        this.calcom = calcom;
    }

    @Override
    public Availability freeSlots(SlotRequest request) {
        CalendarRef calendar = request.calendar();
        SlotsResult result;
        try {
            result = calcom.slots(calendar.account(),
                    SlotsQuery.forLocalDays(calendar.eventTypeRef(), request.from(), request.to(), request.zone()));
        } catch (CalcomException.Unavailable | CalcomException.RateLimited e) {
            throw new CalendarUnavailableException("Cal.com did not answer: " + e.getMessage(), e);
        }
        TreeMap<LocalDate, List<FreeSlot>> days = new TreeMap<>();
        for (LocalDate day = request.from(); !day.isAfter(request.to()); day = day.plusDays(1)) {
            List<FreeSlot> free = new ArrayList<>();
            result.slotsOn(day).forEach(slot -> free.add(new FreeSlot(slot.startInstant(), slot.endInstant())));
            days.put(day, free);
        }
        return new Availability(days, false);
    }

    @Override
    public void invalidate(CalendarRef calendar, LocalDate from, LocalDate to, InvalidationSource source) {
        invalidations.add(new Invalidation(calendar.companyId(), from, to, source));
    }

    @Override
    public void invalidateCompany(long companyId, LocalDate from, LocalDate to, InvalidationSource source) {
        invalidations.add(new Invalidation(companyId, from, to, source));
    }
}
