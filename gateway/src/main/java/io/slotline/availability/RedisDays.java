package io.slotline.availability;

import io.slotline.calcom.CalcomCallContext;
import io.slotline.calcom.CalcomException;
import io.slotline.calcom.CalcomException.Origin;
import io.slotline.calcom.CalcomException.Unavailable.Kind;
import io.slotline.redis.RedisGuard;
import io.slotline.redis.RedisUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Store {@code redis}: day entries, fetches and invalidations shared by all instances.
 *
 * <p><b>Entries.</b> {@code <prefix>:{c<company>}:day:<calendar>:<minutes>:<zone>:<date>} holds the day as JSON
 * (slots, fetchedAt, generation), expiring after {@code stale-grace} so that any instance can still serve it when
 * Cal.com is down; freshness is decided by fetchedAt, never by the Redis TTL. The hash tag keeps a company's keys
 * in one slot, so the Lua scripts also work on a cluster.
 *
 * <p><b>Invalidation.</b> {@code <prefix>:{c<company>}:gen:<date>} is a generation per company and day, bumped by
 * an invalidation; an entry counts only while its generation is current. A fetch reads the generations before
 * asking Cal.com and writes each day only if its generation is unchanged (one Lua script), so a fetch that raced an
 * invalidation never brings old data back. The invalidation is then published on {@code <prefix>:invalidations};
 * every instance drops those days from its memory.
 *
 * <p><b>Single-flight across instances.</b> Efficiency only (a duplicate fetch is harmless; bookings are checked by
 * Cal.com): {@code SET lock token NX PX lock-ttl} per range, released by compare-and-delete. The owner fetches,
 * writes, and publishes the outcome ({@code ok} or the shared error) on {@code <prefix>:done:<range>}. Others
 * register for that channel <em>before</em> re-reading the entries, so a publish between the two can't be missed
 * (one pattern subscription per instance is always active), then wait for the message, at most until the lock
 * expires: if the owner died they take the lock over. No polling.
 *
 * <p><b>Redis away.</b> Every command goes through the {@link RedisGuard}: short timeouts, and once its breaker
 * is open Redis is skipped at once, so each instance loads from Cal.com directly and keeps its own memory;
 * waiters for another instance stop waiting. What could not be shared is settled when Redis answers again, before
 * it is used: the subscriptions are renewed, the <em>epoch</em> {@code <prefix>:epoch} is bumped (entries carry the
 * epoch they were fetched in, so everything written before, possibly changed meanwhile, no longer counts on any
 * instance; locks carry it too), and this instance drops its own days, because invalidations published while it was
 * not subscribed never reached it. Then the invalidations it could not publish are published. Redis trouble never
 * fails a caller.
 *
 * <p>This class runs the fetch locks and the epoch catch-up; the entries and generations are {@link RedisDayStore}'s,
 * the subscriptions, waiters and messages {@link RedisChannels}', the key names {@link RedisKeys}'.
 */
final class RedisDays implements SharedDays {

    private static final Logger log = LoggerFactory.getLogger(RedisDays.class);
    private static final String OK = "ok";
    /** The owner was refused by its own budget: waiters should try with their own priority. */
    private static final String RELEASED = "released";

    private static final Duration WAKE_UP_SLACK = Duration.ofMillis(50);

    private static final RedisScript<Long> RELEASE = RedisScript.of("""
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              return redis.call('DEL', KEYS[1])
            end
            return 0
            """, Long.class);

    private final StringRedisTemplate redis;
    private final RedisGuard guard;
    private final SlotsFetcher fetcher;
    private final RedisKeys keys;
    private final RedisDayStore store;
    private final RedisChannels channels;
    private final Duration lockTtl;
    private final Duration loadTimeout;
    /** Invalidations (company -> days) that could not be published; published when Redis is back. */
    private final ConcurrentMap<Long, Span> unpublished = new ConcurrentHashMap<>();

    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Runnable missedChanges = () -> {};

    private record Span(LocalDate from, LocalDate to) {
        Span union(Span other) {
            return new Span(from.isBefore(other.from) ? from : other.from, to.isAfter(other.to) ? to : other.to);
        }
    }

