package io.slotline.sim.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.slotline.sim.config.RateLimitSettings;

class RateLimiterTest {

    private static final Instant NOW = Instant.parse("2026-03-25T08:00:00Z");
    private final RateLimitSettings threePerMinute = new RateLimitSettings(true, 3, 60, 60, Map.of());
    private final RateLimiter limiter = new RateLimiter();

    @Test
    void countsDownWithinTheWindowThenBlocks() {
        RateLimiter.Decision first = limiter.acquire("key:a", 3, threePerMinute, NOW);
        limiter.acquire("key:a", 3, threePerMinute, NOW.plusSeconds(10));
        RateLimiter.Decision third = limiter.acquire("key:a", 3, threePerMinute, NOW.plusSeconds(20));
        RateLimiter.Decision fourth = limiter.acquire("key:a", 3, threePerMinute, NOW.plusSeconds(30));

        assertThat(first.headers()).containsExactly(Map.entry("X-RateLimit-Limit-Default", "3"),
                Map.entry("X-RateLimit-Remaining-Default", "2"), Map.entry("X-RateLimit-Reset-Default", "60"));
        assertThat(third.allowed()).isTrue();
        assertThat(third.remaining()).isZero();
        assertThat(third.resetSeconds()).isEqualTo(40);
        assertThat(fourth.allowed()).isFalse();
        assertThat(fourth.resetSeconds()).isEqualTo(60);
    }

    @Test
    void aBlockLastsItsBlockDurationThenANewWindowStarts() {
        for (int i = 0; i < 4; i++) {
            limiter.acquire("key:a", 3, threePerMinute, NOW);
        }

        RateLimiter.Decision stillBlocked = limiter.acquire("key:a", 3, threePerMinute, NOW.plusSeconds(59));
        RateLimiter.Decision fresh = limiter.acquire("key:a", 3, threePerMinute, NOW.plusSeconds(60));

        assertThat(stillBlocked.allowed()).isFalse();
        assertThat(stillBlocked.resetSeconds()).isEqualTo(1);
        assertThat(fresh.allowed()).isTrue();
        assertThat(fresh.remaining()).isEqualTo(2);
    }

    @Test
    void trackersHaveSeparateBudgets() {
        for (int i = 0; i < 4; i++) {
            limiter.acquire("key:a", 3, threePerMinute, NOW);
        }

        assertThat(limiter.acquire("key:b", 3, threePerMinute, NOW).allowed()).isTrue();
        assertThat(limiter.acquire("ip:127.0.0.1", 3, threePerMinute, NOW).remaining()).isEqualTo(2);
    }

    @Test
    void disabledLimiterNeverBlocks() {
        RateLimitSettings off = threePerMinute.withEnabled(false);
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.acquire("key:a", 3, off, NOW).allowed()).isTrue();
        }
    }
}
