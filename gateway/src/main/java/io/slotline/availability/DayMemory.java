package io.slotline.availability;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This instance's memory of days, for {@link CachedAvailability}: the days being served (finished, or a load in
 * flight), the last known days (the fallback up to {@code stale-grace}), and the epochs that keep a load which
 * started before a change or invalidation from storing its result.
 *
 * <p>Every write of a loaded day checks the epoch atomically (inside {@code compute}) against the removal that
 * follows every epoch bump, so a day dropped meanwhile is never put back.
 */
final class DayMemory {

    private static final Logger log = LoggerFactory.getLogger(DayMemory.class);

    private record CompanyDay(long companyId, LocalDate day) {}

    private final Clock clock;
    private final AsyncCache<DayKey, DayEntry> days;
    private final Cache<DayKey, DayEntry> lastKnown;
    private final Cache<CompanyDay, Long> invalidatedAt;
    private final AtomicLong epoch = new AtomicLong();
    /** The epoch of the last time every day was dropped: loads that started before never store. */
    private volatile long everythingDroppedAt;

    DayMemory(AvailabilityProperties properties, AvailabilityMetrics metrics, Clock clock) {
        this.clock = clock;
        Ticker ticker = () -> TimeUnit.MILLISECONDS.toNanos(clock.millis());
        this.days = Caffeine.newBuilder()
                .ticker(ticker)
                .maximumSize(properties.maxDays())
                .expireAfter(expiringAt(properties.hardExpiry()))
                // maintenance and removal notifications are cheap; running them inline keeps the TTL count exact
                .executor(Runnable::run)
                .<DayKey, DayEntry>removalListener((key, entry, cause) -> {
                    if (cause == RemovalCause.EXPIRED) {
                        metrics.invalidation(InvalidationSource.TTL);
                    }
                })
                .buildAsync();
        this.lastKnown = Caffeine.newBuilder()
                .ticker(ticker)
                .maximumSize(properties.maxDays())
                .expireAfter(expiringAt(properties.staleGrace()))
                .build();
        // only loads running at the time of an invalidation need to see it; they end within the load timeout
        this.invalidatedAt = Caffeine.newBuilder()
                .ticker(ticker)
                .expireAfterWrite(properties.loadTimeout().multipliedBy(6))
                .build();
        metrics.cacheEntries(
                "availability_days", days, cache -> cache.synchronous().estimatedSize());
        metrics.cacheEntries("availability_last_known", lastKnown, Cache::estimatedSize);
    }

    /**
     * An entry lives {@code lifetime} from when its day was fetched (not from when it entered this cache: a day
     * from the shared store may be old already); reading it changes nothing.
     */
    private Expiry<DayKey, DayEntry> expiringAt(Duration lifetime) {
        return Expiry.writing((key, entry) -> {
            Duration remaining = lifetime.minus(entry.age(clock.instant()));
            return remaining.isNegative() ? Duration.ZERO : remaining;
        });
    }

    // ---- reading

    /** The finished entry the cache holds for {@code key}, if any (never waits for a load). */
    @Nullable DayEntry finished(DayKey key) {
        CompletableFuture<DayEntry> future = days.getIfPresent(key);
        if (future == null || !future.isDone() || future.isCompletedExceptionally()) {
            return null;
        }
        return future.getNow(null);
    }

    @Nullable DayEntry lastKnown(DayKey key) {
        return lastKnown.getIfPresent(key);
    }

    /** See {@link AsyncCache#getAll}: one future per missing day, one load for all of them. */
    CompletableFuture<Map<DayKey, DayEntry>> getAll(
            List<DayKey> keys,
            BiFunction<
                            Set<? extends DayKey>,
                            Executor,
                            CompletableFuture<? extends Map<? extends DayKey, ? extends DayEntry>>>
                    load) {
        return days.getAll(keys, load);
    }

    /** Drops the day if the cache still holds {@code entry} for it (not a newer one, nor a load in flight). */
    void forget(DayKey key, DayEntry entry) {
        days.asMap().computeIfPresent(key, (k, future) -> future.getNow(null) == entry ? null : future);
    }

    // ---- writing what a load or refresh fetched

    long epoch() {
        return epoch.get();
    }

    void storeUnlessInvalidated(DayKey key, DayEntry entry, long startEpoch) {
        days.asMap()
                .compute(
                        key,
                        (k, current) ->
                                invalidatedSince(k, startEpoch) ? current : CompletableFuture.completedFuture(entry));
        rememberUnlessInvalidated(key, entry, startEpoch);
    }

    void rememberUnlessInvalidated(DayKey key, DayEntry entry, long startEpoch) {
        // compute makes check and write atomic against the removal that follows every epoch bump
        lastKnown.asMap().compute(key, (k, current) -> invalidatedSince(k, startEpoch) ? current : entry);
    }

    private boolean invalidatedSince(DayKey key, long startEpoch) {
        if (everythingDroppedAt > startEpoch) {
            return true;
        }
        Long at = invalidatedAt.getIfPresent(new CompanyDay(key.companyId(), key.day()));
        return at != null && at > startEpoch;
    }

    // ---- changes and invalidations

    /** Loads running now started before a change to the company's days [from, to]: they must not store. */
    void markChanged(long companyId, LocalDate from, LocalDate to) {
        long at = epoch.incrementAndGet();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            invalidatedAt.put(new CompanyDay(companyId, day), at);
        }
    }

    /** The company's days [from, to] in memory, served or last known. */
    Set<DayKey> within(long companyId, LocalDate from, LocalDate to) {
        Set<DayKey> near = new HashSet<>();
        days.asMap().keySet().stream()
                .filter(key -> key.within(companyId, from, to))
                .forEach(near::add);
        lastKnown.asMap().keySet().stream()
                .filter(key -> key.within(companyId, from, to))
                .forEach(near::add);
        return near;
    }

    /**
     * Replaces the served day by what {@code patch} makes of its future (null drops it); a day not in memory stays
     * out.
     */
    void patchServed(
            DayKey key, BiFunction<DayKey, CompletableFuture<DayEntry>, @Nullable CompletableFuture<DayEntry>> patch) {
        days.asMap().computeIfPresent(key, patch);
    }

    void patchLastKnown(DayKey key, UnaryOperator<DayEntry> patch) {
        lastKnown.asMap().computeIfPresent(key, (k, entry) -> patch.apply(entry));
    }

    /** Drops the company's days [from, to] (loads in flight too); returns the served days it dropped. */
    List<DayKey> drop(long companyId, LocalDate from, LocalDate to) {
        markChanged(companyId, from, to);
        List<DayKey> dropped = days.asMap().keySet().stream()
                .filter(key -> key.within(companyId, from, to))
                .toList();
        // removing an in-flight future abandons it: Caffeine won't put its result back when it completes
        days.asMap().keySet().removeIf(key -> key.within(companyId, from, to));
        lastKnown.asMap().keySet().removeIf(key -> key.within(companyId, from, to));
        return dropped;
    }

    /**
     * This instance may have missed changes (Redis was away, so other instances' changes never arrived): every day
     * in memory is dropped, to be fetched again by the next caller (from Redis, where only entries fetched after the
     * outage count, or from Cal.com). The last known days stay: they are only served marked stale when Cal.com
     * can't answer.
     */
    void dropEverything() {
        everythingDroppedAt = epoch.incrementAndGet();
        int dropped = days.asMap().size();
        days.asMap().clear();
        log.warn(
                "Dropped all {} days in memory: changes shared while Redis was away may not have reached this "
                        + "instance",
                dropped);
    }
}