    RedisDays(
            RedisConnectionFactory connections,
            SlotsFetcher fetcher,
            AvailabilityProperties properties,
            RedisGuard guard,
            Clock clock) {
        this.redis = new StringRedisTemplate(connections);
        this.guard = guard;
        this.fetcher = fetcher;
        this.keys = new RedisKeys(properties.redis().keyPrefix());
        this.store = new RedisDayStore(redis, guard, keys, properties.staleGrace(), clock);
        this.channels = new RedisChannels(connections, redis, guard, keys);
        this.lockTtl = properties.redis().lockTtl();
        this.loadTimeout = properties.loadTimeout();
        guard.onLost(channels::stopWaiting);
        guard.beforeBack(this::catchUp);
        guard.afterBack(this::publishUnpublished);
        try {
            channels.subscribe();
        } catch (RuntimeException e) {
            // subscribed once Redis answers (catchUp); until then Redis is not used
            guard.markLost("Redis pub/sub not subscribed: " + e.getMessage());
        }
    }

    // ---- loading

    @Override
    public Map<LocalDate, DayEntry> load(DayRange range, Duration maxAge, CalcomCallContext context) {
        RedisDayStore.Known known;
        try {
            known = store.read(range, maxAge);
        } catch (DataAccessException e) {
            return direct(range, context, e);
        }
        List<LocalDate> missing = range.days().stream()
                .filter(day -> !known.days().containsKey(day))
                .toList();
        if (missing.isEmpty()) {
            return known.days();
        }
        DayRange toFetch = range.narrow(missing.get(0), missing.get(missing.size() - 1));
        Map<LocalDate, DayEntry> fetched;
        try {
            fetched = fetchOnce(toFetch, maxAge, context, known.epoch());
        } catch (DataAccessException e) {
            fetched = direct(toFetch, context, e);
        }
        Map<LocalDate, DayEntry> all = new LinkedHashMap<>(known.days());
        all.putAll(fetched);
        return all;
    }

    private Map<LocalDate, DayEntry> direct(DayRange range, CalcomCallContext context, DataAccessException cause) {
        // the guard logged the outage once; this happens on every load meanwhile
        log.debug("Without Redis ({}), asking Cal.com directly for {}", cause.getMessage(), range);
        return fetcher.fetch(range, context);
    }

