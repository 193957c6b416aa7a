package io.slotline.booking;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.slotline.availability.AvailabilityMetrics;
import io.slotline.availability.CalendarRef;
import io.slotline.availability.EventTypeShape;
import io.slotline.availability.EventTypeShapes;
import io.slotline.calcom.CalcomApi;
import io.slotline.calcom.CalcomCallContext;
import io.slotline.calcom.CalcomException;
import io.slotline.calcom.EventType;
import io.slotline.calcom.Host;
import io.slotline.calcom.UpstreamCounter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The Cal.com event types behind the services, as Cal.com describes them: booking fields (is an email required?)
 * for booking, buffers and hosts for the availability cache (what a booking blocks). The call warm-up reads them in
 * the background, a team's in one request, so neither a booking nor the cache waits for them. One read serves for
 * {@code event-type-cache-ttl}; after it the known event type still serves while one background read renews it
 * (event types rarely change, and Cal.com has the last word on every booking), and after {@link #FORGET_AFTER}
 * unused it is forgotten. Shapes outlive both: a stale shape only makes the cache patch a day slightly wrong until
 * Cal.com's own answer replaces it.
 */
@Component
public class EventTypeCatalog implements EventTypeShapes, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EventTypeCatalog.class);

    static final int MAX_EVENT_TYPES = 100_000;
    /** How long a known event type may serve while Cal.com can't renew it: a day, like a day's working hours. */
    static final Duration FORGET_AFTER = Duration.ofHours(24);
    /** Reads wait for Cal.com; with one thread a few quiet businesses called at once queue behind each other. */
    private static final int WARM_UP_THREADS = 2;

    private record Known(EventType eventType, Instant readAt) {}

    private final CalcomApi calcom;
    private final AvailabilityMetrics metrics;
    private final Clock clock;
    private final Duration renewAfter;
    private final Cache<String, Known> eventTypes;
    private final Map<String, EventTypeShape> shapes = new ConcurrentHashMap<>();
    private final Set<String> warming = ConcurrentHashMap.newKeySet();
    private final ExecutorService background;

    EventTypeCatalog(CalcomApi calcom, BookingProperties properties, AvailabilityMetrics metrics, Clock clock) {
        this.calcom = calcom;
        this.metrics = metrics;
        this.clock = clock;
        this.renewAfter = properties.eventTypeCacheTtl();
        // a business has an event type per service and per service and stylist: room for a few thousand businesses
        this.eventTypes = Caffeine.newBuilder()
                .expireAfterAccess(FORGET_AFTER.compareTo(renewAfter) > 0 ? FORGET_AFTER : renewAfter)
                .maximumSize(MAX_EVENT_TYPES)
                .build();
        metrics.cacheEntries("event_types", eventTypes, Cache::estimatedSize);
        ThreadPoolExecutor executor = new ThreadPoolExecutor(
                WARM_UP_THREADS,
                WARM_UP_THREADS,
                30,
                TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(1_024),
                runnable -> {
                    Thread thread = new Thread(runnable, "event-type-warm-up");
                    thread.setDaemon(true);
                    return thread;
                },
                new ThreadPoolExecutor.AbortPolicy());
        executor.allowCoreThreadTimeOut(true);
        this.background = executor;
    }

    /**
     * The calendar's event type: from memory (renewed in the background when older than the TTL) or, when unknown,
     * from Cal.com; null when Cal.com does not answer.
     */
    public @Nullable EventType get(CalendarRef calendar) {
        Known known = knownOf(calendar);
        if (known == null) {
            return fetch(calendar);
        }
        if (old(known)) {
            warm(List.of(calendar));
        }
        return known.eventType();
    }

    /**
     * Reads, in the background, the event types of these calendars that are unknown or older than the TTL: all of
     * a team's in one request (a business's services are one team's event types), the others one by one.
     */
    public void warm(Collection<CalendarRef> calendars) {
        Map<String, List<CalendarRef>> byTeam = new LinkedHashMap<>();
        for (CalendarRef calendar : calendars) {
            Known known = knownOf(calendar);
            if (known != null && !old(known)) {
                continue;
            }
            String read = teamOwned(calendar)
                    ? "team:" + calendar.companyId() + ":" + calendar.teamId()
                    : key(calendar.companyId(), calendar.bookingEventTypeId());
            byTeam.computeIfAbsent(read, k -> new ArrayList<>()).add(calendar);
        }
        byTeam.forEach((read, wanted) -> {
            if (!warming.add(read)) {
                return;
            }
            Runnable task = teamOwned(wanted.get(0)) ? () -> readTeam(wanted) : () -> fetch(wanted.get(0));
            try {
                background.execute(() -> {
                    UpstreamCounter upstream = new UpstreamCounter();
                    try (CalcomCallContext.Scope ignored =
                                    CalcomCallContext.background(null).bind();
                            UpstreamCounter.Scope counted = upstream.bind()) {
                        task.run();
                    } finally {
                        warming.remove(read);
                        metrics.warmUpRequests("event_types", upstream.calls());
                    }
                });
            } catch (RejectedExecutionException full) {
                warming.remove(read);
            }
        });
    }

    /** One request for the team's event types; one the team listing lacks is read on its own. */
    private void readTeam(List<CalendarRef> wanted) {
        CalendarRef first = wanted.get(0);
        Long teamId = Objects.requireNonNull(first.teamId(), "team");
        try {
            for (EventType eventType : calcom.teamEventTypes(first.account(), teamId)) {
                remember(first.companyId(), eventType);
            }
        } catch (CalcomException e) {
            log.info(
                    "event types of team {} of {} not read: {}",
                    teamId,
                    first.account().name(),
                    e.getMessage());
            return;
        }
        for (CalendarRef calendar : wanted) {
            Known known = knownOf(calendar);
            if (known == null || old(known)) {
                fetch(calendar);
            }
        }
    }

    /** A team's own event type, which the team listing returns (a stylist's own is a managed child: not listed). */
    private static boolean teamOwned(CalendarRef calendar) {
        return calendar.staffEventTypeId() == null && calendar.teamId() != null;
    }

    private @Nullable Known knownOf(CalendarRef calendar) {
        return eventTypes.getIfPresent(key(calendar.companyId(), calendar.bookingEventTypeId()));
    }

    private boolean old(Known known) {
        return known.readAt().plus(renewAfter).isBefore(clock.instant());
    }

    @Override
    public @Nullable EventTypeShape known(long companyId, long eventTypeId) {
        return shapes.get(key(companyId, eventTypeId));
    }

    private @Nullable EventType fetch(CalendarRef calendar) {
        try {
            EventType fetched = calcom.eventType(calendar.account(), calendar.eventTypeKey());
            remember(calendar.companyId(), fetched);
            return fetched;
        } catch (CalcomException e) {
            log.info(
                    "event type {} of {} not read: {}",
                    calendar.bookingEventTypeId(),
                    calendar.account().name(),
                    e.getMessage());
            return null;
        }
    }

    private void remember(long companyId, EventType eventType) {
        String key = key(companyId, eventType.id());
        eventTypes.put(key, new Known(eventType, clock.instant()));
        shapes.put(key, shape(eventType));
    }

    static EventTypeShape shape(EventType eventType) {
        Set<Integer> lengths = new java.util.HashSet<>();
        if (eventType.hasMultipleLengths()) {
            lengths.add(eventType.lengthInMinutes());
            lengths.addAll(eventType.lengthOptions());
        }
        return new EventTypeShape(
                eventType.id(),
                eventType.beforeEventBuffer(),
                eventType.afterEventBuffer(),
                eventType.hosts().stream()
                        .map(Host::username)
                        .filter(Objects::nonNull)
                        .collect(Collectors.toSet()),
                lengths);
    }

    private static String key(long companyId, long eventTypeId) {
        return companyId + ":" + eventTypeId;
    }

    @Override
    public void destroy() {
        background.shutdownNow();
    }
}
