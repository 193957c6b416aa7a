package io.slotline.calcom;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Why and until when a Cal.com call is made, for the decorators that share an account's budget
 * ({@link ResilientCalcomApi}). Carried on the calling thread rather than as a parameter of every
 * {@link CalcomApi} method, because only the budget and the retry decision need it:
 * <pre>{@code
 * try (CalcomCallContext.Scope ignored = CalcomCallContext.background(deadline).bind()) {
 *     api.slots(account, query);
 * }
 * }</pre>
 * Without a binding a call is {@link Priority#LIVE} without a deadline: a caller on the phone is the default.
 * Work handed to another thread must bind again (the availability layer does so for its loads).
 *
 * @param deadline when the caller stops waiting; a retry is only attempted if it can finish before it
 */
public record CalcomCallContext(Priority priority, @Nullable Instant deadline) {

    private static final CalcomCallContext DEFAULT = new CalcomCallContext(Priority.LIVE, null);
    private static final ThreadLocal<@Nullable CalcomCallContext> CURRENT = new ThreadLocal<>();

    /**
     * {@code CHANGE}: a booking, cancellation or reschedule the caller waits for; may use the whole budget (a LIVE
     * call to those endpoints counts as CHANGE). {@code LIVE}: a phone caller waits for an answer; everything but the
     * change reserve. {@code BACKGROUND}: prefetch, refresh, courtesy reservations and releases; only while more
     * than the live reserve is left, dropped at once (never queued) otherwise.
     */
    public enum Priority {
        CHANGE,
        LIVE,
        BACKGROUND
    }

    /** Restores the previous binding on close; never throws. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    public CalcomCallContext {
        Objects.requireNonNull(priority, "priority");
    }

    public static CalcomCallContext live(@Nullable Instant deadline) {
        return new CalcomCallContext(Priority.LIVE, deadline);
    }

    public static CalcomCallContext background(@Nullable Instant deadline) {
        return new CalcomCallContext(Priority.BACKGROUND, deadline);
    }

    /** The binding of this thread, or LIVE without deadline. */
    public static CalcomCallContext current() {
        CalcomCallContext context = CURRENT.get();
        return context != null ? context : DEFAULT;
    }

    public Scope bind() {
        CalcomCallContext previous = CURRENT.get();
        CURRENT.set(this);
        return () -> {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        };
    }
}
