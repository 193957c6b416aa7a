package io.slotline.bench.load;

import org.jspecify.annotations.Nullable;

/**
 * One finished request. Times are {@link Ticker} nanoseconds: {@code intendedNanos} is when the simulated
 * caller wanted to send, {@code sentNanos} when the generator actually sent.
 */
public record Exchange(
        String metric,
        @Nullable HttpReply reply,
        @Nullable Throwable failure,
        Outcome outcome,
        long intendedNanos,
        long sentNanos,
        long completedNanos) {

    public long latencyNanos() {
        return completedNanos - intendedNanos;
    }

    public long lagNanos() {
        return sentNanos - intendedNanos;
    }

    public boolean answered() {
        return reply != null && reply.successful();
    }
}
