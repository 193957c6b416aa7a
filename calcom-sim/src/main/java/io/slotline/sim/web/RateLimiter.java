package io.slotline.sim.web;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import io.slotline.sim.config.RateLimitSettings;

/**
 * Fixed windows per tracker (API key or client IP) like Cal.com's throttler: the first request opens a window of
 * {@code windowSeconds}; the request over the limit blocks the tracker for {@code blockSeconds}. Time comes from the
 * simulator clock, so with a frozen clock a window only ends when the clock is moved.
 */
public final class RateLimiter {

    public record Decision(boolean allowed, int limit, int remaining, long resetSeconds) {
        public Map<String, String> headers() {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("X-RateLimit-Limit-Default", Integer.toString(limit));
            headers.put("X-RateLimit-Remaining-Default", Integer.toString(remaining));
            headers.put("X-RateLimit-Reset-Default", Long.toString(resetSeconds));
            return headers;
        }
    }

    private static final class Bucket {
        private @Nullable Instant windowEnd;
        private @Nullable Instant blockedUntil;
        private int count;
    }

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public Decision acquire(String tracker, int limit, RateLimitSettings settings, Instant now) {
        if (!settings.enabled()) {
            return new Decision(true, limit, limit, settings.windowSeconds());
        }
        Bucket bucket = buckets.computeIfAbsent(tracker, t -> new Bucket());
        synchronized (bucket) {
            if (bucket.blockedUntil != null && now.isBefore(bucket.blockedUntil)) {
                return new Decision(false, limit, 0, secondsUntil(now, bucket.blockedUntil));
            }
            if (bucket.blockedUntil != null || bucket.windowEnd == null || !now.isBefore(bucket.windowEnd)) {
                bucket.windowEnd = now.plusSeconds(settings.windowSeconds());
                bucket.blockedUntil = null;
                bucket.count = 0;
            }
            bucket.count++;
            if (bucket.count > limit) {
                bucket.blockedUntil = now.plusSeconds(settings.blockSeconds());
                return new Decision(false, limit, 0, settings.blockSeconds());
            }
            return new Decision(true, limit, limit - bucket.count, secondsUntil(now, bucket.windowEnd));
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
