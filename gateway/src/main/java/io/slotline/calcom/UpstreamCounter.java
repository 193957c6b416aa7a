package io.slotline.calcom;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Counts the Cal.com HTTP calls made on behalf of one Slotline request, so the function layer can log and
 * measure "how many upstream calls did answering this take" (0 for a cache hit).
 *
 * <p>Usage: the function layer creates one per request and binds it around the work:
 * <pre>{@code
 * UpstreamCounter upstream = new UpstreamCounter();
 * try (UpstreamCounter.Scope ignored = upstream.bind()) {
 *     result = handler.handle(request);
 * }
 * log.info("... upstream_calls={} upstream_ms={}", upstream.calls(), upstream.time().toMillis());
 * }</pre>
 * The HTTP client counts every attempt (success or failure) against the counter bound to the thread it runs
 * on. Work handed to another thread must carry the binding: wrap the task with {@link #wrap(Supplier)} /
 * {@link #wrap(Runnable)}, or run it on {@link #propagating(Executor)}. When
 * requests share one in-flight fetch (single-flight), the call counts for the request whose thread started
 * it; the others correctly see 0.
 */
public final class UpstreamCounter {

    private static final ThreadLocal<@Nullable UpstreamCounter> CURRENT = new ThreadLocal<>();

    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicLong nanos = new AtomicLong();

    /** Restores the previous binding on close; never throws. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    public Scope bind() {
        UpstreamCounter previous = CURRENT.get();
        CURRENT.set(this);
        return () -> restore(previous);
    }

    public static @Nullable UpstreamCounter current() {
        return CURRENT.get();
    }

    public int calls() {
        return calls.get();
    }

    /** Summed duration of the counted calls (overlapping calls add up). */
    public Duration time() {
        return Duration.ofNanos(nanos.get());
    }

    static void recordCall(long durationNanos) {
        UpstreamCounter counter = CURRENT.get();
        if (counter != null) {
            counter.calls.incrementAndGet();
            counter.nanos.addAndGet(durationNanos);
        }
    }

    public static Runnable wrap(Runnable task) {
        UpstreamCounter captured = CURRENT.get();
        if (captured == null) {
            return task;
        }
        return () -> {
            try (Scope ignored = captured.bind()) {
                task.run();
            }
        };
    }

    public static <T> Supplier<T> wrap(Supplier<T> task) {
        UpstreamCounter captured = CURRENT.get();
        if (captured == null) {
            return task;
        }
        return () -> {
            try (Scope ignored = captured.bind()) {
                return task.get();
            }
        };
    }

    /** An executor that runs each task with the counter bound at submission time. */
    public static Executor propagating(Executor delegate) {
        return task -> delegate.execute(wrap(task));
    }

    private static void restore(@Nullable UpstreamCounter previous) {
        if (previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(previous);
        }
    }
}
