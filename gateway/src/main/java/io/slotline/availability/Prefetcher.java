package io.slotline.availability;

import io.slotline.calcom.UpstreamCounter;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warms a branch's calendars while the caller is still saying hello (call_inbound / call_started), so that the
 * first availability question is answered from memory. Runs on its own small pool with background priority:
 * a prefetch uses only the spare Cal.com budget (never the live reserve), a full queue drops it, and the same
 * calendar and days are never warmed twice at the same time. With mode {@code naive} it does nothing: the old
 * system didn't prefetch, and the baseline must stay honest.
 */
public final class Prefetcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Prefetcher.class);

    private record Warming(String calendarKey, int durationMinutes, ZoneId zone, LocalDate from, LocalDate to) {}

    private final AvailabilityService availability;
    private final AvailabilityProperties.Prefetch settings;
    private final AvailabilityMetrics metrics;
    private final Clock clock;
    private final Set<Warming> running = ConcurrentHashMap.newKeySet();
    private final ThreadPoolExecutor executor;

    Prefetcher(
            AvailabilityService availability,
            AvailabilityProperties.Prefetch settings,
            AvailabilityMetrics metrics,
            Clock clock) {
        this.availability = Objects.requireNonNull(availability, "availability");
        this.settings = settings;
        this.metrics = metrics;
        this.clock = clock;
        AtomicInteger threads = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(
                settings.concurrency(),
                settings.concurrency(),
                30,
                TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(settings.queue()),
                runnable -> {
                    Thread thread = new Thread(runnable, "availability-prefetch-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                },
                new ThreadPoolExecutor.AbortPolicy());
        this.executor.allowCoreThreadTimeOut(true);
    }

    /** {@link #prefetch(List, ZoneId, int)} for the configured number of days. */
    public int prefetch(List<CalendarRef> calendars, ZoneId zone) {
        return prefetch(calendars, zone, settings.days());
    }

    /**
     * Warms the local days [today, today + days) in {@code zone} of every calendar, in the background; returns at
     * once. Returns how many calendars were queued (the rest are being warmed already, or the queue is full).
     */
    public int prefetch(List<CalendarRef> calendars, ZoneId zone, int days) {
        if (days <= 0 || availability instanceof NaiveAvailability) {
            return 0;
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        LocalDate last = today.plusDays(days - 1L);
        int queued = 0;
        for (CalendarRef calendar : calendars) {
            Warming warming = new Warming(calendar.key(), calendar.durationMinutes(), zone, today, last);
            if (freshInMemory(calendar, warming) || !running.add(warming)) {
                continue;
            }
            try {
                executor.execute(() -> warm(calendar, warming));
                queued++;
            } catch (RejectedExecutionException full) {
                running.remove(warming);
                metrics.prefetchDropped();
                log.debug("Prefetch queue full, not warming {}", calendar.key());
            }
        }
        return queued;
    }

    /**
     * A calendar whose days are all in memory and fresh needs no warming: checked before queueing, so that the
     * calendars of a busy business, called again and again, never take queue places from a quiet one's first call.
     * A stale one is: the stylists' calendars are only peeked at (which stylist is free for "anyone"), so the ring
     * is what keeps them fresh.
     */
    private boolean freshInMemory(CalendarRef calendar, Warming warming) {
        return availability
                .peek(new SlotRequest(
                        calendar,
                        warming.zone(),
                        warming.from(),
                        warming.to(),
                        SlotRequest.Priority.BACKGROUND,
                        clock.instant()))
                .filter(known -> !known.stale())
                .isPresent();
    }

    private void warm(CalendarRef calendar, Warming warming) {
        try {
            metrics.prefetch();
            Instant deadline = clock.instant().plus(settings.timeout());
            UpstreamCounter upstream = new UpstreamCounter();
            try (UpstreamCounter.Scope ignored = upstream.bind()) {
                availability.freeSlots(new SlotRequest(
                        calendar,
                        warming.zone(),
                        warming.from(),
                        warming.to(),
                        SlotRequest.Priority.BACKGROUND,
                        deadline));
            } finally {
                metrics.warmUpRequests("slots", upstream.calls());
            }
        } catch (RuntimeException e) {
            log.debug(
                    "Prefetch of {} {}..{} gave up: {}", calendar.key(), warming.from(), warming.to(), e.getMessage());
        } finally {
            running.remove(warming);
        }
    }

    /** Prefetches queued or running (diagnostics and tests). */
    int inFlight() {
        return running.size();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