    private Map<LocalDate, DayEntry> fetchOnce(
            DayRange range, Duration maxAge, CalcomCallContext context, String epoch) {
        String lock = keys.lock(range, epoch);
        String channel = keys.done(range);
        int days = range.days().size();
        long giveUpAt = System.nanoTime() + loadTimeout.toNanos();
        while (true) {
            String token = UUID.randomUUID().toString();
            if (Boolean.TRUE.equals(guard.call(() -> redis.opsForValue().setIfAbsent(lock, token, lockTtl)))) {
                try {
                    Map<LocalDate, DayEntry> known = store.read(range, maxAge).days();
                    if (known.size() == days) {
                        // the previous owner finished between our read and our lock
                        channels.publishQuietly(channel, OK);
                        return known;
                    }
                    return fetchAndStore(range, context, channel);
                } finally {
                    releaseQuietly(lock, token);
                }
            }
            CompletableFuture<String> signal = channels.register(channel);
            try {
                Map<LocalDate, DayEntry> known = store.read(range, maxAge).days();
                if (known.size() == days) {
                    return known;
                }
                long left = giveUpAt - System.nanoTime();
                if (left <= 0) {
                    throw new CalcomException.Unavailable(
                            origin(range),
                            Kind.TIMEOUT,
                            "gave up waiting for another instance's request for " + range,
                            null);
                }
                Long lockLeftMillis = guard.call(() -> redis.getExpire(lock, TimeUnit.MILLISECONDS));
                if (lockLeftMillis == null || lockLeftMillis == -2) {
                    continue;
                }
                long lockLeft = lockLeftMillis < 0 ? lockTtl.toNanos() : TimeUnit.MILLISECONDS.toNanos(lockLeftMillis);
                String outcome;
                try {
                    outcome = signal.get(Math.min(left, lockLeft + WAKE_UP_SLACK.toNanos()), TimeUnit.NANOSECONDS);
                } catch (TimeoutException ownerGoneOrSlow) {
                    continue;
                }
                if (outcome.equals(RedisChannels.LOST)) {
                    throw new RedisUnavailableException("Redis went away while waiting for another instance", null);
                }
                Optional<RedisMessages.Failure> failure = RedisMessages.readFailure(outcome);
                if (failure.isPresent()) {
                    throw failure.get().toException(origin(range));
                }
                Map<LocalDate, DayEntry> after = store.read(range, maxAge).days();
                if (after.size() == days) {
                    return after;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CalcomException.Unavailable(origin(range), Kind.IO_ERROR, "interrupted", e);
            } catch (ExecutionException impossible) {
                throw new IllegalStateException(impossible);
            } finally {
                channels.unregister(channel, signal);
            }
        }
    }

    private Map<LocalDate, DayEntry> fetchAndStore(DayRange range, CalcomCallContext context, String channel) {
        // read before asking Cal.com: an invalidation or a new epoch meanwhile makes this answer not count
        RedisDayStore.Generations generations = store.generations(range);
        Map<LocalDate, DayEntry> fetched;
        try {
            fetched = fetcher.fetch(range, context);
        } catch (CalcomException e) {
            boolean ownBudget = e instanceof CalcomException.RateLimited && e.httpStatus() == 0;
            channels.publishQuietly(channel, ownBudget ? RELEASED : RedisMessages.write(RedisMessages.Failure.of(e)));
            throw e;
        }
        try {
            guard.run(() -> {
                store.writeIfCurrent(range, fetched, generations);
                channels.publish(channel, OK);
            });
        } catch (DataAccessException e) {
            log.warn("Could not share availability for {} through Redis: {}", range, e.getMessage());
        }
        return fetched;
    }

    @Override
    public Map<LocalDate, DayEntry> peek(DayRange range, Duration maxAge) {
        try {
            return store.read(range, maxAge).days();
        } catch (DataAccessException e) {
            return Map.of();
        }
    }

    // ---- invalidation

    @Override
    public void invalidate(long companyId, LocalDate from, LocalDate to, InvalidationSource source) {
        try {
            guard.run(() -> invalidateShared(companyId, from, to));
        } catch (DataAccessException e) {
            keepForLater(companyId, from, to, e);
            return;
        }
        publishUnpublished();
    }

    private void invalidateShared(long companyId, LocalDate from, LocalDate to) {
        store.bumpGenerations(companyId, from, to);
        channels.publishInvalidation(companyId, from, to);
    }

    /** Published when Redis is back; meanwhile the other instances can't know, their memory may go stale. */
    private void keepForLater(long companyId, LocalDate from, LocalDate to, DataAccessException cause) {
        unpublished.merge(companyId, new Span(from, to), Span::union);
        log.warn(
                "Could not share a change of company {} {}..{} through Redis ({}); other instances learn of it "
                        + "when Redis is back",
                companyId,
                from,
                to,
                cause.getMessage());
    }

    @Override
    public void changed(BusyChange change, LocalDate from, LocalDate to) {
        try {
            guard.run(() -> {
                store.bumpGenerations(change.companyId(), from, to);
                channels.publishChange(change);
            });
        } catch (DataAccessException e) {
            // too late to apply for the others when Redis is back: they will drop those days instead
            keepForLater(change.companyId(), from, to, e);
            return;
        }
        publishUnpublished();
    }

    @Override
    public void onRemoteInvalidation(RemoteInvalidation listener) {
        channels.onRemoteInvalidation(listener);
    }

    @Override
    public void onRemoteChange(RemoteChange listener) {
        channels.onRemoteChange(listener);
    }

    @Override
    public void onMissedChanges(Runnable listener) {
        this.missedChanges = listener;
    }

    // ---- Redis away and back

    /**
     * Redis answers again; nobody uses it until this returns (a failure keeps it unused and is retried). Order
     * matters: subscribed first, so that every invalidation from here on arrives; then old entries stop counting;
     * then this instance forgets what it may have missed.
     */
    private void catchUp() {
        if (closed.get()) {
            return;
        }
        channels.subscribe();
        store.bumpEpoch();
        missedChanges.run();
    }

    /** After Redis is back, and after any publish that worked (a lone failure does not open the breaker). */
    private void publishUnpublished() {
        if (unpublished.isEmpty()) {
            return;
        }
        for (Long companyId : List.copyOf(unpublished.keySet())) {
            Span span = unpublished.remove(companyId);
            if (span == null) {
                continue;
            }
            try {
                guard.run(() -> invalidateShared(companyId, span.from(), span.to()));
            } catch (DataAccessException e) {
                keepForLater(companyId, span.from(), span.to(), e);
                return;
            }
        }
    }

    // ---- locks

    /** Callers waiting for another instance right now (diagnostics and tests). */
    int waiting() {
        return channels.waiting();
    }

    String lockKey(DayRange range, String epoch) {
        return keys.lock(range, epoch);
    }

    private void releaseQuietly(String lock, String token) {
        try {
            guard.call(() -> redis.execute(RELEASE, List.of(lock), token));
        } catch (DataAccessException e) {
            log.debug("Could not release {} (it expires by itself): {}", lock, e.getMessage());
        }
    }

    private static Origin origin(DayRange range) {
        return Origin.of(range.calendar().account().name(), "slots");
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        channels.close();
    }
}
