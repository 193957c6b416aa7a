package io.slotline.availability;

import com.github.benmanes.caffeine.cache.AsyncCache;
import io.slotline.availability.SlotRequest.Priority;
import io.slotline.calcom.CalcomCallContext;
import io.slotline.calcom.CalcomException;
import io.slotline.calcom.UpstreamCounter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 *
 * <p>This class answers callers and runs loads; the days and epochs live in {@link DayMemory}, applying a change to
 * them in {@link DayChanges}, refresh-ahead and re-warming in {@link RefreshAhead}.
 */
public final class CachedAvailability implements AvailabilityService, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CachedAvailability.class);
    private static final int MAX_INVALIDATION_DAYS = 400;

    /** A background load refused because only the live reserve of the budget is left: a live caller may retry. */
    static final class DroppedBackgroundLoad extends RuntimeException {
        DroppedBackgroundLoad(CalcomException cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    private final AvailabilityProperties properties;
    private final SharedDays shared;
    private final AvailabilityMetrics metrics;
    private final Clock clock;
    private final DayMemory memory;
    private final DayChanges changes;
    private final RefreshAhead refreshAhead;
    private final Object[] stripes = new Object[64];
    private final ThreadPoolExecutor loads;

    CachedAvailability(AvailabilityProperties properties, SharedDays shared, AvailabilityMetrics metrics, Clock clock) {
        this(properties, shared, metrics, EventTypeShapes.NONE, clock);
    }

    CachedAvailability(
            AvailabilityProperties properties,
            SharedDays shared,
            AvailabilityMetrics metrics,
            EventTypeShapes shapes,
            Clock clock) {
        this.properties = properties;
        this.shared = shared;
        this.metrics = metrics;
        this.clock = clock;
        this.memory = new DayMemory(properties, metrics, clock);
        this.changes = new DayChanges(memory, new BusyTimes(shapes));
        this.refreshAhead = new RefreshAhead(properties, memory, shared, metrics, clock);
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new Object();
        }
        this.loads = AsyncSupport.executor("availability-load", properties.loadThreads(), 1_000);
        shared.onRemoteInvalidation(memory::drop);
        shared.onRemoteChange(changes::apply);
        shared.onMissedChanges(memory::dropEverything);
    }

    // ---- answering

    @Override
    public Availability freeSlots(SlotRequest request) {
        refreshAhead.asked(request.calendar());
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
            log.debug(
                    "Caller waits for Cal.com: {} ({} days started here{})",
                    range,
                    startedHere.size(),
                    reloadingFocus
                            ? (Objects.requireNonNull(request.focus()).verify() // reloadingFocus: there is one
                                    ? ", verifying the asked time"
                                    : ", freed near the asked time")
                            : startedHere.isEmpty() ? ", joined a load" : "");
        }
        Map<DayKey, DayEntry> loaded = Map.of();
        Throwable failure = null;
        try {
            loaded = await(all, request.deadline());
        } catch (ExecutionException | CompletionException e) {
            failure = AsyncSupport.rootCause(e);
            if (failure instanceof DroppedBackgroundLoad && request.priority() == Priority.LIVE) {
                // we joined a prefetch that the budget turned away; a live caller may use the reserve
                failure = null;
                try {
                    loaded = await(getAll(range, keys, request, Priority.LIVE, startedHere, false), request.deadline());
                } catch (ExecutionException | CompletionException again) {
                    failure = AsyncSupport.rootCause(again);
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
        Map<DayKey, DayEntry> inMemory =
                allFinished(range.days().stream().map(range::key).toList());
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
            DayEntry entry = memory.finished(key);
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
        DayEntry entry = memory.finished(key);
        if (entry == null
                || !(focus.verify()
                        || (!entry.offers(focus.start()) && changes.mayHaveFreed(key, entry, focus.start())))) {
            return false;
        }
        memory.forget(key, entry);
        return true;
    }

    /**
     * Caffeine's getAll coalesces per key: two callers racing over the same cold range could each claim some of
     * its days and both ask Cal.com. Claiming under a (striped) lock per calendar makes one caller claim the
     * whole range; the lock covers only putting the futures in place, never the load.
     */
    private CompletableFuture<Map<DayKey, DayEntry>> getAll(
            DayRange range,
            List<DayKey> keys,
            SlotRequest request,
            Priority priority,
            Set<DayKey> startedHere,
            boolean fromCalcom) {
        // a day fetched to be sure must not come from the shared store, which may hold the same doubtful answer
        Duration acceptedAge = fromCalcom ? Duration.ZERO : properties.hardExpiry();
        synchronized (stripe(range)) {
            return memory.getAll(keys, (missing, executor) -> {
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

    private Availability answer(
            SlotRequest request,
            DayRange range,
            List<DayKey> keys,
            Map<DayKey, DayEntry> loaded,
            @Nullable Throwable failure,
            boolean fromMemory) {
        Instant now = clock.instant();
        Map<DayKey, DayEntry> entries = new HashMap<>(loaded);
        List<DayKey> unknown = new ArrayList<>();
        boolean fellBack = false;
        if (failure != null || entries.size() < keys.size()) {
            fellBack = true;
            for (DayKey key : keys) {
                if (!entries.containsKey(key)) {
                    DayEntry fallback = memory.finished(key);
                    if (fallback == null) {
                        fallback = memory.lastKnown(key);
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
                throw new CalendarUnavailableException(
                        "No availability known for " + range + " (" + unknown.size() + " days): "
                                + AsyncSupport.describe(failure),
                        failure);
            }
            log.debug("Serving last known availability for {}: {}", range, AsyncSupport.describe(failure));
        }

        // what Cal.com could not confirm in time is served as stale, whatever its age
        boolean stale = fellBack && failure != null;
        List<DayKey> toRefresh = new ArrayList<>();
        TreeMap<LocalDate, List<FreeSlot>> answer = new TreeMap<>();
        for (DayKey key : keys) {
            // every key has its entry by now: a day still unknown was thrown as unavailable above
            DayEntry entry = Objects.requireNonNull(entries.get(key));
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
            refreshAhead.refresh(range, toRefresh);
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
        LocalDate from =
                unknown.stream().map(DayKey::day).min(Comparator.naturalOrder()).orElseThrow();
        LocalDate to =
                unknown.stream().map(DayKey::day).max(Comparator.naturalOrder()).orElseThrow();
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

    private CompletableFuture<Map<DayKey, DayEntry>> load(
            DayRange request,
            Set<? extends DayKey> missing,
            Priority priority,
            Instant callerDeadline,
            Duration acceptedAge) {
        DayRange range = request.narrow(
                missing.stream().map(DayKey::day).min(Comparator.naturalOrder()).orElseThrow(),
                missing.stream().map(DayKey::day).max(Comparator.naturalOrder()).orElseThrow());
        long startEpoch = memory.epoch();
        CalcomCallContext context = priority == Priority.LIVE
                ? CalcomCallContext.live(callerDeadline)
                : CalcomCallContext.background(clock.instant().plus(properties.loadTimeout()));
        // the request whose thread started the load is the one that "made" the upstream call
        Supplier<Map<LocalDate, DayEntry>> task = UpstreamCounter.wrap(() -> shared.load(range, acceptedAge, context));
        try {
            return CompletableFuture.supplyAsync(task, loads).handle((fetched, error) -> {
                if (error != null) {
                    throw loadFailure(AsyncSupport.rootCause(error), priority);
                }
                return keep(range, fetched, missing, startEpoch);
            });
        } catch (RejectedExecutionException busy) {
            return CompletableFuture.failedFuture(new CalendarUnavailableException(
                    "too many availability loads in flight, not loading " + range, busy));
        }
    }

    private Map<DayKey, DayEntry> keep(
            DayRange range, Map<LocalDate, DayEntry> fetched, Set<? extends DayKey> missing, long startEpoch) {
        Map<DayKey, DayEntry> forWaiters = new HashMap<>();
        fetched.forEach((day, entry) -> {
            DayKey key = range.key(day);
            memory.rememberUnlessInvalidated(key, entry, startEpoch);
            if (missing.contains(key)) {
                forWaiters.put(key, entry);
            }
        });
        return forWaiters;
    }

    private static RuntimeException loadFailure(Throwable error, Priority priority) {
        if (priority == Priority.BACKGROUND
                && error instanceof CalcomException.RateLimited limited
                && limited.httpStatus() == 0) {
            return new DroppedBackgroundLoad(limited);
        }
        return error instanceof RuntimeException runtime ? runtime : new CompletionException(error);
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
        metrics.invalidation(source);
        // the shared store first: a load starting here meanwhile must not read a day from before the change
        shared.changed(change, DayChanges.nearFrom(change), DayChanges.nearTo(change));
        List<DayKey> dropped = changes.apply(change);
        metrics.availabilityChange(changes.canApply(change) && dropped.isEmpty());
        if (!dropped.isEmpty()) {
            refreshAhead.rewarm(dropped, this::freeSlots);
        }
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
        metrics.invalidation(source);
        List<DayKey> dropped = memory.drop(companyId, from, to);
        shared.invalidate(companyId, from, to, source);
        if (source != InvalidationSource.TTL) {
            refreshAhead.rewarm(dropped, this::freeSlots);
        }
    }

    @Override
    public void close() {
        loads.shutdownNow();
        refreshAhead.close();
        shared.close();
    }
}
