package io.slotline.redis;

import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Slotline uses Redis ({@code slotline.redis.*}); where it is comes from {@code spring.data.redis.*}, whose
 * {@code timeout} and {@code connect-timeout} Slotline sets short (see application.yml).
 *
 * @param enabled Redis is used and its state shown in readiness (as degraded when away, never DOWN)
 * @param prefix prefix of the shared Cal.com budget's keys
 * @param reconnectDelayMax longest pause between the client's reconnection attempts (Lettuce's default backs off to
 *        30 s, which would keep sharing off that long after Redis is back)
 * @param breaker when Redis is skipped
 */
@ConfigurationProperties("slotline.redis")
public record RedisProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("slotline") String prefix,
        @DefaultValue("1s") Duration reconnectDelayMax,
        @DefaultValue Breaker breaker) {

    public RedisProperties {
        Objects.requireNonNull(breaker, "breaker");
        positive(reconnectDelayMax, "reconnect-delay-max");
    }

    /**
     * @param window recent commands the failure rate is computed over
     * @param minimumCalls commands needed before the rate counts
     * @param failureRate percentage of failed (or slower than {@code slowCall}) commands that opens the breaker
     * @param slowCall a command slower than this counts as failed: a hanging Redis costs callers time
     * @param probeInterval while open, how often Redis is PINGed to see whether it is back
     */
    public record Breaker(
            @DefaultValue("10") int window,
            @DefaultValue("3") int minimumCalls,
            @DefaultValue("50") float failureRate,
            @DefaultValue("200ms") Duration slowCall,
            @DefaultValue("500ms") Duration probeInterval) {

        public Breaker {
            if (window <= 0 || minimumCalls <= 0 || failureRate <= 0 || failureRate > 100) {
                throw new IllegalArgumentException("slotline.redis.breaker: window and minimum-calls must be "
                        + "positive, failure-rate in (0, 100]");
            }
            positive(slowCall, "breaker.slow-call");
            positive(probeInterval, "breaker.probe-interval");
        }

        public static Breaker defaults() {
            return new Breaker(10, 3, 50, Duration.ofMillis(200), Duration.ofMillis(500));
        }
    }

    private static void positive(Duration value, String name) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("slotline.redis." + name + " must be positive: " + value);
        }
    }
}
