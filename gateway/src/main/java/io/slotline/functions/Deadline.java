package io.slotline.functions;

import java.time.Duration;

/**
 * When the function running on this thread must have answered (monotonic time). Bound by the dispatcher around the
 * handler, read by handlers that wait on something slow (a Cal.com write) and must answer before it.
 */
final class Deadline {

    private static final ThreadLocal<Long> END_NANOS = new ThreadLocal<>();

    private Deadline() {}

    /** Time left; a handler called outside the dispatcher (no binding) has a day. */
    static Duration remaining() {
        Long end = END_NANOS.get();
        return end == null ? Duration.ofDays(1) : Duration.ofNanos(Math.max(0, end - System.nanoTime()));
    }

    static AutoCloseableScope bind(long endNanos) {
        END_NANOS.set(endNanos);
        return END_NANOS::remove;
    }

    @FunctionalInterface
    interface AutoCloseableScope extends AutoCloseable {
        @Override
        void close();
    }
}
