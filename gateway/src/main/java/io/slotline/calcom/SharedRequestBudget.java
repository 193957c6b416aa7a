package io.slotline.calcom;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.slotline.calcom.CalcomCallContext.Priority;
import io.slotline.redis.RedisGuard;
import io.slotline.redis.RedisUnavailableException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Cal.com request budget of an account shared by every gateway instance (a Bucket4j token bucket in Redis):
 * with several instances behind a load balancer, their requests together stay under Cal.com's per-key limit. Each
 * instance still keeps its own {@link RequestBudget} (sliding window, 429 block, Cal.com's reported remaining);
 * this is the extra, cross-instance check. Background work stops when only the live reserve is left. When Redis
 * can't answer (or its {@link RedisGuard} breaker is open), the instance goes on with its own budget at once: a
 * Redis outage must not silence the phone lines. Back, the shared bucket counts again.
 */
final class SharedRequestBudget {

    private static final Logger log = LoggerFactory.getLogger(SharedRequestBudget.class);
    private static final Duration LOG_EVERY = Duration.ofMinutes(1);
    /** A permit must not cost a live call more than this; beyond it the instance's own budget decides. */
    private static final Duration REDIS_TIMEOUT = Duration.ofMillis(250);

    private final Supplier<ProxyManager<byte[]>> buckets;
    private final CalcomResilienceProperties.Budget budget;
    private final String prefix;
    private final Clock clock;
    private final RedisGuard guard;
    private final ConcurrentMap<String, BucketProxy> proxies = new ConcurrentHashMap<>();
    private volatile long lastWarningMillis;
    private volatile @Nullable ProxyManager<byte[]> manager;

    /** Buckets in the Redis behind {@code redis}, asked for on first use (the connection factory is started then). */
    static SharedRequestBudget overRedis(
            Supplier<RedisClient> redis,
            CalcomResilienceProperties.Budget budget,
            String prefix,
            RedisGuard guard,
            Clock clock) {
        return new SharedRequestBudget(
                () -> Bucket4jLettuce.casBasedBuilder(redis.get())
                        .clientClock(timeMeter(clock))
                        .requestTimeout(REDIS_TIMEOUT)
                        .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                                budget.window().plusSeconds(30)))
                        .build(),
                budget,
                prefix,
                guard,
                clock);
    }

    SharedRequestBudget(
            Supplier<ProxyManager<byte[]>> buckets,
            CalcomResilienceProperties.Budget budget,
            String prefix,
            RedisGuard guard,
            Clock clock) {
        this.buckets = buckets;
        this.budget = budget;
        this.prefix = prefix;
        this.guard = guard;
        this.clock = clock;
    }

    /** Takes a permit for the account; returns null when granted, else how long until one is free. */
    @Nullable Duration tryAcquire(String accountName, Priority priority) {
        if (!guard.available()) {
            return null;
        }
        try {
            return guard.call(() -> {
                BucketProxy bucket = bucket(accountName);
                ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
                if (!probe.isConsumed()) {
                    return Duration.ofNanos(Math.max(probe.getNanosToWaitForRefill(), 1_000_000));
                }
                if (probe.getRemainingTokens() < budget.keptFrom(priority)) {
                    // the reserves are for callers (and the last of them for their bookings): give the permit back
                    bucket.addTokens(1);
                    return Duration.ofNanos(Math.max(
                            probe.getNanosToWaitForRefill(),
                            budget.window().toNanos() / Math.max(1, budget.requestsPerWindow())));
                }
                return null;
            });
        } catch (RedisUnavailableException redisDown) {
            long now = clock.millis();
            if (now - lastWarningMillis > LOG_EVERY.toMillis()) {
                lastWarningMillis = now;
                log.warn(
                        "Shared Cal.com budget unavailable ({}); this instance counts on its own budget only",
                        redisDown.getMessage());
            }
            return null;
        }
    }

    /** Permits left in the account's shared bucket (diagnostics and tests). */
    long available(String accountName) {
        return bucket(accountName).getAvailableTokens();
    }

    private BucketProxy bucket(String accountName) {
        return proxies.computeIfAbsent(
                accountName,
                name -> manager()
                        .builder()
                        .build(
                                (prefix + ":calcom-budget:" + name).getBytes(StandardCharsets.UTF_8),
                                this::configuration));
    }

    private BucketConfiguration configuration() {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(budget.requestsPerWindow())
                        .refillGreedy(budget.requestsPerWindow(), budget.window())
                        .build())
                .build();
    }

    // built on first use: the Redis connection factory is started by then
    private ProxyManager<byte[]> manager() {
        ProxyManager<byte[]> current = manager;
        if (current == null) {
            synchronized (this) {
                current = manager;
                if (current == null) {
                    current = buckets.get();
                    manager = current;
                }
            }
        }
        return current;
    }

    private static TimeMeter timeMeter(Clock clock) {
        return new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return Math.multiplyExact(clock.millis(), 1_000_000L);
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }
}
