package io.slotline.bench.report;

import org.HdrHistogram.Histogram;

/**
 * How late the generator sent requests compared with their intended time. Latency is measured from the intended
 * time either way, but a generator that falls behind also sends less load than asked for.
 */
public record LagStats(long samples, double p99Ms, double maxMs, boolean fellBehind) {

    public static final double FELL_BEHIND_P99_MS = 10.0;

    public static LagStats of(Histogram lagMicros) {
        if (lagMicros.getTotalCount() == 0) {
            return new LagStats(0, 0, 0, false);
        }
        double p99 = Millis.ofMicros(lagMicros.getValueAtPercentile(99));
        return new LagStats(
                lagMicros.getTotalCount(), p99, Millis.ofMicros(lagMicros.getMaxValue()), p99 > FELL_BEHIND_P99_MS);
    }
}
