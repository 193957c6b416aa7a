package io.slotline.calcom;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Per-account rate-limit state from Cal.com's X-RateLimit-*-Default headers, exposed as budget gauges. With
 * tenant tags off, several accounts share the "all" gauges: remaining shows the most constrained account
 * (lowest remaining), limit the largest limit.
 */
final class CalcomRateLimits {

    static final String LIMIT_HEADER = "X-RateLimit-Limit-Default";
    static final String REMAINING_HEADER = "X-RateLimit-Remaining-Default";
    static final String RESET_HEADER = "X-RateLimit-Reset-Default";
    /** Cal.com's per-minute budget for an API key, assumed until a response tells us the real limit. */
    static final int DOCUMENTED_API_KEY_LIMIT = 120;

    private final MeterRegistry registry;
    private final Clock clock;
    private final UnaryOperator<String> accountTag;
    private final ConcurrentMap<String, RateLimitStatus> byAccount = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Boolean> gaugesRegistered = new ConcurrentHashMap<>();

    CalcomRateLimits(MeterRegistry registry, Clock clock, UnaryOperator<String> accountTag) {
        this.registry = registry;
        this.clock = clock;
        this.accountTag = accountTag;
    }

    Optional<RateLimitStatus> status(String account) {
        return Optional.ofNullable(byAccount.get(account));
    }

    static OptionalLong resetSeconds(HttpHeaders headers) {
        return header(headers, RESET_HEADER);
    }

    /** Records the headers of any response (success or error); a 429 means nothing is left. */
    void observe(String account, HttpHeaders headers, int status) {
        OptionalLong limit = header(headers, LIMIT_HEADER);
        OptionalLong remaining = header(headers, REMAINING_HEADER);
        OptionalLong reset = header(headers, RESET_HEADER);
        boolean limited = status == 429;
        if (limited) {
            Counter.builder("slotline.calcom.ratelimited")
                    .description("Cal.com answers with HTTP 429")
                    .tag("account", accountTag.apply(account))
                    .register(registry)
                    .increment();
        }
        if (limit.isEmpty() && remaining.isEmpty() && reset.isEmpty() && !limited) {
            return;
        }
        Instant now = clock.instant();
        byAccount.compute(account, (key, previous) -> merge(previous, limit, remaining, reset, limited, now));
        registerGauges(accountTag.apply(account));
    }

    private static RateLimitStatus merge(@Nullable RateLimitStatus previous, OptionalLong limit,
            OptionalLong remaining, OptionalLong reset, boolean limited, Instant now) {
        int newLimit = (int) limit.orElse(previous != null ? previous.limit() : DOCUMENTED_API_KEY_LIMIT);
        int newRemaining = limited ? 0 : (int) remaining.orElse(previous != null ? previous.remainingAt(now) : newLimit);
        long newReset = reset.orElse(previous != null
                ? Math.max(0, previous.resetAt().getEpochSecond() - now.getEpochSecond())
                : CalcomErrors.DEFAULT_RATE_LIMIT_RESET_SECONDS);
        return new RateLimitStatus(newLimit, newRemaining, newReset, now);
    }

    private void registerGauges(String tag) {
        if (gaugesRegistered.putIfAbsent(tag, Boolean.TRUE) != null) {
            return;
        }
        Gauge.builder("slotline.calcom.budget.remaining", this, limits -> limits.remainingFor(tag))
                .description("Cal.com requests left in the current rate-limit window")
                .tag("account", tag)
                .strongReference(true)
                .register(registry);
        Gauge.builder("slotline.calcom.budget.limit", this, limits -> limits.limitFor(tag))
                .description("Cal.com requests allowed per rate-limit window")
                .tag("account", tag)
                .strongReference(true)
                .register(registry);
    }

    private double remainingFor(String tag) {
        Instant now = clock.instant();
        return byAccount.entrySet().stream()
                .filter(entry -> accountTag.apply(entry.getKey()).equals(tag))
                .mapToInt(entry -> entry.getValue().remainingAt(now))
                .min()
                .orElse(0);
    }

    private double limitFor(String tag) {
        return byAccount.entrySet().stream()
                .filter(entry -> accountTag.apply(entry.getKey()).equals(tag))
                .mapToInt(entry -> entry.getValue().limit())
                .max()
                .orElse(0);
    }

    private static OptionalLong header(HttpHeaders headers, String name) {
        Optional<String> value = headers.firstValue(name);
        if (value.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            long parsed = Long.parseLong(value.get().trim());
            return parsed >= 0 ? OptionalLong.of(parsed) : OptionalLong.empty();
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
