package io.slotline.calcom;

import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Circuit breaker, request budget and retry settings per Cal.com account ({@code slotline.calcom.resilience.*}).
 * Defaults are tuned for a caller waiting on the phone: Resilience4j's own defaults (100 calls, 60 s slow-call
 * threshold, 60 s open) would never trip for a quiet tenant and then keep it dark for a minute.
 */
@ConfigurationProperties("slotline.calcom.resilience")
public record CalcomResilienceProperties(
        @DefaultValue Breaker breaker,
        @DefaultValue Budget budget,
        @DefaultValue Retry retry) {

    public CalcomResilienceProperties {
        Objects.requireNonNull(breaker, "breaker");
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(retry, "retry");
    }

    public static CalcomResilienceProperties defaults() {
        return new CalcomResilienceProperties(Breaker.defaults(), Budget.defaults(), Retry.defaults());
    }

    /**
     * @param slidingWindow time-based window the failure and slow-call rates are computed over (whole seconds)
     * @param minimumCalls calls in the window before the rates count at all
     * @param slowCallThreshold a successful read slower than this counts as slow (writes never do: a booking
     *        taking two seconds is normal for Cal.com)
     * @param openWait how long an open breaker refuses calls before letting {@code halfOpenCalls} probes through
     */
    public record Breaker(
            @DefaultValue("20s") Duration slidingWindow,
            @DefaultValue("5") int minimumCalls,
            @DefaultValue("50") float failureRatePercent,
            @DefaultValue("1500ms") Duration slowCallThreshold,
            @DefaultValue("80") float slowCallRatePercent,
            @DefaultValue("10s") Duration openWait,
            @DefaultValue("2") int halfOpenCalls) {

        public Breaker {
            if (slidingWindow.toSeconds() < 1) {
                throw new IllegalArgumentException("slotline.calcom.resilience.breaker.sliding-window must be >= 1s");
            }
            positive(minimumCalls, "breaker.minimum-calls");
            positive(halfOpenCalls, "breaker.half-open-calls");
            percent(failureRatePercent, "breaker.failure-rate-percent");
            percent(slowCallRatePercent, "breaker.slow-call-rate-percent");
            positive(slowCallThreshold, "breaker.slow-call-threshold");
            positive(openWait, "breaker.open-wait");
        }

        public static Breaker defaults() {
            return new Breaker(Duration.ofSeconds(20), 5, 50, Duration.ofMillis(1500), 80, Duration.ofSeconds(10), 2);
        }
    }

    /**
     * Client-side budget per account, below Cal.com's 120 requests per minute per API key so that other users of
     * the key (the business's own tools) and clock skew don't push us into a 429 block.
     *
     * @param requestsPerWindow most requests started in any {@code window} (a sliding window: also caps every
     *        fixed window Cal.com counts in)
     * @param backgroundReservePercent share of the budget only live calls may use: background work (prefetch,
     *                                 refresh, courtesy reservations and their releases) stops there, dropped
     * @param changeReservePercent     share of the budget only changes a caller waits for (booking, cancelling,
     *                                 rescheduling) may use: no read or background work can spend it
     * @param shared                   also count every instance's requests together, in Redis (for several
     *                                 instances behind a load balancer; needs {@code spring.data.redis.*})
     */
    public record Budget(
            @DefaultValue("100") int requestsPerWindow,
            @DefaultValue("60s") Duration window,
            @DefaultValue("30") int backgroundReservePercent,
            @DefaultValue("10") int changeReservePercent,
            @DefaultValue("false") boolean shared) {

        public Budget {
            positive(requestsPerWindow, "budget.requests-per-window");
            positive(window, "budget.window");
            if (backgroundReservePercent < 0 || backgroundReservePercent > 100) {
                throw new IllegalArgumentException(
                        "slotline.calcom.resilience.budget.background-reserve-percent must be 0..100");
            }
            if (changeReservePercent < 0 || changeReservePercent > backgroundReservePercent) {
                throw new IllegalArgumentException("slotline.calcom.resilience.budget.change-reserve-percent must be "
                        + "0..background-reserve-percent (changes come first, then live reads, then background)");
            }
        }

        public static Budget defaults() {
            return new Budget(100, Duration.ofSeconds(60), 30, 10, false);
        }

        /** Requests kept for live calls: background work stops when only this many are left. */
        int reserve() {
            return (int) Math.ceil(requestsPerWindow * backgroundReservePercent / 100.0);
        }

        /** Requests kept for changes: live reads stop when only this many are left. */
        int changeReserve() {
            return (int) Math.ceil(requestsPerWindow * changeReservePercent / 100.0);
        }

        /** Requests left in the window below which a request of this priority is refused. */
        int keptFrom(CalcomCallContext.Priority priority) {
            return switch (priority) {
                case CHANGE -> 0;
                case LIVE -> changeReserve();
                case BACKGROUND -> reserve();
            };
        }
    }

    /**
     * One retry of an idempotent read (slots, get/list bookings, event types) after Cal.com failed to answer,
     * for live calls only, and only if a second attempt as long as the first still ends before the caller's
     * deadline (or, for calls without one, within {@code windowWithoutDeadline} of the first attempt's start).
     */
    public record Retry(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("1500ms") Duration windowWithoutDeadline) {

        public Retry {
            positive(windowWithoutDeadline, "retry.window-without-deadline");
        }

        public static Retry defaults() {
            return new Retry(true, Duration.ofMillis(1500));
        }
    }

    private static void positive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException("slotline.calcom.resilience." + name + " must be positive: " + value);
        }
    }

    private static void positive(Duration value, String name) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("slotline.calcom.resilience." + name + " must be positive: " + value);
        }
    }

    private static void percent(float value, String name) {
        if (value <= 0 || value > 100) {
            throw new IllegalArgumentException("slotline.calcom.resilience." + name + " must be in (0, 100]: " + value);
        }
    }
}
