package io.slotline.calcom;

import io.slotline.calcom.CalcomCallContext.Priority;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One Cal.com account's request budget: at most {@code requestsPerWindow} request starts in any sliding
 * {@code window}: changes a caller waits for (bookings) may use all of it, live reads all but the change reserve,
 * background work all but the live reserve. After a 429 the account is blocked until
 * Cal.com's reset. Never waits: a request that doesn't fit is refused at once, because a live caller is better
 * served by a stale answer or an apology now than by a queue.
 */
final class RequestBudget {

    /** Why a request was refused and when trying again makes sense. */
    record Refusal(String reason, Duration retryAfter) {}

    private final int capacity;
    private final Duration window;
    private final CalcomResilienceProperties.Budget budget;
    private final ArrayDeque<Instant> starts;
    private Instant blockedUntil = Instant.MIN;

    RequestBudget(CalcomResilienceProperties.Budget budget) {
        this.capacity = budget.requestsPerWindow();
        this.window = budget.window();
        this.budget = budget;
        this.starts = new ArrayDeque<>(capacity);
    }

    /**
     * Takes a permit, or says why not. {@code reported} is Cal.com's own view from the last response: it also
     * counts requests other clients of the same key made, so when it is lower it wins.
     */
    synchronized @Nullable Refusal tryAcquire(Priority priority, Instant now, Optional<RateLimitStatus> reported) {
        if (now.isBefore(blockedUntil)) {
            return new Refusal("blocked after HTTP 429 until " + blockedUntil, Duration.between(now, blockedUntil));
        }
        evictBefore(now.minus(window));
        int kept = budget.keptFrom(priority);
        if (starts.size() >= capacity - kept) {
            Duration retryAfter = starts.isEmpty()
                    ? window
                    : Duration.between(now, starts.peekFirst().plus(window));
            return new Refusal(
                    switch (priority) {
                        case CHANGE -> "client-side budget of " + capacity + " per " + window.toSeconds() + "s spent";
                        case LIVE -> "only the reserve for bookings and changes is left";
                        case BACKGROUND -> "only the live reserve of the budget is left";
                    },
                    retryAfter);
        }
        if (reported.isPresent()) {
            RateLimitStatus status = reported.get();
            int calcomReserve = (int) Math.ceil(status.limit() * (double) kept / capacity);
            int remaining = status.remainingAt(now);
            if (remaining <= calcomReserve) {
                return new Refusal(
                        "Cal.com reports " + remaining + " requests left", Duration.between(now, status.resetAt()));
            }
        }
        starts.addLast(now);
        return null;
    }

    /** A permit taken at {@code start} for a request that was not sent after all. */
    synchronized void giveBack(Instant start) {
        starts.removeLastOccurrence(start);
    }

    /** Cal.com answered 429: nothing goes out for this account until its window resets. */
    synchronized void blockFor(Instant now, long resetSeconds) {
        Instant until = now.plusSeconds(Math.max(1, resetSeconds));
        if (until.isAfter(blockedUntil)) {
            blockedUntil = until;
        }
    }

    /** Permits taken in the current window (for tests and diagnostics). */
    synchronized int used(Instant now) {
        evictBefore(now.minus(window));
        return starts.size();
    }

    private void evictBefore(Instant horizon) {
        while (!starts.isEmpty() && !starts.peekFirst().isAfter(horizon)) {
            starts.pollFirst();
        }
    }
}
