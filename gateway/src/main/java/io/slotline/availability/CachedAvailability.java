package io.slotline.availability;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Ticker;

import io.slotline.availability.SlotRequest.Priority;
import io.slotline.calcom.CalcomCallContext;
import io.slotline.calcom.CalcomException;
import io.slotline.calcom.UpstreamCounter;
import io.slotline.observability.SlotlineMetrics;

/**
 * Availability from memory, asking Cal.com once (mode {@code cached}).
 *
 * <p><b>Cache.</b> One entry per (calendar, slot length, zone, local day) in a Caffeine {@link AsyncCache} that
 * holds futures: an entry is either a load in flight or a finished day. Younger than {@code fresh-for}: served as
 * is. Up to {@code hard-expiry}: served at once, marked stale, and refreshed in the background (one refresh per
 * range at a time, background priority). Older: gone from the cache; a caller waits for Cal.com.
 *
 * <p><b>Single-flight.</b> {@link AsyncCache#getAll} puts a future for every missing day before starting one
 * load for all of them (one Cal.com request for the contiguous range); concurrent callers find those futures and
 * wait on them, so they share the result and, at once, the failure (Caffeine removes a failed future). Each caller
 * waits only until its own {@link SlotRequest#deadline()}; a caller giving up never cancels the shared load, which
 * still fills the cache.
 *
 * <p><b>Degradation.</b> When the load fails or the deadline passes, each day falls back to the last known entry
 * younger than {@code stale-grace} (this instance's memory, then the shared store); with nothing known the caller
 * gets {@link CalendarUnavailableException}. An open breaker or a spent budget fails the load immediately, so that
 * answer takes no time.
 *
 * <p><b>Changes.</b> A booking we know of (ours, or a Cal.com webhook) is applied to the days in memory rather than
 * dropping them ({@link #apply}): the booked host's slots that it blocks go, from every event type (hosts are shared
 * between services), and a slot of any host goes only where no other host of that event type is free. A freed time
 * is recorded on the day: what the day offers is still free, so it is served, refreshed in the background, and a
 * caller asking for a time near the freed one that the day does not offer waits for Cal.com. When that cannot be
 * worked out (unknown host or event type shape, another host's calendar not in memory) the days are dropped, as
 * {@link #invalidateCompany} does. Other instances apply the same change to their memory; the shared store drops
 * those days. A load that started before a change or invalidation may still answer its own waiters but never
 * stores its result: a per-(company, day) epoch is checked atomically with every write.
 */
