package io.slotline.bench;

import io.slotline.bench.report.RunResult;
import io.slotline.bench.report.ScaleFigures;
import io.slotline.bench.sut.PrometheusText;
import io.slotline.bench.sut.SimulatorControl;
import java.io.PrintStream;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/** The figures of an agency-scale run: loading, heap, calls in progress, caches, Cal.com keys, scrape size. */
final class ScaleMeasurement {

    private ScaleMeasurement() {}

    static ScaleFigures figures(
            Loaded loaded,
            InProgress inProgress,
            @Nullable Double heapAfterRun,
            @Nullable SimulatorControl sim,
            Optional<String> promBefore,
            Optional<String> promAfter,
            int calls,
            RunResult result,
            PrintStream console) {
        String busiest = null;
        long busiestPerMinute = 0;
        long keysUsed = 0;
        if (sim != null) {
            try {
                for (SimulatorControl.KeyLoad key : sim.keyLoads()) {
                    keysUsed++;
                    if (key.maxPerMinute() > busiestPerMinute) {
                        busiestPerMinute = key.maxPerMinute();
                        busiest = key.apiKey();
                    }
                }
            } catch (IllegalStateException e) {
                console.println("warning: simulator key stats unavailable: " + e.getMessage());
            }
        }
        String before = promBefore.orElse("");
        Double cacheEntries = promAfter
                .flatMap(p ->
                        optional(PrometheusText.sum(p, "slotline_cache_entries", Map.of("cache", "availability_days"))))
                .orElse(null);
        Double tenantEntries = promAfter
                .flatMap(p -> optional(PrometheusText.sum(p, "slotline_cache_entries", Map.of("cache", "tenants"))))
                .orElse(null);
        Double warmup = promAfter.isEmpty()
                ? null
                : GatewayMetrics.delta(before, promAfter.get(), "slotline_warmup_requests_total", Map.of());
        Double warmupEventTypes = promAfter.isEmpty()
                ? null
                : GatewayMetrics.delta(
                        before, promAfter.get(), "slotline_warmup_requests_total", Map.of("what", "event_types"));
        Double dropped = promAfter.isEmpty()
                ? null
                : GatewayMetrics.delta(
                        before, promAfter.get(), "slotline_availability_prefetches_dropped_total", Map.of());
        Double perCall = result.upstream().available() ? result.upstream().totalPerCall() : null;
        double load = BenchRunner.loadAverage();
        return new ScaleFigures(
                loaded.businesses().size(),
                round(loaded.simSeconds()),
                loaded.startupSeconds(),
                round(loaded.applySeconds()),
                loaded.heapAfterLoadMb(),
                heapAfterRun,
                round(inProgress.mean()),
                inProgress.max(),
                cacheEntries,
                tenantEntries,
                perCall,
                warmup == null || calls == 0 ? null : round(warmup / calls),
                warmupEventTypes == null || calls == 0 ? null : round(warmupEventTypes / calls),
                dropped,
                inProgress.measuredRequestsPerCall(),
                busiest,
                busiestPerMinute,
                keysUsed,
                sim == null ? 0 : status429(sim),
                promAfter.map(ScaleMeasurement::samples).orElse(0L),
                result.gateway().cpuAvgPercent(),
                load);
    }

    static long samples(String exposition) {
        return exposition
                .lines()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .count();
    }

    private static long status429(SimulatorControl sim) {
        try {
            return sim.stats().endpoints().values().stream()
                    .mapToLong(statuses -> statuses.getOrDefault("429", 0L))
                    .sum();
        } catch (IllegalStateException e) {
            return 0;
        }
    }

    private static Optional<Double> optional(OptionalDouble value) {
        return value.isPresent() ? Optional.of(value.getAsDouble()) : Optional.empty();
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
