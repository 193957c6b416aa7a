package io.slotline.calcom;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.slotline.observability.AccountTags;
import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;

/**
 * Per-account rate-limit state from Cal.com's X-RateLimit-{Limit,Remaining,Reset}-&lt;Name&gt; headers, exposed as
 * budget gauges. Cal.com names the headers after the limits that apply to the key
 * (apps/api/v2/src/lib/throttler-guard.ts): {@code Default} normally, the key's custom limits' names (first letter
 * uppercased) when it has some. A key with custom limits is refused only when every one of them is blocked, so the
 * limit with the most requests left is the key's budget, and after a 429 the first limit to unblock ends the wait.
 * With tenant tags off, several accounts share the "all" gauges: remaining shows the most constrained account
 * (lowest remaining), limit the largest limit.
 */
final class CalcomRateLimits {

    static final String LIMIT_HEADER = "X-RateLimit-Limit-Default";
    static final String REMAINING_HEADER = "X-RateLimit-Remaining-Default";
    static final String RESET_HEADER = "X-RateLimit-Reset-Default";
    private static final List<String> PREFIXES =
            List.of("x-ratelimit-limit-", "x-ratelimit-remaining-", "x-ratelimit-reset-");
    /** Cal.com's per-minute budget for an API key, assumed until a response tells us the real limit. */
    static final int DOCUMENTED_API_KEY_LIMIT = 120;

    private final MeterRegistry registry;
    private final Clock clock;
    private final AccountTags accountTags;
    private final ConcurrentMap<String, RateLimitStatus> byAccount = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Boolean> gaugesRegistered = new ConcurrentHashMap<>();

    CalcomRateLimits(MeterRegistry registry, Clock clock, AccountTags accountTags) {
        this.registry = registry;
        this.clock = clock;
        this.accountTags = accountTags;
        if (!accountTags.perTenant()) {
            // one series for every account: it exists from the start, so the alert rules see a zero before a 429
            rateLimitedCounter(AccountTags.ALL);
        }
    }

    Optional<RateLimitStatus> status(String account) {
        return Optional.ofNullable(byAccount.get(account));
    }

    /** One named limit as a response reported it. */
    record NamedLimit(String name, OptionalLong limit, OptionalLong remaining, OptionalLong reset) {}

    /** Seconds until Cal.com takes requests again: the default limit's reset, else the soonest of the named ones. */
    static OptionalLong resetSeconds(HttpHeaders headers) {
        OptionalLong reset = header(headers, RESET_HEADER);
        if (reset.isPresent()) {
            return reset;
        }
        return limits(headers).stream()
                .map(NamedLimit::reset)
                .filter(OptionalLong::isPresent)
                .mapToLong(OptionalLong::getAsLong)
                .min()
                .stream()
                .mapToObj(OptionalLong::of)
                .findFirst()
                .orElse(OptionalLong.empty());
    }

    /** Every limit named in the headers, in header order; {@code Default} is one of them when sent. */
    static List<NamedLimit> limits(HttpHeaders headers) {
        Map<String, String> names = new LinkedHashMap<>();
        for (String header : headers.map().keySet()) {
            String lower = header.toLowerCase(Locale.ROOT);
            for (String prefix : PREFIXES) {
                if (lower.startsWith(prefix) && lower.length() > prefix.length()) {
                    // Cal.com uppercases the name's first letter; HTTP/2 gives header names in lower case
                    String name = header.substring(prefix.length());
                    names.putIfAbsent(
                            lower.substring(prefix.length()),
                            name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1));
                }
            }
        }
        List<NamedLimit> limits = new ArrayList<>();
        names.forEach((lower, spelled) -> limits.add(new NamedLimit(
                spelled,
                header(headers, "X-RateLimit-Limit-" + spelled),
                header(headers, "X-RateLimit-Remaining-" + spelled),
                header(headers, "X-RateLimit-Reset-" + spelled))));
        return limits;
    }

    /** The limit that decides: Default when sent, else the named limit with the most requests left. */
    static @Nullable NamedLimit deciding(HttpHeaders headers) {
        List<NamedLimit> limits = limits(headers);
        return limits.stream()
                .filter(limit -> limit.name().equalsIgnoreCase(RateLimitStatus.DEFAULT_NAME))
                .findFirst()
                .or(() -> limits.stream()
                        .max(Comparator.comparingLong(
                                        (NamedLimit limit) -> limit.remaining().orElse(-1))
                                .thenComparingLong(limit -> limit.limit().orElse(-1))))
                .orElse(null);
    }

    /** Records the headers of any response (success or error); a 429 means nothing is left. */
    void observe(String account, HttpHeaders headers, int status) {
        NamedLimit deciding = deciding(headers);
        OptionalLong limit = deciding == null ? OptionalLong.empty() : deciding.limit();
        OptionalLong remaining = deciding == null ? OptionalLong.empty() : deciding.remaining();
        OptionalLong reset =
                status == 429 ? resetSeconds(headers) : deciding == null ? OptionalLong.empty() : deciding.reset();
        String name = deciding == null ? null : deciding.name();
        boolean limited = status == 429;
        if (limited) {
            rateLimitedCounter(accountTags.tag(account)).increment();
        }
        if (limit.isEmpty() && remaining.isEmpty() && reset.isEmpty() && !limited) {
            return;
        }
        Instant now = clock.instant();
        byAccount.compute(account, (key, previous) -> merge(previous, limit, remaining, reset, limited, now, name));
        registerGauges(accountTags.tag(account));
    }

    private static RateLimitStatus merge(
            @Nullable RateLimitStatus previous,
            OptionalLong limit,
            OptionalLong remaining,
            OptionalLong reset,
            boolean limited,
            Instant now,
            @Nullable String name) {
        int newLimit = (int) limit.orElse(previous != null ? previous.limit() : DOCUMENTED_API_KEY_LIMIT);
        int newRemaining =
                limited ? 0 : (int) remaining.orElse(previous != null ? previous.remainingAt(now) : newLimit);
        long newReset = reset.orElse(
                previous != null
                        ? Math.max(0, previous.resetAt().getEpochSecond() - now.getEpochSecond())
                        : CalcomErrors.DEFAULT_RATE_LIMIT_RESET_SECONDS);
        String newName = name != null ? name : previous != null ? previous.name() : RateLimitStatus.DEFAULT_NAME;
        return new RateLimitStatus(newLimit, newRemaining, newReset, now, newName);
    }

    private Counter rateLimitedCounter(String tag) {
        return Counter.builder("slotline.calcom.ratelimited")
                .description("Cal.com answers with HTTP 429")
                .tag("account", tag)
                .register(registry);
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
                .filter(entry -> accountTags.tag(entry.getKey()).equals(tag))
                .mapToInt(entry -> entry.getValue().remainingAt(now))
                .min()
                .orElse(0);
    }

    private double limitFor(String tag) {
        return byAccount.entrySet().stream()
                .filter(entry -> accountTags.tag(entry.getKey()).equals(tag))
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
