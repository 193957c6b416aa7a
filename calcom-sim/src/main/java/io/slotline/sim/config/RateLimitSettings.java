package io.slotline.sim.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Cal.com's throttling: {@code limit} requests per {@code windowSeconds} per API key (unauthenticated: per client IP),
 * then blocked for {@code blockSeconds}. {@code perKey} overrides the limit for single keys. {@code customLimits}
 * gives a key Cal.com's custom rate limits instead (rows of the RateLimit table linked to the API key, each with a
 * name, limit, ttl and block duration; apps/api/v2/src/lib/throttler-guard.ts): each named limit counts on its own,
 * answers its own {@code X-RateLimit-*-<Name>} headers, and a request is refused only when every one is blocked.
 */
public record RateLimitSettings(
        boolean enabled,
        int limit,
        int windowSeconds,
        int blockSeconds,
        Map<String, Integer> perKey,
        Map<String, List<NamedLimit>> customLimits) {

    /** One of a key's custom limits; {@code name} becomes the header suffix with its first letter uppercased. */
    public record NamedLimit(String name, int limit, int windowSeconds, int blockSeconds) {

        public NamedLimit {
            if (name == null || !name.matches("[A-Za-z0-9_]{1,40}")) {
                throw new IllegalArgumentException("a custom limit's name is 1-40 letters, digits or _: " + name);
            }
            if (limit < 1 || windowSeconds < 1 || blockSeconds < 0) {
                throw new IllegalArgumentException(
                        "custom limit " + name + " needs limit >= 1, windowSeconds >= 1, blockSeconds >= 0");
            }
        }

        /** The header suffix: throttler-guard.ts uppercases the first letter ({@code default} gives Default). */
        public String headerName() {
            return name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
        }
    }

    public RateLimitSettings(
            boolean enabled,
            int limit,
            int windowSeconds,
            int blockSeconds,
            @Nullable Map<String, Integer> perKey,
            @Nullable Map<String, List<NamedLimit>> customLimits) {
        if (limit < 1 || windowSeconds < 1 || blockSeconds < 0) {
            throw new IllegalArgumentException("rate limit needs limit >= 1, windowSeconds >= 1, blockSeconds >= 0");
        }
        this.enabled = enabled;
        this.limit = limit;
        this.windowSeconds = windowSeconds;
        this.blockSeconds = blockSeconds;
        this.perKey = perKey == null ? Map.of() : Map.copyOf(perKey);
        Map<String, List<NamedLimit>> custom = new LinkedHashMap<>();
        if (customLimits != null) {
            customLimits.forEach((key, limits) -> {
                if (limits != null && !limits.isEmpty()) {
                    custom.put(key, List.copyOf(limits));
                }
            });
        }
        this.customLimits = Map.copyOf(custom);
    }

    public static RateLimitSettings defaults() {
        return new RateLimitSettings(true, 120, 60, 60, Map.of(), Map.of());
    }

    public int limitFor(@Nullable String apiKey) {
        return apiKey != null ? perKey.getOrDefault(apiKey, limit) : limit;
    }

    /** The limits that apply to a key: its custom ones, else the one named {@code default}. */
    public List<NamedLimit> limitsFor(@Nullable String apiKey) {
        List<NamedLimit> custom = apiKey == null ? null : customLimits.get(apiKey);
        if (custom != null) {
            return custom;
        }
        return List.of(new NamedLimit("default", limitFor(apiKey), windowSeconds, blockSeconds));
    }

    public RateLimitSettings withLimit(int newLimit) {
        return new RateLimitSettings(enabled, newLimit, windowSeconds, blockSeconds, perKey, customLimits);
    }

    public RateLimitSettings withEnabled(boolean on) {
        return new RateLimitSettings(on, limit, windowSeconds, blockSeconds, perKey, customLimits);
    }
}
