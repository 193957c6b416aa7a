package io.slotline.booking;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.slotline.availability.CalendarRef;
import io.slotline.availability.EventTypeShape;
import io.slotline.availability.EventTypeShapes;
import io.slotline.calcom.CalcomApi;
import io.slotline.calcom.CalcomCallContext;
import io.slotline.calcom.CalcomException;
import io.slotline.calcom.EventType;
import io.slotline.calcom.Host;
import io.slotline.calcom.UpstreamCounter;
import io.slotline.observability.SlotlineMetrics;
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
 * for booking, buffers and hosts for the availability cache (what a booking blocks). Read once per
 * {@code event-type-cache-ttl}; the call warm-up reads them in the background, so neither a booking nor the cache
 * waits for them. Shapes outlive the TTL: buffers and hosts rarely change, and a stale shape only makes the cache
 * patch a day slightly wrong until Cal.com's own answer replaces it.
 */
@Component
public class EventTypeCatalog implements EventTypeShapes, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EventTypeCatalog.class);

    static final int MAX_EVENT_TYPES = 100_000;
    /** Reads wait for Cal.com; with one thread a few quiet businesses called at once queue behind each other. */
    private static final int WARM_UP_THREADS = 2;

    private final CalcomApi calcom;
    private final SlotlineMetrics metrics;
    private final Cache<String, EventType> eventTypes;
    private final Map<String, EventTypeShape> shapes = new ConcurrentHashMap<>();
    private final Set<String> warming = ConcurrentHashMap.newKeySet();
    private final ExecutorService background;

    EventTypeCatalog(CalcomApi calcom, BookingProperties properties, SlotlineMetrics metrics) {
        this.calcom = calcom;
        this.metrics = metrics;
        // a business has an event type per service and per service and stylist: room for a few thousand businesses
        this.eventTypes = Caffeine.newBuilder()
                .expireAfterWrite(properties.eventTypeCacheTtl())
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

    /** The calendar's event type, from memory or Cal.com; null when Cal.com does not answer. */
    public @Nullable EventType get(CalendarRef calendar) {
        EventType known = eventTypes.getIfPresent(key(calendar.companyId(), calendar.bookingEventTypeId()));
        return known != null ? known : fetch(calendar);
    }

    /** Reads the calendar's event type in the background (budget permitting) unless it is in memory. */
    public void warm(CalendarRef calendar) {
        String key = key(calendar.companyId(), calendar.bookingEventTypeId());
        if (eventTypes.getIfPresent(key) != null || !warming.add(key)) {
            return;
        }
        try {
            background.execute(() -> {
                UpstreamCounter upstream = new UpstreamCounter();
                try (CalcomCallContext.Scope ignored =
                                CalcomCallContext.background(null).bind();
                        UpstreamCounter.Scope counted = upstream.bind()) {
                    fetch(calendar);
                } finally {
                    warming.remove(key);
                    metrics.warmUpRequests("event_types", upstream.calls());
                }
            });
        } catch (RejectedExecutionException full) {
            warming.remove(key);
        }
    }

    @Override
    public @Nullable EventTypeShape known(long companyId, long eventTypeId) {
        return shapes.get(key(companyId, eventTypeId));
    }

    private @Nullable EventType fetch(CalendarRef calendar) {
        try {
            EventType fetched = calcom.eventType(calendar.account(), calendar.eventTypeKey());
            String key = key(calendar.companyId(), calendar.bookingEventTypeId());
            eventTypes.put(key, fetched);
            shapes.put(key, shape(fetched));
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
