package io.slotline.bench.report;

import java.util.DoubleSummaryStatistics;
import org.jspecify.annotations.Nullable;

/** Gateway process CPU (percent of the whole machine) and heap (MB), sampled about once a second. */
public record ResourceStats(
        long samples,
        @Nullable Double cpuAvgPercent,
        @Nullable Double cpuMaxPercent,
        @Nullable Double heapAvgMb,
        @Nullable Double heapMaxMb) {

    public static ResourceStats of(DoubleSummaryStatistics cpuShare, DoubleSummaryStatistics heapBytes) {
        return new ResourceStats(
                Math.max(cpuShare.getCount(), heapBytes.getCount()),
                cpuShare.getCount() == 0 ? null : round1(cpuShare.getAverage() * 100),
                cpuShare.getCount() == 0 ? null : round1(cpuShare.getMax() * 100),
                heapBytes.getCount() == 0 ? null : round1(heapBytes.getAverage() / (1024 * 1024)),
                heapBytes.getCount() == 0 ? null : round1(heapBytes.getMax() / (1024 * 1024)));
    }

    public static ResourceStats unavailable() {
        return new ResourceStats(0, null, null, null, null);
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
