package io.slotline.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/** naive / cached per percentile for one function; null where either side is missing or cached is 0. */
public record RatioRow(
        String function,
        @Nullable Double p50,
        @Nullable Double p95,
        @Nullable Double p99,
        @Nullable Double p999,
        @Nullable Double max) {

    public static List<RatioRow> compare(RunResult naive, RunResult cached) {
        TreeSet<String> names = new TreeSet<>();
        naive.functions().forEach(f -> names.add(f.name()));
        cached.functions().forEach(f -> names.add(f.name()));
        List<RatioRow> rows = new ArrayList<>();
        for (String name : names) {
            Optional<FunctionStats> n = naive.function(name);
            Optional<FunctionStats> c = cached.function(name);
            rows.add(new RatioRow(
                    name,
                    ratio(n, c, Percentile.P50),
                    ratio(n, c, Percentile.P95),
                    ratio(n, c, Percentile.P99),
                    ratio(n, c, Percentile.P999),
                    ratio(n, c, Percentile.MAX)));
        }
        return rows;
    }

    public @Nullable Double get(Percentile p) {
        return switch (p) {
            case P50 -> p50;
            case P95 -> p95;
            case P99 -> p99;
            case P999 -> p999;
            case MAX -> max;
        };
    }

    static @Nullable Double ratio(Optional<FunctionStats> naive, Optional<FunctionStats> cached, Percentile p) {
        if (naive.isEmpty() || cached.isEmpty()) {
            return null;
        }
        double denominator = cached.get().percentile(p);
        if (denominator <= 0) {
            return null;
        }
        return Math.round(naive.get().percentile(p) / denominator * 10) / 10.0;
    }
}
