package io.slotline.sim.web;

import io.slotline.sim.config.RateLimitSettings;
import io.slotline.sim.config.RateLimitSettings.NamedLimit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Fixed windows per tracker (API key or client IP) and named limit, like Cal.com's throttler
 * (apps/api/v2/src/lib/throttler-guard.ts): the first request opens a window of the limit's length; the request over
 * the limit blocks the tracker for the block duration. A key with custom limits counts each of them and is refused
 * only when all are blocked; every limit answers its own {@code X-RateLimit-Limit|Remaining|Reset-<Name>} headers.
 * Time comes from the simulator clock, so with a frozen clock a window only ends when the clock is moved.
 */
public final class RateLimiter {

    /** One limit's state after a request. */
    public record LimitState(String headerName, int limit, int remaining, long resetSeconds, boolean blocked) {}

    public record Decision(boolean allowed, List<LimitState> limits) {

        public Decision {
            limits = List.copyOf(limits);
        }

        /** The first limit's figures (the only one unless the key has custom limits). */
        public int limit() {
            return limits.get(0).limit();
        }

        public int remaining() {
            return limits.get(0).remaining();
        }

        public long resetSeconds() {
            return limits.get(0).resetSeconds();
        }

        public Map<String, String> headers() {
            Map<String, String> headers = new LinkedHashMap<>();
            for (LimitState state : limits) {
                headers.put("X-RateLimit-Limit-" + state.headerName(), Integer.toString(state.limit()));
                headers.put("X-RateLimit-Remaining-" + state.headerName(), Integer.toString(state.remaining()));
                headers.put("X-RateLimit-Reset-" + state.headerName(), Long.toString(state.resetSeconds()));
            }
            return headers;
        }
    }

    private static final class Bucket {
        private @Nullable Instant windowEnd;
        private @Nullable Instant blockedUntil;
        private int count;
    }

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** The default limit only ({@code limit} per the settings' window). */
    public Decision acquire(String tracker, int limit, RateLimitSettings settings, Instant now) {
        return acquire(
                tracker,
                List.of(new NamedLimit("default", limit, settings.windowSeconds(), settings.blockSeconds())),
                settings.enabled(),
                now);
    }

    /** The limits that apply to {@code apiKey} (its custom ones, else the default). */
    public Decision acquire(String tracker, @Nullable String apiKey, RateLimitSettings settings, Instant now) {
        return acquire(tracker, settings.limitsFor(apiKey), settings.enabled(), now);
    }

    private Decision acquire(String tracker, List<NamedLimit> limits, boolean enabled, Instant now) {
        List<LimitState> states = new ArrayList<>();
        if (!enabled) {
            for (NamedLimit limit : limits) {
                states.add(
                        new LimitState(limit.headerName(), limit.limit(), limit.limit(), limit.windowSeconds(), false));
            }
            return new Decision(true, states);
        }
        boolean allowed = false;
        for (NamedLimit limit : limits) {
            LimitState state = count(tracker + "|" + limit.name(), limit, now);
            states.add(state);
            allowed |= !state.blocked();
        }
        return new Decision(allowed, states);
    }

    private LimitState count(String bucketKey, NamedLimit limit, Instant now) {
        Bucket bucket = buckets.computeIfAbsent(bucketKey, t -> new Bucket());
        synchronized (bucket) {
            if (bucket.blockedUntil != null && now.isBefore(bucket.blockedUntil)) {
                return new LimitState(
                        limit.headerName(), limit.limit(), 0, secondsUntil(now, bucket.blockedUntil), true);
            }
            if (bucket.blockedUntil != null || bucket.windowEnd == null || !now.isBefore(bucket.windowEnd)) {
                bucket.windowEnd = now.plusSeconds(limit.windowSeconds());
                bucket.blockedUntil = null;
                bucket.count = 0;
            }
            bucket.count++;
            if (bucket.count > limit.limit()) {
                bucket.blockedUntil = now.plusSeconds(limit.blockSeconds());
                return new LimitState(limit.headerName(), limit.limit(), 0, limit.blockSeconds(), true);
            }
            return new LimitState(
                    limit.headerName(),
                    limit.limit(),
                    limit.limit() - bucket.count,
                    secondsUntil(now, bucket.windowEnd),
                    false);
        }
    }

    public void reset() {
        buckets.clear();
    }

    private static long secondsUntil(Instant now, Instant later) {
        long millis = Duration.between(now, later).toMillis();
        return Math.max(0, (millis + 999) / 1000);
    }
}
