package io.slotline.availability;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.PatternTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

import io.slotline.calcom.CalcomCallContext;
import io.slotline.calcom.CalcomException;
import io.slotline.calcom.CalcomException.Origin;
import io.slotline.calcom.CalcomException.Unavailable.Kind;
import io.slotline.redis.RedisGuard;
import io.slotline.redis.RedisUnavailableException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

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
 */
final class RedisDays implements SharedDays {

    private static final Logger log = LoggerFactory.getLogger(RedisDays.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String OK = "ok";
    /** The owner was refused by its own budget: waiters should try with their own priority. */
    private static final String RELEASED = "released";
    /** Wakes the waiters for another instance when Redis went away: they load by themselves. */
    private static final String LOST = "lost";
    private static final Duration WAKE_UP_SLACK = Duration.ofMillis(50);

    // KEYS: day1, gen1, day2, gen2, ...; ARGV: ttl millis, expected gen 1, entry 1, expected gen 2, entry 2, ...
    private static final RedisScript<Long> WRITE_IF_CURRENT = RedisScript.of("""
            local written = 0
            for i = 1, #KEYS, 2 do
              local n = (i + 1) / 2
              local current = redis.call('GET', KEYS[i + 1]) or '0'
              if current == ARGV[2 * n] then
                redis.call('SET', KEYS[i], ARGV[2 * n + 1], 'PX', ARGV[1])
                written = written + 1
              end
            end
            return written
            """, Long.class);

    private static final RedisScript<Long> RELEASE = RedisScript.of("""
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              return redis.call('DEL', KEYS[1])
            end
            return 0
            """, Long.class);

    // KEYS: gen keys; ARGV: ttl millis
    private static final RedisScript<Long> BUMP = RedisScript.of("""
            for i = 1, #KEYS do
              redis.call('INCR', KEYS[i])
              redis.call('PEXPIRE', KEYS[i], ARGV[1])
            end
            return #KEYS
            """, Long.class);

    private final StringRedisTemplate redis;
    private final RedisGuard guard;
    private final SlotsFetcher fetcher;
    private final Clock clock;
    private final String prefix;
    private final Duration lockTtl;
    private final Duration entryTtl;
    private final Duration loadTimeout;
    private final String instanceId = UUID.randomUUID().toString();
    private final String invalidationChannel;
    private final String epochKey;
    /** Invalidations (company -> days) that could not be published; published when Redis is back. */
    private final ConcurrentMap<Long, Span> unpublished = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Set<CompletableFuture<String>>> waiters = new ConcurrentHashMap<>();
    private final ExecutorService dispatch;
    private final RedisConnectionFactory connections;
    private volatile @Nullable RedisMessageListenerContainer container;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile RemoteInvalidation remote = (company, from, to) -> { };
    private volatile RemoteChange remoteChange = change -> { };
    private volatile Runnable missedChanges = () -> { };

    private record Span(LocalDate from, LocalDate to) {
        Span union(Span other) {
            return new Span(from.isBefore(other.from) ? from : other.from, to.isAfter(other.to) ? to : other.to);
        }
    }

    /** What Redis knows of a range: the entries that count, and the epoch they count in. */
    private record Known(Map<LocalDate, DayEntry> days, String epoch) {
    }

    RedisDays(RedisConnectionFactory connections, SlotsFetcher fetcher, AvailabilityProperties properties,
            RedisGuard guard, Clock clock) {
        this.redis = new StringRedisTemplate(connections);
        this.guard = guard;
        this.fetcher = fetcher;
        this.clock = clock;
        this.prefix = properties.redis().keyPrefix();
        this.lockTtl = properties.redis().lockTtl();
        this.entryTtl = properties.staleGrace();
        this.loadTimeout = properties.loadTimeout();
        this.invalidationChannel = prefix + ":invalidations";
        this.epochKey = prefix + ":epoch";
        // one thread keeps messages in order and off Lettuce's event loop
        this.dispatch = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "availability-redis-messages");
            thread.setDaemon(true);
            return thread;
        });
        this.connections = connections;
        guard.onLost(this::stopWaiting);
        guard.beforeBack(this::catchUp);
        guard.afterBack(this::publishUnpublished);
        try {
            this.container = subscribe();
        } catch (RuntimeException e) {
            // subscribed once Redis answers (catchUp); until then Redis is not used
            guard.markLost("Redis pub/sub not subscribed: " + e.getMessage());
        }
    }

    /** Returns once Redis confirmed the subscriptions: from then on no message is missed. */
    private RedisMessageListenerContainer subscribe() {
        RedisMessageListenerContainer fresh = new RedisMessageListenerContainer();
        fresh.setConnectionFactory(connections);
        fresh.setTaskExecutor(dispatch);
        fresh.addMessageListener(new Listener(),
                List.of(new PatternTopic(prefix + ":done:*"), new ChannelTopic(invalidationChannel)));
        fresh.afterPropertiesSet();
        try {
            fresh.start();
            return fresh;
        } catch (RuntimeException e) {
            unsubscribeQuietly(fresh);
            throw e;
        }
    }

    private static void unsubscribeQuietly(@Nullable RedisMessageListenerContainer subscription) {
        if (subscription == null) {
            return;
        }
        try {
            subscription.stop();
            subscription.destroy();
        } catch (Exception e) {
            log.debug("Closing a Redis subscription: {}", e.getMessage());
        }
    }

    // ---- loading

    @Override
    public Map<LocalDate, DayEntry> load(DayRange range, Duration maxAge, CalcomCallContext context) {
        Known known;
        try {
            known = read(range, maxAge);
        } catch (DataAccessException e) {
            return direct(range, context, e);
        }
        List<LocalDate> missing = range.days().stream().filter(day -> !known.days().containsKey(day)).toList();
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

    private Map<LocalDate, DayEntry> fetchOnce(DayRange range, Duration maxAge, CalcomCallContext context,
            String epoch) {
        String lock = lockKey(range, epoch);
        String channel = prefix + ":done:" + rangeId(range);
        int days = range.days().size();
        long giveUpAt = System.nanoTime() + loadTimeout.toNanos();
        while (true) {
            String token = UUID.randomUUID().toString();
            if (Boolean.TRUE.equals(guard.call(() -> redis.opsForValue().setIfAbsent(lock, token, lockTtl)))) {
                try {
                    Map<LocalDate, DayEntry> known = read(range, maxAge).days();
                    if (known.size() == days) {
                        // the previous owner finished between our read and our lock
                        publishQuietly(channel, OK);
                        return known;
                    }
                    return fetchAndStore(range, context, channel);
                } finally {
                    releaseQuietly(lock, token);
                }
            }
            CompletableFuture<String> signal = register(channel);
            try {
                Map<LocalDate, DayEntry> known = read(range, maxAge).days();
                if (known.size() == days) {
                    return known;
                }
                long left = giveUpAt - System.nanoTime();
                if (left <= 0) {
                    throw new CalcomException.Unavailable(origin(range), Kind.TIMEOUT,
                            "gave up waiting for another instance's request for " + range, null);
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
                if (outcome.equals(LOST)) {
                    throw new RedisUnavailableException("Redis went away while waiting for another instance", null);
                }
                Optional<RedisMessages.Failure> failure = RedisMessages.readFailure(outcome);
                if (failure.isPresent()) {
                    throw failure.get().toException(origin(range));
                }
                Map<LocalDate, DayEntry> after = read(range, maxAge).days();
                if (after.size() == days) {
                    return after;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CalcomException.Unavailable(origin(range), Kind.IO_ERROR, "interrupted", e);
            } catch (ExecutionException impossible) {
                throw new IllegalStateException(impossible);
            } finally {
                unregister(channel, signal);
            }
        }
    }

    private Map<LocalDate, DayEntry> fetchAndStore(DayRange range, CalcomCallContext context, String channel) {
        List<LocalDate> days = range.days();
        List<String> keys = new ArrayList<>(days.size() + 1);
        days.forEach(day -> keys.add(genKey(range.calendar().companyId(), day)));
        keys.add(epochKey);
        // read before asking Cal.com: an invalidation or a new epoch meanwhile makes this answer not count
        List<String> generations = guard.call(() -> redis.opsForValue().multiGet(keys));
        String epoch = generations != null && generations.get(days.size()) != null ? generations.get(days.size())
                : "0";
        Map<LocalDate, DayEntry> fetched;
        try {
            fetched = fetcher.fetch(range, context);
        } catch (CalcomException e) {
            boolean ownBudget = e instanceof CalcomException.RateLimited && e.httpStatus() == 0;
            publishQuietly(channel, ownBudget ? RELEASED : RedisMessages.write(RedisMessages.Failure.of(e)));
            throw e;
        }
        try {
            List<String> writeKeys = new ArrayList<>();
            List<String> args = new ArrayList<>();
            args.add(String.valueOf(entryTtl.toMillis()));
            for (int i = 0; i < days.size(); i++) {
                LocalDate day = days.get(i);
                String generation = generations != null && generations.get(i) != null ? generations.get(i) : "0";
                writeKeys.add(dayKey(range, day));
                writeKeys.add(genKey(range.calendar().companyId(), day));
                args.add(generation);
                args.add(encode(fetched.get(day), token(epoch, generation)));
            }
            guard.run(() -> {
                redis.execute(WRITE_IF_CURRENT, writeKeys, args.toArray());
                redis.convertAndSend(channel, OK);
            });
        } catch (DataAccessException e) {
            log.warn("Could not share availability for {} through Redis: {}", range, e.getMessage());
        }
        return fetched;
    }

    private Known read(DayRange range, Duration maxAge) {
        List<LocalDate> days = range.days();
        List<String> keys = new ArrayList<>(days.size() * 2 + 1);
        days.forEach(day -> keys.add(dayKey(range, day)));
        days.forEach(day -> keys.add(genKey(range.calendar().companyId(), day)));
        keys.add(epochKey);
        List<String> values = guard.call(() -> redis.opsForValue().multiGet(keys));
        Map<LocalDate, DayEntry> known = new LinkedHashMap<>();
        if (values == null) {
            return new Known(known, "0");
        }
        String epoch = values.get(days.size() * 2) != null ? values.get(days.size() * 2) : "0";
        Instant now = clock.instant();
        for (int i = 0; i < days.size(); i++) {
            String generation = values.get(days.size() + i) != null ? values.get(days.size() + i) : "0";
            DayEntry entry = decode(values.get(i), token(epoch, generation));
            if (entry != null && entry.youngerThan(maxAge, now)) {
                known.put(days.get(i), entry);
            }
        }
        return new Known(known, epoch);
    }

    /** What an entry must carry to count: the epoch it was fetched in and its day's generation then. */
    private static String token(String epoch, String generation) {
        return epoch + ":" + generation;
    }

    @Override
    public Map<LocalDate, DayEntry> peek(DayRange range, Duration maxAge) {
        try {
            return read(range, maxAge).days();
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
        bumpGenerations(companyId, from, to);
        redis.convertAndSend(invalidationChannel,
                RedisMessages.write(RedisMessages.Invalidation.days(instanceId, companyId, from, to)));
    }

    /** Published when Redis is back; meanwhile the other instances can't know, their memory may go stale. */
    private void keepForLater(long companyId, LocalDate from, LocalDate to, DataAccessException cause) {
        unpublished.merge(companyId, new Span(from, to), Span::union);
        log.warn("Could not share a change of company {} {}..{} through Redis ({}); other instances learn of it "
                + "when Redis is back", companyId, from, to, cause.getMessage());
    }

    @Override
    public void changed(BusyChange change, LocalDate from, LocalDate to) {
        try {
            guard.run(() -> {
                bumpGenerations(change.companyId(), from, to);
                redis.convertAndSend(invalidationChannel,
                        RedisMessages.write(RedisMessages.Invalidation.change(instanceId, change)));
            });
        } catch (DataAccessException e) {
            // too late to apply for the others when Redis is back: they will drop those days instead
            keepForLater(change.companyId(), from, to, e);
            return;
        }
        publishUnpublished();
    }

    /** Entries of these days written before now no longer count, on any instance. */
    private void bumpGenerations(long companyId, LocalDate from, LocalDate to) {
        List<String> generations = from.datesUntil(to.plusDays(1)).map(day -> genKey(companyId, day)).toList();
        redis.execute(BUMP, generations, String.valueOf(entryTtl.plusMinutes(1).toMillis()));
    }

    @Override
    public void onRemoteInvalidation(RemoteInvalidation listener) {
        this.remote = listener;
    }

    @Override
    public void onRemoteChange(RemoteChange listener) {
        this.remoteChange = listener;
    }

    @Override
    public void onMissedChanges(Runnable listener) {
        this.missedChanges = listener;
    }

    // ---- Redis away and back

    private void stopWaiting() {
        waiters.values().forEach(waiting -> waiting.forEach(signal -> signal.complete(LOST)));
    }

    /**
     * Redis answers again; nobody uses it until this returns (a failure keeps it unused and is retried). Order
     * matters: subscribed first, so that every invalidation from here on arrives; then old entries stop counting;
     * then this instance forgets what it may have missed.
     */
    private void catchUp() {
        if (closed.get()) {
            return;
        }
        // a new subscription: the old one may be broken, or still reconnecting
        unsubscribeQuietly(container);
        container = null;
        container = subscribe();
        redis.opsForValue().increment(epochKey);
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

    private final class Listener implements MessageListener {
        @Override
        public void onMessage(Message message, byte @Nullable [] pattern) {
            String channel = new String(message.getChannel(), StandardCharsets.UTF_8);
            String body = new String(message.getBody(), StandardCharsets.UTF_8);
            if (channel.equals(invalidationChannel)) {
                remoteInvalidation(body);
                return;
            }
            Set<CompletableFuture<String>> waiting = waiters.get(channel);
            if (waiting != null) {
                waiting.forEach(signal -> signal.complete(body));
            }
        }
    }

    private void remoteInvalidation(String body) {
        Optional<RedisMessages.Invalidation> message = RedisMessages.readInvalidation(body);
        if (message.isEmpty()) {
            log.warn("Ignoring unreadable invalidation message '{}'", body);
            return;
        }
        RedisMessages.Invalidation invalidation = message.get();
        if (invalidation.instance().equals(instanceId)) {
            return;
        }
        try {
            if (invalidation.change() != null) {
                remoteChange.changed(invalidation.change().of(invalidation.companyId()));
            } else if (invalidation.from() != null && invalidation.to() != null) {
                remote.invalidated(invalidation.companyId(), invalidation.from(), invalidation.to());
            }
        } catch (RuntimeException e) {
            log.warn("Ignoring invalidation message '{}': {}", body, e.getMessage());
        }
    }

    // ---- waiting for another instance

    private CompletableFuture<String> register(String channel) {
        CompletableFuture<String> signal = new CompletableFuture<>();
        waiters.compute(channel, (name, set) -> {
            Set<CompletableFuture<String>> waiting = set != null ? set : ConcurrentHashMap.newKeySet();
            waiting.add(signal);
            return waiting;
        });
        return signal;
    }

    private void unregister(String channel, CompletableFuture<String> signal) {
        waiters.computeIfPresent(channel, (name, set) -> {
            set.remove(signal);
            return set.isEmpty() ? null : set;
        });
    }

    /** Callers waiting for another instance right now (diagnostics and tests). */
    int waiting() {
        return waiters.values().stream().mapToInt(Set::size).sum();
    }

    private void publishQuietly(String channel, String message) {
        try {
            guard.call(() -> redis.convertAndSend(channel, message));
        } catch (DataAccessException e) {
            log.debug("Could not publish {} on {}: {}", message, channel, e.getMessage());
        }
    }

    private void releaseQuietly(String lock, String token) {
        try {
            guard.call(() -> redis.execute(RELEASE, List.of(lock), token));
        } catch (DataAccessException e) {
            log.debug("Could not release {} (it expires by itself): {}", lock, e.getMessage());
        }
    }

    // ---- shared failures

    private static Origin origin(DayRange range) {
        return Origin.of(range.calendar().account().name(), "slots");
    }

    // ---- keys and encoding

    private String key(long companyId, String rest) {
        return prefix + ":{c" + companyId + "}:" + rest;
    }

    private String dayKey(DayRange range, LocalDate day) {
        CalendarRef calendar = range.calendar();
        return key(calendar.companyId(), "day:" + calendar.key() + ":" + calendar.durationMinutes() + ":"
                + range.zone().getId() + ":" + day);
    }

    String lockKey(DayRange range, String epoch) {
        return key(range.calendar().companyId(), "lock:" + epoch + ":" + rangeId(range));
    }

    private String genKey(long companyId, LocalDate day) {
        return key(companyId, "gen:" + day);
    }

    private static String rangeId(DayRange range) {
        CalendarRef calendar = range.calendar();
        return calendar.key() + ":" + calendar.durationMinutes() + ":" + range.zone().getId() + ":" + range.from()
                + ":" + range.to();
    }

    private static String encode(DayEntry entry, String token) {
        ObjectNode node = JSON.createObjectNode();
        node.put("g", token);
        node.put("f", entry.fetchedAt().toEpochMilli());
        ArrayNode slots = node.putArray("s");
        for (FreeSlot slot : entry.slots()) {
            slots.addArray().add(slot.start().toEpochMilli()).add(slot.end().toEpochMilli());
        }
        return JSON.writeValueAsString(node);
    }

    private static @Nullable DayEntry decode(@Nullable String json, String currentToken) {
        if (json == null) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(json);
            if (!currentToken.equals(node.path("g").asString(""))) {
                return null;
            }
            List<FreeSlot> slots = new ArrayList<>();
            for (JsonNode slot : node.path("s")) {
                slots.add(new FreeSlot(Instant.ofEpochMilli(slot.get(0).asLong()),
                        Instant.ofEpochMilli(slot.get(1).asLong())));
            }
            return new DayEntry(slots, Instant.ofEpochMilli(node.path("f").asLong()));
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        unsubscribeQuietly(container);
        dispatch.shutdownNow();
    }
}
