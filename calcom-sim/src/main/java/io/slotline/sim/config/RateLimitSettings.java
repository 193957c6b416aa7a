package io.slotline.sim.config;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Cal.com's throttling: {@code limit} requests per {@code windowSeconds} per API key (unauthenticated: per client IP),
 * then blocked for {@code blockSeconds}. {@code perKey} overrides the limit for single keys.
 */
public record RateLimitSettings(boolean enabled, int limit, int windowSeconds, int blockSeconds,
        Map<String, Integer> perKey) {

    public RateLimitSettings(boolean enabled, int limit, int windowSeconds, int blockSeconds,
            @Nullable Map<String, Integer> perKey) {
        if (limit < 1 || windowSeconds < 1 || blockSeconds < 0) {
            throw new IllegalArgumentException("rate limit needs limit >= 1, windowSeconds >= 1, blockSeconds >= 0");
        }
        this.enabled = enabled;
        this.limit = limit;
        this.windowSeconds = windowSeconds;
        this.blockSeconds = blockSeconds;
        this.perKey = perKey == null ? Map.of() : Map.copyOf(perKey);
    }

    public static RateLimitSettings defaults() {
        return new RateLimitSettings(true, 120, 60, 60, Map.of());
    }

    public int limitFor(@Nullable String apiKey) {
        return apiKey != null ? perKey.getOrDefault(apiKey, limit) : limit;
    }

    public RateLimitSettings withLimit(int newLimit) {
        return new RateLimitSettings(enabled, newLimit, windowSeconds, blockSeconds, perKey);
    }

    public RateLimitSettings withEnabled(boolean on) {
        return new RateLimitSettings(on, limit, windowSeconds, blockSeconds, perKey);
    }
}
