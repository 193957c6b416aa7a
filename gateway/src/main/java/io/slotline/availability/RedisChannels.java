package io.slotline.availability;

import io.slotline.availability.SharedDays.RemoteChange;
import io.slotline.availability.SharedDays.RemoteInvalidation;
import io.slotline.redis.RedisGuard;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.PatternTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

/**
 * The pub/sub of {@link RedisDays}: one pattern subscription for the outcomes of fetches ({@code done:*}) and one
 * for the invalidation channel, always active, so a waiter that registers before re-reading the entries can't miss
 * the owner's publish. Messages are handled in order on one thread, off Lettuce's event loop; an instance ignores
 * its own invalidations.
 */
final class RedisChannels implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisChannels.class);
    /** Wakes the waiters for another instance when Redis went away: they load by themselves. Never published. */
    static final String LOST = "lost";

    private final StringRedisTemplate redis;
    private final RedisGuard guard;
    private final RedisKeys keys;
    private final RedisConnectionFactory connections;
    private final String instanceId = UUID.randomUUID().toString();
    private final ConcurrentMap<String, Set<CompletableFuture<String>>> waiters = new ConcurrentHashMap<>();
    private final ExecutorService dispatch;
    private volatile @Nullable RedisMessageListenerContainer container;
    private volatile RemoteInvalidation remote = (company, from, to) -> {};
    private volatile RemoteChange remoteChange = change -> {};

    RedisChannels(RedisConnectionFactory connections, StringRedisTemplate redis, RedisGuard guard, RedisKeys keys) {
        this.connections = connections;
        this.redis = redis;
        this.guard = guard;
        this.keys = keys;
        // one thread keeps messages in order and off Lettuce's event loop
        this.dispatch = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "availability-redis-messages");
            thread.setDaemon(true);
            return thread;
        });
    }

    void onRemoteInvalidation(RemoteInvalidation listener) {
        this.remote = listener;
    }

    void onRemoteChange(RemoteChange listener) {
        this.remoteChange = listener;
    }

    /**
     * Subscribes anew (the old subscription may be broken, or still reconnecting); returns once Redis confirmed the
     * subscriptions: from then on no message is missed.
     */
    void subscribe() {
        unsubscribeQuietly(container);
        container = null;
        RedisMessageListenerContainer fresh = new RedisMessageListenerContainer();
        fresh.setConnectionFactory(connections);
        fresh.setTaskExecutor(dispatch);
        fresh.addMessageListener(
                new Listener(), List.of(new PatternTopic(keys.donePattern()), new ChannelTopic(keys.invalidations())));
        fresh.afterPropertiesSet();
        try {
            fresh.start();
            container = fresh;
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

    // ---- publishing

    /** A plain command: the caller runs it under the guard, with the write it announces. */
    void publishInvalidation(long companyId, LocalDate from, LocalDate to) {
        redis.convertAndSend(
                keys.invalidations(),
                RedisMessages.write(RedisMessages.Invalidation.days(instanceId, companyId, from, to)));
    }

    /** A plain command: the caller runs it under the guard, with the write it announces. */
    void publishChange(BusyChange change) {
        redis.convertAndSend(
                keys.invalidations(), RedisMessages.write(RedisMessages.Invalidation.change(instanceId, change)));
    }

    /** A plain command: the caller runs it under the guard, with the write it announces. */
    void publish(String channel, String message) {
        redis.convertAndSend(channel, message);
    }

    /** Through the guard; a failure only costs the waiters their wait (they take the lock over). */
    void publishQuietly(String channel, String message) {
        try {
            guard.call(() -> redis.convertAndSend(channel, message));
        } catch (DataAccessException e) {
            log.debug("Could not publish {} on {}: {}", message, channel, e.getMessage());
        }
    }

    // ---- waiting for another instance

    /** Register before re-reading what the owner may have written: its publish can't be missed in between. */
    CompletableFuture<String> register(String channel) {
        CompletableFuture<String> signal = new CompletableFuture<>();
        waiters.compute(channel, (name, set) -> {
            Set<CompletableFuture<String>> waiting = set != null ? set : ConcurrentHashMap.newKeySet();
            waiting.add(signal);
            return waiting;
        });
        return signal;
    }

    void unregister(String channel, CompletableFuture<String> signal) {
        waiters.computeIfPresent(channel, (name, set) -> {
            set.remove(signal);
            return set.isEmpty() ? null : set;
        });
    }

    /** Redis went away: every waiter stops waiting ({@link #LOST}). */
    void stopWaiting() {
        waiters.values().forEach(waiting -> waiting.forEach(signal -> signal.complete(LOST)));
    }

    /** Callers waiting for another instance right now (diagnostics and tests). */
    int waiting() {
        return waiters.values().stream().mapToInt(Set::size).sum();
    }

    // ---- receiving

    private final class Listener implements MessageListener {
        @Override
        public void onMessage(Message message, byte @Nullable [] pattern) {
            String channel = new String(message.getChannel(), StandardCharsets.UTF_8);
            String body = new String(message.getBody(), StandardCharsets.UTF_8);
            if (channel.equals(keys.invalidations())) {
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

    @Override
    public void close() {
        unsubscribeQuietly(container);
        dispatch.shutdownNow();
    }
}
