package io.slotline.availability;

import io.slotline.calcom.CalcomCallContext;
import io.slotline.calcom.CalcomException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The old system's strategy, kept as the benchmark's baseline (mode {@code naive}): no cache, one Cal.com slots
 * request per day of the range, one after the other. Same answers as {@link CachedAvailability} when both see the
 * same calendar; only the cost differs. Invalidation has nothing to drop.
 */
public final class NaiveAvailability implements AvailabilityService {

    private final SlotsFetcher fetcher;
    private final Clock clock;

    NaiveAvailability(SlotsFetcher fetcher, Clock clock) {
        this.fetcher = fetcher;
        this.clock = clock;
    }

    @Override
    public Availability freeSlots(SlotRequest request) {
        CalcomCallContext context = request.priority() == SlotRequest.Priority.LIVE
                ? CalcomCallContext.live(request.deadline())
                : CalcomCallContext.background(request.deadline());
        TreeMap<LocalDate, List<FreeSlot>> days = new TreeMap<>();
        for (LocalDate day = request.from(); !day.isAfter(request.to()); day = day.plusDays(1)) {
            DayRange oneDay = new DayRange(request.calendar(), request.zone(), day, day);
            Map<LocalDate, DayEntry> fetched;
            try {
                fetched = fetcher.fetch(oneDay, context);
            } catch (CalcomException e) {
                throw new CalendarUnavailableException(
                        "Cal.com could not answer for " + oneDay + ": " + e.getMessage(), e);
            }
            Instant now = clock.instant();
            days.put(
                    day,
                    Objects.requireNonNull(fetched.get(day), "the fetch answers the day it was asked").slots().stream()
                            .filter(slot -> slot.start().isAfter(now))
                            .toList());
        }
        return new Availability(days, false);
    }

    @Override
    public void invalidate(CalendarRef calendar, LocalDate from, LocalDate to, InvalidationSource source) {
        // nothing cached
    }

    @Override
    public Optional<Availability> peek(SlotRequest request) {
        return Optional.empty();
    }

    @Override
    public void apply(BusyChange change, InvalidationSource source) {
        // nothing cached
    }

    @Override
    public void invalidateCompany(long companyId, LocalDate from, LocalDate to, InvalidationSource source) {
        // nothing cached
    }
}
