package io.slotline.sim.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotline.sim.config.RateLimitSettings;
import io.slotline.sim.config.RateLimitSettings.NamedLimit;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private static final Instant NOW = Instant.parse("2026-03-25T08:00:00Z");
    private final RateLimitSettings threePerMinute = new RateLimitSettings(true, 3, 60, 60, Map.of(), Map.of());
    private final RateLimiter limiter = new RateLimiter();

    @Test
    void countsDownWithinTheWindowThenBlocks() {
        RateLimiter.Decision first = limiter.acquire("key:a", 3, threePerMinute, NOW);
        limiter.acquire("key:a", 3, threePerMinute, NOW.plusSeconds(10));
        RateLimiter.Decision third = limiter.acquire("key:a", 3, threePerMinute, NOW.plusSeconds(20));
        RateLimiter.Decision fourth = limiter.acquire("key:a", 3, threePerMinute, NOW.plusSeconds(30));

        assertThat(first.headers())
                .containsExactly(
                        Map.entry("X-RateLimit-Limit-Default", "3"),
                        Map.entry("X-RateLimit-Remaining-Default", "2"),
                        Map.entry("X-RateLimit-Reset-Default", "60"));
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
        assertThat(limiter.acquire("ip:127.0.0.1", 3, threePerMinute, NOW).remaining())
                .isEqualTo(2);
    }

    @Test
    void disabledLimiterNeverBlocks() {
        RateLimitSettings off = threePerMinute.withEnabled(false);
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.acquire("key:a", 3, off, NOW).allowed()).isTrue();
        }
    }

    /** apps/api/v2/src/lib/throttler-guard.ts: a key's custom limits, each counted and named on its own. */
    @Test
    void aKeyWithCustomLimitsGetsHeadersNamedAfterThemAndIsRefusedOnlyWhenAllAreBlocked() {
        RateLimitSettings custom = new RateLimitSettings(
                true,
                120,
                60,
                60,
                Map.of(),
                Map.of("cal_big", List.of(new NamedLimit("short", 2, 1, 1), new NamedLimit("long", 3, 60, 60))));

        RateLimiter.Decision first = limiter.acquire("key:Bearer cal_big", "cal_big", custom, NOW);
        limiter.acquire("key:Bearer cal_big", "cal_big", custom, NOW);
        RateLimiter.Decision third = limiter.acquire("key:Bearer cal_big", "cal_big", custom, NOW);
        limiter.acquire("key:Bearer cal_big", "cal_big", custom, NOW);
        RateLimiter.Decision fifth = limiter.acquire("key:Bearer cal_big", "cal_big", custom, NOW);
        RateLimiter.Decision otherKey = limiter.acquire("key:Bearer cal_small", "cal_small", custom, NOW);

        assertThat(first.headers())
                .containsExactly(
                        Map.entry("X-RateLimit-Limit-Short", "2"),
                        Map.entry("X-RateLimit-Remaining-Short", "1"),
                        Map.entry("X-RateLimit-Reset-Short", "1"),
                        Map.entry("X-RateLimit-Limit-Long", "3"),
                        Map.entry("X-RateLimit-Remaining-Long", "2"),
                        Map.entry("X-RateLimit-Reset-Long", "60"));
        assertThat(third.allowed()).as("short is blocked, long still has room").isTrue();
        assertThat(third.headers())
                .containsEntry("X-RateLimit-Remaining-Short", "0")
                .containsEntry("X-RateLimit-Remaining-Long", "0");
        assertThat(fifth.allowed()).as("both blocked").isFalse();
        assertThat(otherKey.headers())
                .containsOnlyKeys(
                        "X-RateLimit-Limit-Default", "X-RateLimit-Remaining-Default", "X-RateLimit-Reset-Default");
    }
}
