package io.slotline.booking;

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

    private final CalcomApi calcom;
    private final Cache<String, EventType> eventTypes;
    private final Map<String, EventTypeShape> shapes = new ConcurrentHashMap<>();
    private final Set<String> warming = ConcurrentHashMap.newKeySet();
    private final ExecutorService background;

    EventTypeCatalog(CalcomApi calcom, BookingProperties properties) {
        this.calcom = calcom;
        this.eventTypes = Caffeine.newBuilder().expireAfterWrite(properties.eventTypeCacheTtl()).maximumSize(10_000)
                .build();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(256),
                runnable -> {
                    Thread thread = new Thread(runnable, "event-type-warm-up");
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
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
                try (CalcomCallContext.Scope ignored = CalcomCallContext.background(null).bind()) {
                    fetch(calendar);
                } finally {
                    warming.remove(key);
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
            log.info("event type {} of {} not read: {}", calendar.bookingEventTypeId(), calendar.account().name(),
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
        return new EventTypeShape(eventType.id(), eventType.beforeEventBuffer(), eventType.afterEventBuffer(),
                eventType.hosts().stream().map(Host::username).filter(Objects::nonNull).collect(Collectors.toSet()),
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
