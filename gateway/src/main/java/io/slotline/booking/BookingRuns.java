package io.slotline.booking;

import io.slotline.booking.BookingService.BookingOutcome;
import io.slotline.calcom.CalcomCallContext;
import io.slotline.calcom.UpstreamCounter;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The bookings running in this instance, one per request key: a duplicate joins the running one instead of booking
 * again, and each runs on a thread of its own so that the caller can be answered at the deadline while Cal.com is
 * still asked.
 */
@Component
class BookingRuns implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(BookingRuns.class);

    private final ConcurrentMap<String, CompletableFuture<BookingOutcome>> inFlight = new ConcurrentHashMap<>();
    private final ThreadPoolExecutor work;

    BookingRuns() {
        AtomicInteger threads = new AtomicInteger();
        // no queue: a booking waits for Cal.com, never for a thread; the cap only stops a runaway
        this.work = new ThreadPoolExecutor(
                0,
                512,
                60,
                TimeUnit.SECONDS,
                new SynchronousQueue<>(),
                runnable -> {
                    Thread thread = new Thread(runnable, "slotline-booking-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                },
                new ThreadPoolExecutor.AbortPolicy());
    }

    /**
     * The run of request {@code key}: the one in flight here ({@code repeated}), or {@code booking} started now.
     */
    record Run(CompletableFuture<BookingOutcome> outcome, boolean repeated) {}

    Run startOrJoin(String key, String retellCallId, Supplier<BookingOutcome> booking) {
        CompletableFuture<BookingOutcome> running = inFlight.get(key);
        boolean repeated = running != null;
        if (running == null) {
            CompletableFuture<BookingOutcome> mine = new CompletableFuture<>();
            running = inFlight.putIfAbsent(key, mine);
            repeated = running != null;
            if (running == null) {
                running = mine;
                start(key, retellCallId, booking, mine);
            }
        }
        return new Run(running, repeated);
    }

    /** Whether this instance is still waiting for Cal.com's answer to request {@code key}. */
    boolean running(String key) {
        return inFlight.containsKey(key);
    }

    private void start(
            String key,
            String retellCallId,
            Supplier<BookingOutcome> booking,
            CompletableFuture<BookingOutcome> result) {
        Map<String, String> logContext = MDC.getCopyOfContextMap();
        Runnable task = UpstreamCounter.wrap(() -> {
            if (logContext != null) {
                MDC.setContextMap(logContext);
            }
            try (CalcomCallContext.Scope ignored = CalcomCallContext.live(null).bind()) {
                result.complete(booking.get());
            } catch (RuntimeException e) {
                log.error("booking {} of call {} failed", key, retellCallId, e);
                result.completeExceptionally(e);
            } finally {
                inFlight.remove(key, result);
                MDC.clear();
            }
        });
        try {
            work.execute(task);
        } catch (RejectedExecutionException e) {
            inFlight.remove(key, result);
            result.complete(new BookingService.Unavailable("too many bookings in flight"));
        }
    }

    @Override
    public void destroy() {
        work.shutdown();
    }
}