public final class CachedAvailability implements AvailabilityService, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CachedAvailability.class);
    private static final int MAX_INVALIDATION_DAYS = 400;

    private record CompanyDay(long companyId, LocalDate day) {
    }

    /** A background load refused because only the live reserve of the budget is left: a live caller may retry. */
    static final class DroppedBackgroundLoad extends RuntimeException {
        DroppedBackgroundLoad(CalcomException cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    private final AvailabilityProperties properties;
    private final SharedDays shared;
    private final SlotlineMetrics metrics;
    private final BusyTimes busyTimes;
    private final Clock clock;
    private final AsyncCache<DayKey, DayEntry> days;
    private final Cache<DayKey, DayEntry> lastKnown;
    private final Cache<CompanyDay, Long> invalidatedAt;
    private final AtomicLong epoch = new AtomicLong();
    /** The epoch of the last time every day was dropped: loads that started before never store. */
    private volatile long everythingDroppedAt;
    /** The calendars callers asked about (with their account), so dropped days can be fetched again at once. */
    private final Map<String, CalendarRef> askedCalendars = new ConcurrentHashMap<>();
    private final Set<DayKey> refreshing = ConcurrentHashMap.newKeySet();
    private final Object[] stripes = new Object[64];
    private final ThreadPoolExecutor loads;
    private final ThreadPoolExecutor refreshes;

    CachedAvailability(AvailabilityProperties properties, SharedDays shared, SlotlineMetrics metrics, Clock clock) {
        this(properties, shared, metrics, EventTypeShapes.NONE, clock);
    }

    CachedAvailability(AvailabilityProperties properties, SharedDays shared, SlotlineMetrics metrics,
            EventTypeShapes shapes, Clock clock) {
        this.properties = properties;
        this.shared = shared;
        this.metrics = metrics;
        this.busyTimes = new BusyTimes(shapes);
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
                        metrics.invalidation(SlotlineMetrics.InvalidationSource.TTL);
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
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new Object();
        }
        metrics.cacheEntries("availability_days", days, cache -> cache.synchronous().estimatedSize());
        metrics.cacheEntries("availability_last_known", lastKnown, Cache::estimatedSize);
        this.loads = executor("availability-load", properties.loadThreads(), 1_000);
        this.refreshes = executor("availability-refresh", properties.refreshThreads(), 64);
        shared.onRemoteInvalidation(this::dropLocally);
        shared.onRemoteChange(this::applyHere);
        shared.onMissedChanges(this::dropEverything);
    }

    // ---- answering

    @Override
    public Availability freeSlots(SlotRequest request) {
        if (properties.rewarmAfterInvalidation()) {
            askedCalendars.put(calendarId(request.calendar().key(), request.calendar().durationMinutes()),
                    request.calendar());
        }
        DayRange range = new DayRange(request.calendar(), request.zone(), request.from(), request.to());
        List<DayKey> keys = range.days().stream().map(range::key).toList();

        boolean reloadingFocus = request.focus() != null && forgetFocusDayIfUnsure(range, request.focus());
        Map<DayKey, DayEntry> inMemory = reloadingFocus ? null : allFinished(keys);
        if (inMemory != null) {
            return answer(request, range, keys, inMemory, null, true);
        }
        Set<DayKey> startedHere = ConcurrentHashMap.newKeySet();
        CompletableFuture<Map<DayKey, DayEntry>> all =
                getAll(range, keys, request, request.priority(), startedHere, reloadingFocus);
        boolean answeredAtOnce = all.isDone();
        if (!answeredAtOnce && startedHere.isEmpty() && request.priority() == Priority.LIVE) {
            metrics.coalesced();
        }
        if (!answeredAtOnce && request.priority() == Priority.LIVE && log.isDebugEnabled()) {
            log.debug("Caller waits for Cal.com: {} ({} days started here{})", range, startedHere.size(),
                    reloadingFocus ? (request.focus().verify() ? ", verifying the asked time" : ", freed near the asked time")
                            : startedHere.isEmpty() ? ", joined a load" : "");
        }
        Map<DayKey, DayEntry> loaded = Map.of();
        Throwable failure = null;
        try {
            loaded = await(all, request.deadline());
        } catch (ExecutionException | CompletionException e) {
            failure = rootCause(e);
            if (failure instanceof DroppedBackgroundLoad && request.priority() == Priority.LIVE) {
                // we joined a prefetch that the budget turned away; a live caller may use the reserve
                failure = null;
                try {
                    loaded = await(getAll(range, keys, request, Priority.LIVE, startedHere, false),
                            request.deadline());
                } catch (ExecutionException | CompletionException again) {
                    failure = rootCause(again);
                } catch (TimeoutException again) {
                    failure = again;
                }
            }
        } catch (TimeoutException e) {
            failure = e;
        }
        return answer(request, range, keys, loaded, failure, answeredAtOnce && startedHere.isEmpty());
    }

    @Override
    public Optional<Availability> peek(SlotRequest request) {
        DayRange range = new DayRange(request.calendar(), request.zone(), request.from(), request.to());
        Map<DayKey, DayEntry> inMemory = allFinished(range.days().stream().map(range::key).toList());
        if (inMemory == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        TreeMap<LocalDate, List<FreeSlot>> days = new TreeMap<>();
        boolean stale = false;
        for (Map.Entry<DayKey, DayEntry> entry : inMemory.entrySet()) {
            days.put(entry.getKey().day(), entry.getValue().startingAfter(now));
            stale |= !entry.getValue().youngerThan(properties.freshFor(), now);
        }
        return Optional.of(new Availability(days, stale));
    }

    /** The hot path: every day finished in memory, no allocation of futures, no lock. */
    private @Nullable Map<DayKey, DayEntry> allFinished(List<DayKey> keys) {
        Map<DayKey, DayEntry> entries = new HashMap<>();
        for (DayKey key : keys) {
            DayEntry entry = finished(key);
            if (entry == null) {
                return null;
            }
            entries.put(key, entry);
        }
        return entries;
    }

    /**
     * Memory cannot vouch for the asked time when another call is confirming an overlapping one (verify), or when
     * a booking near it was freed and the time is not among the slots: that one day is dropped, to be fetched.
     */
    private boolean forgetFocusDayIfUnsure(DayRange range, SlotRequest.Focus focus) {
        DayKey key = range.key(LocalDate.ofInstant(focus.start(), range.zone()));
        DayEntry entry = finished(key);
        if (entry == null || !(focus.verify() || (!entry.offers(focus.start()) && busyTimes.mayHaveFreed(key, entry,
                focus.start())))) {
            return false;
        }
        days.asMap().computeIfPresent(key, (k, future) -> future.getNow(null) == entry ? null : future);
        return true;
    }

    /**
     * Caffeine's getAll coalesces per key: two callers racing over the same cold range could each claim some of
     * its days and both ask Cal.com. Claiming under a (striped) lock per calendar makes one caller claim the
     * whole range; the lock covers only putting the futures in place, never the load.
     */
    private CompletableFuture<Map<DayKey, DayEntry>> getAll(DayRange range, List<DayKey> keys, SlotRequest request,
            Priority priority, Set<DayKey> startedHere, boolean fromCalcom) {
        // a day fetched to be sure must not come from the shared store, which may hold the same doubtful answer
        Duration acceptedAge = fromCalcom ? Duration.ZERO : properties.hardExpiry();
        synchronized (stripe(range)) {
            return days.getAll(keys, (missing, executor) -> {
                startedHere.addAll(missing);
                return load(range, missing, priority, request.deadline(), acceptedAge);
            });
        }
    }

    private Object stripe(DayRange range) {
        CalendarRef calendar = range.calendar();
        int hash = Objects.hash(calendar.key(), calendar.durationMinutes(), range.zone());
        return stripes[Math.floorMod(hash, stripes.length)];
    }

    private Availability answer(SlotRequest request, DayRange range, List<DayKey> keys, Map<DayKey, DayEntry> loaded,
            @Nullable Throwable failure, boolean fromMemory) {
        Instant now = clock.instant();
        Map<DayKey, DayEntry> entries = new HashMap<>(loaded);
        List<DayKey> unknown = new ArrayList<>();
        boolean fellBack = false;
        if (failure != null || entries.size() < keys.size()) {
            fellBack = true;
            for (DayKey key : keys) {
                if (!entries.containsKey(key)) {
                    DayEntry fallback = finished(key);
                    if (fallback == null) {
                        fallback = lastKnown.getIfPresent(key);
                    }
                    if (fallback != null && fallback.youngerThan(properties.staleGrace(), now)) {
                        entries.put(key, fallback);
                    } else {
                        unknown.add(key);
                    }
                }
            }
            if (!unknown.isEmpty()) {
                fillFromShared(range, unknown, entries, now);
            }
            if (!unknown.isEmpty()) {
                countCache(request, "miss");
                throw new CalendarUnavailableException("No availability known for " + range + " (" + unknown.size()
                        + " days): " + describe(failure), failure);
            }
            log.debug("Serving last known availability for {}: {}", range, describe(failure));
        }

        // what Cal.com could not confirm in time is served as stale, whatever its age
        boolean stale = fellBack && failure != null;
        List<DayKey> toRefresh = new ArrayList<>();
        TreeMap<LocalDate, List<FreeSlot>> answer = new TreeMap<>();
        for (DayKey key : keys) {
            DayEntry entry = entries.get(key);
            if (!entry.youngerThan(properties.freshFor(), now)) {
                stale = true;
                if (failure == null && entry.youngerThan(properties.hardExpiry(), now)) {
                    toRefresh.add(key);
                }
            } else if (entry.mayHaveFreed() && failure == null && request.priority() == Priority.LIVE) {
                // what it offers is still free, so it is served; a caller asking about the day gets it refreshed
                toRefresh.add(key);
            }
            answer.put(key.day(), entry.startingAfter(now));
        }
        countCache(request, stale ? "stale" : fromMemory ? "hit" : "miss");
        if (!toRefresh.isEmpty()) {
            refresh(range, toRefresh);
        }
        return new Availability(answer, stale);
    }

    /** Callers only: a prefetch is a miss by design and would hide how often a caller waits. */
    private void countCache(SlotRequest request, String result) {
        if (request.priority() != Priority.LIVE) {
            return;
        }
        switch (result) {
            case "hit" -> metrics.cacheHit();
            case "stale" -> metrics.cacheStale();
            default -> metrics.cacheMiss();
        }
    }

    private void fillFromShared(DayRange range, List<DayKey> unknown, Map<DayKey, DayEntry> entries, Instant now) {
        LocalDate from = unknown.stream().map(DayKey::day).min(Comparator.naturalOrder()).orElseThrow();
        LocalDate to = unknown.stream().map(DayKey::day).max(Comparator.naturalOrder()).orElseThrow();
        Map<LocalDate, DayEntry> known = shared.peek(range.narrow(from, to), properties.staleGrace());
        unknown.removeIf(key -> {
            DayEntry entry = known.get(key.day());
            if (entry == null || !entry.youngerThan(properties.staleGrace(), now)) {
                return false;
            }
            entries.put(key, entry);
            return true;
        });
    }

    /** The finished entry the cache holds for {@code key}, if any (never waits for a load). */
    private @Nullable DayEntry finished(DayKey key) {
        CompletableFuture<DayEntry> future = days.getIfPresent(key);
        if (future == null || !future.isDone() || future.isCompletedExceptionally()) {
            return null;
        }
        return future.getNow(null);
    }

    private Map<DayKey, DayEntry> await(CompletableFuture<Map<DayKey, DayEntry>> all, Instant deadline)
            throws ExecutionException, TimeoutException {
        try {
            if (all.isDone()) {
                return all.get();
            }
            long nanos = Duration.between(clock.instant(), deadline).toNanos();
            if (nanos <= 0) {
                throw new TimeoutException("deadline passed");
            }
            // get with a timeout leaves the shared future alone: the load goes on for the others and the cache
            return all.get(nanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExecutionException("interrupted while waiting for Cal.com", e);
        }
    }

    // ---- loading

    private CompletableFuture<Map<DayKey, DayEntry>> load(DayRange request, Set<? extends DayKey> missing,
            Priority priority, Instant callerDeadline, Duration acceptedAge) {
        DayRange range = request.narrow(
                missing.stream().map(DayKey::day).min(Comparator.naturalOrder()).orElseThrow(),
                missing.stream().map(DayKey::day).max(Comparator.naturalOrder()).orElseThrow());
        long startEpoch = epoch.get();
        CalcomCallContext context = priority == Priority.LIVE
                ? CalcomCallContext.live(callerDeadline)
                : CalcomCallContext.background(clock.instant().plus(properties.loadTimeout()));
        // the request whose thread started the load is the one that "made" the upstream call
        Supplier<Map<LocalDate, DayEntry>> task =
                UpstreamCounter.wrap(() -> shared.load(range, acceptedAge, context));
        try {
            return CompletableFuture.supplyAsync(task, loads).handle((fetched, error) -> {
                if (error != null) {
                    throw loadFailure(rootCause(error), priority);
                }
                return keep(range, fetched, missing, startEpoch);
            });
        } catch (RejectedExecutionException busy) {
            return CompletableFuture.failedFuture(new CalendarUnavailableException(
                    "too many availability loads in flight, not loading " + range, busy));
        }
    }

    private Map<DayKey, DayEntry> keep(DayRange range, Map<LocalDate, DayEntry> fetched, Set<? extends DayKey> missing,
            long startEpoch) {
        Map<DayKey, DayEntry> forWaiters = new HashMap<>();
        fetched.forEach((day, entry) -> {
            DayKey key = range.key(day);
            rememberUnlessInvalidated(key, entry, startEpoch);
            if (missing.contains(key)) {
                forWaiters.put(key, entry);
            }
        });
        return forWaiters;
    }

    private static RuntimeException loadFailure(Throwable error, Priority priority) {
        if (priority == Priority.BACKGROUND && error instanceof CalcomException.RateLimited limited
                && limited.httpStatus() == 0) {
            return new DroppedBackgroundLoad(limited);
        }
        return error instanceof RuntimeException runtime ? runtime : new CompletionException(error);
    }

    // ---- refresh-ahead

    private void refresh(DayRange request, List<DayKey> stale) {
        List<DayKey> claimed = stale.stream().filter(refreshing::add).toList();
        if (claimed.isEmpty()) {
            return;
        }
        DayRange range = request.narrow(claimed.get(0).day(), claimed.get(claimed.size() - 1).day());
        long startEpoch = epoch.get();
        CalcomCallContext context = CalcomCallContext.background(clock.instant().plus(properties.loadTimeout()));
        try {
            CompletableFuture.supplyAsync(() -> shared.load(range, properties.freshFor(), context), refreshes)
                    .whenComplete((fetched, error) -> {
                        try {
                            if (fetched != null) {
                                fetched.forEach((day, entry) -> storeUnlessInvalidated(range.key(day), entry, startEpoch));
                            } else {
                                log.debug("Refresh of {} failed, keeping the stale entries: {}", range,
                                        describe(rootCause(error)));
                            }
                        } finally {
                            claimed.forEach(refreshing::remove);
                        }
                    });
            metrics.refresh();
        } catch (RejectedExecutionException busy) {
            claimed.forEach(refreshing::remove);
            log.debug("Refresh queue full, {} stays stale until the next request", range);
        }
    }

    private void storeUnlessInvalidated(DayKey key, DayEntry entry, long startEpoch) {
        days.asMap().compute(key, (k, current) ->
                invalidatedSince(k, startEpoch) ? current : CompletableFuture.completedFuture(entry));
        rememberUnlessInvalidated(key, entry, startEpoch);
    }

    private void rememberUnlessInvalidated(DayKey key, DayEntry entry, long startEpoch) {
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

    // ---- changes we know of

    /**
     * Applies a booking change to what is in memory instead of dropping it, so that the next caller is still
     * answered from memory. A booked time leaves the host's own calendars; it leaves a calendar of any host only
     * where no other host of that event type is free then (their calendars are in memory too: the warm-up fetches
     * them). A freed time marks the days: a caller asking for a time they do not offer gets Cal.com's answer. When
     * the host or the event types' buffers are unknown, or another host's calendar is not in memory, the affected
     * days are dropped as by {@link #invalidateCompany}. Loads in flight may predate the change and never store.
     * Other instances and the shared store drop the days.
     */
    @Override
    public void apply(BusyChange change, InvalidationSource source) {
        metrics.invalidation(SlotlineMetrics.InvalidationSource.valueOf(source.name()));
        // the shared store first: a load starting here meanwhile must not read a day from before the change
        shared.changed(change, nearFrom(change), nearTo(change));
        List<DayKey> dropped = applyHere(change);
        metrics.availabilityChange(busyTimes.canApply(change) && dropped.isEmpty());
        if (!dropped.isEmpty() && properties.rewarmAfterInvalidation()) {
            rewarm(dropped);
        }
    }

    /**
     * Buffers are shorter than a day and a company's branches are less than a day apart: the local days around the
     * change, in its zone, hold every cached day it can touch.
     */
    private static LocalDate nearFrom(BusyChange change) {
        return LocalDate.ofInstant(change.start(), change.zone()).minusDays(1);
    }

    private static LocalDate nearTo(BusyChange change) {
        return LocalDate.ofInstant(change.end(), change.zone()).plusDays(1);
    }

    /**
     * Applies the change to this instance's memory; returns the days it had to drop. One change at a time: a
     * change reads other hosts' days that the change before it may have patched.
     */
    private synchronized List<DayKey> applyHere(BusyChange change) {
        LocalDate nearFrom = nearFrom(change);
        LocalDate nearTo = nearTo(change);
        if (!busyTimes.canApply(change)) {
            return dropLocally(change.companyId(), nearFrom, nearTo);
        }
        long at = epoch.incrementAndGet();
        for (LocalDate day = nearFrom; !day.isAfter(nearTo); day = day.plusDays(1)) {
            invalidatedAt.put(new CompanyDay(change.companyId(), day), at);
        }
        Set<DayKey> near = new HashSet<>();
        days.asMap().keySet().stream().filter(key -> key.within(change.companyId(), nearFrom, nearTo))
                .forEach(near::add);
        lastKnown.asMap().keySet().stream().filter(key -> key.within(change.companyId(), nearFrom, nearTo))
                .forEach(near::add);
        Map<DayKey, DayEntry> before = new HashMap<>();
        near.forEach(key -> {
            DayEntry entry = finished(key);
            if (entry != null) {
                before.put(key, entry);
            }
        });
        // what the last known days say decides for a last known day whose other hosts left the cache
        Map<DayKey, DayEntry> lastKnownBefore = new HashMap<>(before);
        near.forEach(key -> {
            DayEntry entry = lastKnown.getIfPresent(key);
            if (entry != null) {
                lastKnownBefore.putIfAbsent(key, entry);
            }
        });
        List<DayKey> dropped = new ArrayList<>();
        for (DayKey key : near) {
            // an unfinished load may predate the change: abandoned, like a dropped day
            days.asMap().computeIfPresent(key, (k, future) -> {
                DayEntry entry = before.get(k);
                DayEntry patched = entry == null || future.getNow(null) != entry ? null
                        : busyTimes.after(change, k, entry, before);
                if (patched == null) {
                    dropped.add(k);
                    return null;
                }
                return patched == entry ? future : CompletableFuture.completedFuture(patched);
            });
            lastKnown.asMap().computeIfPresent(key, (k, entry) -> busyTimes.after(change, k, entry, lastKnownBefore));
        }
        return dropped;
    }

    // ---- invalidation

    @Override
    public void invalidate(CalendarRef calendar, LocalDate from, LocalDate to, InvalidationSource source) {
        invalidateCompany(calendar.companyId(), from, to, source);
    }

    @Override
    public void invalidateCompany(long companyId, LocalDate from, LocalDate to, InvalidationSource source) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to " + to + " is before from " + from);
        }
        if (from.plusDays(MAX_INVALIDATION_DAYS).isBefore(to)) {
            throw new IllegalArgumentException("invalidation of more than " + MAX_INVALIDATION_DAYS + " days");
        }
        metrics.invalidation(SlotlineMetrics.InvalidationSource.valueOf(source.name()));
        List<DayKey> dropped = dropLocally(companyId, from, to);
        shared.invalidate(companyId, from, to, source);
        if (source != InvalidationSource.TTL && properties.rewarmAfterInvalidation()) {
            rewarm(dropped);
        }
    }

    /**
     * A booking changed these days: the next caller of the company most likely asks about them again, so they are
     * fetched again in the background now (one request per calendar) instead of by that caller.
     */
    private void rewarm(List<DayKey> dropped) {
        Map<String, List<DayKey>> byCalendar = new TreeMap<>();
        for (DayKey key : dropped) {
            byCalendar.computeIfAbsent(calendarId(key.calendarKey(), key.durationMinutes()) + "|" + key.zone().getId(),
                    k -> new ArrayList<>()).add(key);
        }
        byCalendar.forEach((id, keys) -> {
            CalendarRef calendar = askedCalendars.get(id.substring(0, id.indexOf('|')));
            if (calendar == null) {
                return;
            }
            keys.sort(Comparator.comparing(DayKey::day));
            // through freeSlots, so that a live caller asking meanwhile joins this load instead of starting another
            SlotRequest request = new SlotRequest(calendar, keys.get(0).zone(), keys.get(0).day(),
                    keys.get(keys.size() - 1).day(), Priority.BACKGROUND,
                    clock.instant().plus(properties.loadTimeout()));
            try {
                refreshes.execute(() -> {
                    try {
                        freeSlots(request);
                    } catch (RuntimeException e) {
                        log.debug("Re-warming {} failed: {}", request, e.getMessage());
                    }
                });
            } catch (RejectedExecutionException busy) {
                log.debug("Refresh queue full, {} is fetched by its next caller", request);
            }
        });
    }

    private static String calendarId(String calendarKey, int durationMinutes) {
        return calendarKey + "/" + durationMinutes;
    }

    private List<DayKey> dropLocally(long companyId, LocalDate from, LocalDate to) {
        long at = epoch.incrementAndGet();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            invalidatedAt.put(new CompanyDay(companyId, day), at);
        }
        List<DayKey> dropped = days.asMap().keySet().stream().filter(key -> key.within(companyId, from, to)).toList();
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
    private void dropEverything() {
        everythingDroppedAt = epoch.incrementAndGet();
        int dropped = days.asMap().size();
        days.asMap().clear();
        log.warn("Dropped all {} days in memory: changes shared while Redis was away may not have reached this "
                + "instance", dropped);
    }

    // ---- plumbing

    private Expiry<DayKey, DayEntry> expiringAt(Duration lifetime) {
        return new Expiry<>() {
            @Override
            public long expireAfterCreate(DayKey key, DayEntry entry, long currentTime) {
                return remaining(entry);
            }

            @Override
            public long expireAfterUpdate(DayKey key, DayEntry entry, long currentTime, long currentDuration) {
                return remaining(entry);
            }

            @Override
            public long expireAfterRead(DayKey key, DayEntry entry, long currentTime, long currentDuration) {
                return currentDuration;
            }

            private long remaining(DayEntry entry) {
                return Math.max(0, lifetime.minus(entry.age(clock.instant())).toNanos());
            }
        };
    }

    private static ThreadPoolExecutor executor(String name, int threads, int queue) {
        AtomicInteger counter = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(runnable, name + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(queue), factory, new ThreadPoolExecutor.AbortPolicy());
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }

    private static Throwable rootCause(Throwable error) {
        Throwable current = error;
        while ((current instanceof ExecutionException || current instanceof CompletionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    private static String describe(@Nullable Throwable failure) {
        if (failure == null) {
            return "no failure";
        }
        if (failure instanceof TimeoutException) {
            return "no answer before the caller's deadline";
        }
        return failure.getMessage() != null ? failure.getMessage() : failure.getClass().getSimpleName();
    }

    @Override
    public void close() {
        loads.shutdownNow();
        refreshes.shutdownNow();
        shared.close();
    }
}
