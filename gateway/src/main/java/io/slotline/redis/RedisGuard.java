package io.slotline.redis;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every use of Redis goes through here, so that Redis is an accelerator and never a dependency: a circuit breaker
 * (Resilience4j) opens after a few failed or slow commands, and from then on callers skip Redis at once (each
 * instance goes on with its own memory, its own budget and Cal.com) instead of waiting for timeouts.
 *
 * <p>The breaker does not half-open by itself: what an instance missed while Redis was away (other instances'
 * invalidations on pub/sub, its own it could not publish) must be settled before Redis is trusted again. While
 * open, a probe PINGs Redis every {@code probe-interval}; once it answers, the {@link #beforeBack} listeners run
 * (re-subscribe, drop what may have changed), then the breaker closes and the {@link #afterBack} listeners run
 * (publish what this instance could not). A failing listener keeps the breaker open; the next probe tries again.
 * {@link #markLost} opens it without a failed command (a connection dropped while idle: pub/sub messages may have
 * been missed).
 */
public final class RedisGuard implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisGuard.class);

    public enum State {
        /** Redis is used. */
        AVAILABLE,
        /** Redis is skipped; a probe checks every probe-interval whether it is back. */
        UNAVAILABLE
    }

    private final CircuitBreaker breaker;
    private final BooleanSupplier ping;
    private final Duration probeInterval;
    private final Clock clock;
    private final List<Runnable> lost = new CopyOnWriteArrayList<>();
    private final List<Runnable> beforeBack = new CopyOnWriteArrayList<>();
    private final List<Runnable> afterBack = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService probe;
    private final AtomicBoolean probing = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile @Nullable String problem;
    private volatile @Nullable Instant unavailableSince;

    /**
     * @param ping whether Redis answers now (a PING with the client's command timeout); false or an exception: not
     */
    public RedisGuard(RedisProperties.Breaker settings, BooleanSupplier ping, Clock clock) {
        this.ping = ping;
        this.probeInterval = settings.probeInterval();
        this.clock = clock;
        this.breaker = CircuitBreaker.of(
                "redis",
                CircuitBreakerConfig.custom()
                        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                        .slidingWindowSize(settings.window())
                        .minimumNumberOfCalls(settings.minimumCalls())
                        .failureRateThreshold(settings.failureRate())
                        .slowCallDurationThreshold(settings.slowCall())
                        .slowCallRateThreshold(settings.failureRate())
                        // only the probe closes it, after the listeners caught up
                        .waitDurationInOpenState(Duration.ofDays(1))
                        .automaticTransitionFromOpenToHalfOpenEnabled(false)
                        .recordException(failure -> {
                            problem = describe(failure);
                            return true;
                        })
                        .build());
        this.probe = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "redis-probe");
            thread.setDaemon(true);
            return thread;
        });
        breaker.getEventPublisher().onStateTransition(event -> {
            if (event.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
                wentAway();
            }
        });
    }

    /**
     * Runs a Redis command unless Redis is known to be away.
     *
     * @throws RedisUnavailableException at once while the breaker is open, or when the command failed
     */
    public <T> T call(Supplier<T> command) {
        try {
            return breaker.executeSupplier(command);
        } catch (CallNotPermittedException open) {
            throw new RedisUnavailableException("Redis skipped since " + unavailableSince + ": " + problem, open);
        } catch (RedisUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new RedisUnavailableException("Redis failed: " + describe(e), e);
        }
    }

    public void run(Runnable command) {
        call(() -> {
            command.run();
            return null;
        });
    }

    public boolean available() {
        return state() == State.AVAILABLE;
    }

    public State state() {
        CircuitBreaker.State state = breaker.getState();
        return state == CircuitBreaker.State.CLOSED || state == CircuitBreaker.State.HALF_OPEN
                ? State.AVAILABLE
                : State.UNAVAILABLE;
    }

    /** Since when Redis is skipped (null while available). */
    public @Nullable Instant unavailableSince() {
        return available() ? null : unavailableSince;
    }

    /** The last failure seen (kept after recovery, for diagnostics). */
    public @Nullable String lastProblem() {
        return problem;
    }

    /** Failure rate of the recent commands, -1 until enough were made. */
    public float failureRate() {
        return breaker.getMetrics().getFailureRate();
    }

    /** Redis can't be trusted from now on although no command failed (e.g. a connection dropped). */
    public void markLost(String reason) {
        if (closed.get()) {
            return;
        }
        problem = reason;
        if (breaker.getState() != CircuitBreaker.State.OPEN) {
            breaker.transitionToOpenState();
        } else {
            startProbing();
        }
    }

    /** Runs on the thread that noticed (keep it short): Redis is skipped from now on. */
    public void onLost(Runnable listener) {
        lost.add(listener);
    }

    /** Runs on the probe thread when Redis answers again, before anyone else uses it; may use Redis directly. */
    public void beforeBack(Runnable listener) {
        beforeBack.add(listener);
    }

    /** Runs on the probe thread right after Redis is used again. */
    public void afterBack(Runnable listener) {
        afterBack.add(listener);
    }

    private void wentAway() {
        if (closed.get()) {
            return;
        }
        unavailableSince = clock.instant();
        log.warn(
                "Redis unavailable ({}): going on without it (own memory, own budget, Cal.com); probing every {}",
                problem,
                probeInterval);
        for (Runnable listener : lost) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                log.warn("A listener failed when Redis went away: {}", e.toString());
            }
        }
        startProbing();
    }

    private void startProbing() {
        if (closed.get() || !probing.compareAndSet(false, true)) {
            return;
        }
        try {
            probe.schedule(this::probeOnce, probeInterval.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException shuttingDown) {
            probing.set(false);
        }
    }

    private void probeOnce() {
        probing.set(false);
        if (closed.get() || breaker.getState() != CircuitBreaker.State.OPEN) {
            return;
        }
        try {
            if (!ping.getAsBoolean()) {
                startProbing();
                return;
            }
            beforeBack.forEach(Runnable::run);
        } catch (RuntimeException stillAway) {
            problem = describe(stillAway);
            log.debug("Redis still unavailable: {}", problem);
            startProbing();
            return;
        }
        breaker.transitionToClosedState();
        log.warn(
                "Redis is back after {}; sharing resumes",
                unavailableSince == null ? "an outage" : Duration.between(unavailableSince, clock.instant()));
        for (Runnable listener : afterBack) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                log.warn("A listener failed after Redis came back: {}", e.toString());
            }
        }
    }

    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message =
                root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
        return root == failure ? message : failure.getClass().getSimpleName() + ": " + message;
    }

    @Override
    public void close() {
        closed.set(true);
        probe.shutdownNow();
    }
}
