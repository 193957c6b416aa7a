package io.slotline.observability;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import java.time.Duration;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Histogram layout of Slotline's timers. The SLO buckets sit on the alert thresholds (250 ms is ours, 2 s the
 * old system's), so {@code histogram_quantile} is exact where it matters; the percentile histogram adds enough
 * buckets in between for P50/P95/P99 panels across instances.
 */
public final class SlotlineMeterFilters {

    /** A histogram with percentiles and the SLO buckets (functions' answers). */
    public static final String FUNCTION_DURATION = "slotline.function.duration";
    /** SLO buckets only (requests to Cal.com). */
    public static final String CALCOM_REQUESTS = "slotline.calcom.requests";

    /** The Cal.com circuit breakers' meters ({@code io.slotline.calcom.CircuitBreakerMetrics}), bounded below. */
    public static final String CIRCUIT_BREAKER_PREFIX = "slotline.calcom.circuitbreaker";

    public static final String CIRCUIT_BREAKER_TRANSITIONS = CIRCUIT_BREAKER_PREFIX + ".transitions";

    private SlotlineMeterFilters() {}

    /** Applied to every registry as a bean; tests that build their own registry add it before creating meters. */
    public static MeterFilter distributions() {
        return new MeterFilter() {
            @Override
            public @Nullable DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                return switch (id.getName()) {
                    case FUNCTION_DURATION -> functionDuration().merge(config);
                    case CALCOM_REQUESTS -> calcomRequests().merge(config);
                    default -> config;
                };
            }
        };
    }

    /**
     * Circuit-breaker meters stay bounded however many Cal.com accounts there are: every breaker keeps its state
     * (closed, open, half-open: what the breaker alert and dashboard read), the other per-breaker meters (calls,
     * buffered and slow calls, rates, refusals) exist for the first {@code maxAccounts} breakers only, like every
     * other per-tenant tag ({@code slotline.metrics.max-tenants}). Without it each account added about 45 series:
     * 45,000 at a thousand businesses, in every scrape.
     */
    public static MeterFilter boundedCircuitBreakers(int maxAccounts) {
        java.util.Set<String> detailed = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.Set<String> kept = java.util.Set.of("closed", "open", "half_open");
        return new MeterFilter() {
            @Override
            public io.micrometer.core.instrument.config.MeterFilterReply accept(Meter.Id id) {
                String meter = id.getName();
                if (!meter.startsWith(CIRCUIT_BREAKER_PREFIX + ".") || meter.equals(CIRCUIT_BREAKER_TRANSITIONS)) {
                    return io.micrometer.core.instrument.config.MeterFilterReply.NEUTRAL;
                }
                if (meter.equals(CIRCUIT_BREAKER_PREFIX + ".state")) {
                    return kept.contains(id.getTag("state"))
                            ? io.micrometer.core.instrument.config.MeterFilterReply.NEUTRAL
                            : io.micrometer.core.instrument.config.MeterFilterReply.DENY;
                }
                String name = id.getTag("name");
                if (name == null || detailed.contains(name)) {
                    return io.micrometer.core.instrument.config.MeterFilterReply.NEUTRAL;
                }
                synchronized (detailed) {
                    if (detailed.size() < maxAccounts) {
                        detailed.add(name);
                        return io.micrometer.core.instrument.config.MeterFilterReply.NEUTRAL;
                    }
                }
                return io.micrometer.core.instrument.config.MeterFilterReply.DENY;
            }
        };
    }

    private static DistributionStatisticConfig functionDuration() {
        return DistributionStatisticConfig.builder()
                .percentilesHistogram(true)
                .percentiles(0.5, 0.95, 0.99)
                .serviceLevelObjectives(nanos(50, 100, 250, 500, 1000, 2000))
                .minimumExpectedValue((double) Duration.ofMillis(5).toNanos())
                .maximumExpectedValue((double) Duration.ofSeconds(10).toNanos())
                .build();
    }

    // Only SLO buckets: one series per account x endpoint x status, so a full percentile histogram would be costly.
    private static DistributionStatisticConfig calcomRequests() {
        return DistributionStatisticConfig.builder()
                .serviceLevelObjectives(nanos(250, 500, 1000, 1500, 2500, 5000))
                .build();
    }

    private static double[] nanos(long... millis) {
        return Arrays.stream(millis)
                .mapToDouble(ms -> Duration.ofMillis(ms).toNanos())
                .toArray();
    }
}
