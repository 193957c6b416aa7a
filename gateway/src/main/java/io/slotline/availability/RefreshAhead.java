package io.slotline.availability;

import io.slotline.availability.SlotRequest.Priority;
import io.slotline.calcom.CalcomCallContext;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Background work of {@link CachedAvailability} on its own bounded pool: refreshing stale days that a caller was
 * served (one refresh per day at a time), and fetching again the days a booking change dropped, before the next
 * caller asks. A full queue leaves the day to its next caller, never blocks one.
 */
final class RefreshAhead implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RefreshAhead.class);

    private record CalendarInZone(CalendarId calendar, ZoneId zone) {}

    private final AvailabilityProperties properties;
    private final DayMemory memory;
    private final SharedDays shared;
    private final AvailabilityMetrics metrics;
    private final Clock clock;
    /** The calendars callers asked about (with their account), so dropped days can be fetched again at once. */
    private final Map<CalendarId, CalendarRef> askedCalendars = new ConcurrentHashMap<>();

    private final Set<DayKey> refreshing = ConcurrentHashMap.newKeySet();
    private final ThreadPoolExecutor refreshes;

    RefreshAhead(
            AvailabilityProperties properties,
            DayMemory memory,
            SharedDays shared,
            AvailabilityMetrics metrics,
            Clock clock) {
        this.properties = properties;
        this.memory = memory;
        this.shared = shared;
        this.metrics = metrics;
        this.clock = clock;
        this.refreshes = AsyncSupport.executor("availability-refresh", properties.refreshThreads(), 64);
    }

    /** Remembers the calendar a caller asked about, when dropped days are to be fetched again. */
    void asked(CalendarRef calendar) {
        if (properties.rewarmAfterInvalidation()) {
            askedCalendars.put(CalendarId.of(calendar), calendar);
        }
    }

    /** Fetches the stale days again in the background; what another refresh is already fetching is skipped. */
    void refresh(DayRange request, List<DayKey> stale) {
        List<DayKey> claimed = stale.stream().filter(refreshing::add).toList();
        if (claimed.isEmpty()) {
            return;
        }
        DayRange range = request.narrow(
                claimed.get(0).day(), claimed.get(claimed.size() - 1).day());
        long startEpoch = memory.epoch();
        CalcomCallContext context = CalcomCallContext.background(clock.instant().plus(properties.loadTimeout()));
        try {
            CompletableFuture.supplyAsync(() -> shared.load(range, properties.freshFor(), context), refreshes)
                    .whenComplete((fetched, error) -> {
                        try {
                            if (fetched != null) {
                                fetched.forEach((day, entry) ->
                                        memory.storeUnlessInvalidated(range.key(day), entry, startEpoch));
                            } else {
                                log.debug(
                                        "Refresh of {} failed, keeping the stale entries: {}",
                                        range,
                                        AsyncSupport.describe(AsyncSupport.rootCause(error)));
                            }
                        } finally {
                            claimed.forEach(refreshing::remove);
                        }
                    });
            metrics.refresh();
        } catch (RejectedExecutionException busy) {
            claimed.forEach(refreshing::remove);
            log.debug("Refresh queue full, {} stays stale until the next request", range);
        }
    }

    /**
     * A booking changed these days: the next caller of the company most likely asks about them again, so they are
     * fetched again in the background now (one request per calendar and zone) instead of by that caller. Through
     * {@code freeSlots}, so that a live caller asking meanwhile joins this load instead of starting another.
     */
    void rewarm(List<DayKey> dropped, Consumer<SlotRequest> freeSlots) {
        if (!properties.rewarmAfterInvalidation()) {
            return;
        }
        Map<CalendarInZone, List<DayKey>> byCalendar = new LinkedHashMap<>();
        for (DayKey key : dropped) {
            byCalendar
                    .computeIfAbsent(new CalendarInZone(CalendarId.of(key), key.zone()), k -> new ArrayList<>())
                    .add(key);
        }
        byCalendar.forEach((id, keys) -> {
            CalendarRef calendar = askedCalendars.get(id.calendar());
            if (calendar == null) {
                return;
            }
            keys.sort(Comparator.comparing(DayKey::day));
            SlotRequest request = new SlotRequest(
                    calendar,
                    id.zone(),
                    keys.get(0).day(),
                    keys.get(keys.size() - 1).day(),
                    Priority.BACKGROUND,
                    clock.instant().plus(properties.loadTimeout()));
            try {
                refreshes.execute(() -> {
                    try {
                        freeSlots.accept(request);
                    } catch (RuntimeException e) {
                        log.debug("Re-warming {} failed: {}", request, e.getMessage());
                    }
                });
            } catch (RejectedExecutionException busy) {
                log.debug("Refresh queue full, {} is fetched by its next caller", request);
            }
        });
    }

    @Override
    public void close() {
        refreshes.shutdownNow();
    }
}
