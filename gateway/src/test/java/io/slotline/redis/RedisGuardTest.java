package io.slotline.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RedisGuardTest {

    private final AtomicBoolean redisAnswers = new AtomicBoolean(true);
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final RedisGuard guard = new RedisGuard(
            new RedisProperties.Breaker(10, 3, 50, Duration.ofMillis(200), Duration.ofMillis(20)),
            redisAnswers::get,
            Clock.systemUTC());

    @AfterEach
    void close() {
        guard.close();
    }

    @Test
    void afterAFewFailuresRedisIsSkippedWithoutTryingIt() {
        AtomicInteger tried = new AtomicInteger();
        redisAnswers.set(false);
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> guard.call(() -> {
                        tried.incrementAndGet();
                        throw new IllegalStateException("connection refused");
                    }))
                    .isInstanceOf(RedisUnavailableException.class)
                    .hasMessageContaining("connection refused");
        }

        assertThat(guard.available()).isFalse();
        assertThat(guard.unavailableSince()).isNotNull();
        assertThatThrownBy(() -> guard.call(tried::incrementAndGet)).isInstanceOf(RedisUnavailableException.class);
        assertThat(tried).hasValue(3);
    }

    @Test
    void whenRedisAnswersAgainTheListenersCatchUpBeforeItIsUsedAndTheRestAfter() {
        guard.onLost(() -> events.add("lost"));
        guard.beforeBack(() -> events.add("before:" + guard.available()));
        guard.afterBack(() -> events.add("after:" + guard.available()));
        redisAnswers.set(false);
        guard.markLost("connection dropped");
        assertThat(guard.available()).isFalse();
        assertThat(guard.lastProblem()).isEqualTo("connection dropped");

        redisAnswers.set(true);

        await().atMost(Duration.ofSeconds(5)).until(guard::available);
        await().atMost(Duration.ofSeconds(5)).until(() -> events.size() == 3);
        assertThat(events).containsExactly("lost", "before:false", "after:true");
        assertThat(guard.call(() -> "used")).isEqualTo("used");
    }

    @Test
    void aListenerThatCannotCatchUpKeepsRedisUnusedAndIsRetried() {
        AtomicInteger attempts = new AtomicInteger();
        guard.beforeBack(() -> {
            if (attempts.incrementAndGet() < 3) {
                throw new IllegalStateException("subscription refused");
            }
        });

        guard.markLost("connection dropped");

        await().atMost(Duration.ofSeconds(5)).until(guard::available);
        assertThat(attempts).hasValue(3);
    }

    @Test
    void slowCommandsCountAsFailures() {
        redisAnswers.set(false);
        for (int i = 0; i < 3; i++) {
            guard.call(() -> {
                sleep(Duration.ofMillis(250));
                return "late";
            });
        }

        assertThat(guard.available()).isFalse();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
