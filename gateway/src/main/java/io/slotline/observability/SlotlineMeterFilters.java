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

    private SlotlineMeterFilters() {
    }

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
        return Arrays.stream(millis).mapToDouble(ms -> Duration.ofMillis(ms).toNanos()).toArray();
    }
}
