package io.slotline.bench.report;

import java.util.List;
import java.util.Optional;

/** Everything one invocation measured: settings, one result per mode, the comparisons, the chart files. */
public record BenchReport(
        BenchSettings settings,
        List<RunResult> runs,
        List<OldSystemFigure> oldSystem,
        List<RatioRow> naiveOverCached,
        List<String> charts) {

    public BenchReport {
        runs = List.copyOf(runs);
        oldSystem = List.copyOf(oldSystem);
        naiveOverCached = List.copyOf(naiveOverCached);
        charts = List.copyOf(charts);
    }

    public static BenchReport of(BenchSettings settings, List<RunResult> runs, List<String> charts) {
        Optional<RunResult> naive =
                runs.stream().filter(r -> r.mode().equals("naive")).findFirst();
        Optional<RunResult> cached =
                runs.stream().filter(r -> r.mode().equals("cached")).findFirst();
        List<RatioRow> ratios =
                naive.isPresent() && cached.isPresent() ? RatioRow.compare(naive.get(), cached.get()) : List.of();
        return new BenchReport(settings, runs, OldSystemFigure.SEED, ratios, charts);
    }
}
