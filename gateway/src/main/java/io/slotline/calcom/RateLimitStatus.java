package io.slotline.calcom;

import java.time.Instant;
import java.util.Objects;

/**
 * Cal.com's rate-limit budget for one API key as of the last response: {@code limit} requests per window,
 * {@code remaining} left, the window resets {@code resetSeconds} after {@code observedAt}. {@code name} is the limit's
 * name in Cal.com's headers ({@code Default}, or one of the key's custom limits, {@code X-RateLimit-Limit-<name>}).
 */
public record RateLimitStatus(int limit, int remaining, long resetSeconds, Instant observedAt, String name) {

    public static final String DEFAULT_NAME = "Default";

    public RateLimitStatus {
        Objects.requireNonNull(observedAt, "observedAt");
        Objects.requireNonNull(name, "name");
    }

    /** The default limit's status. */
    public RateLimitStatus(int limit, int remaining, long resetSeconds, Instant observedAt) {
        this(limit, remaining, resetSeconds, observedAt, DEFAULT_NAME);
    }

    public Instant resetAt() {
        return observedAt.plusSeconds(resetSeconds);
    }

    /** Remaining budget at {@code now}: the last value until the window resets, then the full limit. */
    public int remainingAt(Instant now) {
        return now.isBefore(resetAt()) ? remaining : limit;
    }

    /** Spent until the window resets; afterwards Cal.com grants a fresh window. */
    public boolean exhaustedAt(Instant now) {
        return now.isBefore(resetAt()) && remaining <= 0;
    }
}
