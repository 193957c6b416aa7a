package io.slotline.bench.load;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.HdrHistogram.Histogram;

/** Latencies in microseconds (from intended start) and outcome counts of one metric. */
public record MetricSnapshot(String metric, Histogram histogram, Map<Outcome, Long> outcomes) {

    public MetricSnapshot {
        Map<Outcome, Long> complete = new EnumMap<>(Outcome.class);
        for (Outcome outcome : Outcome.values()) {
            complete.put(outcome, outcomes.getOrDefault(outcome, 0L));
        }
        outcomes = Map.copyOf(complete);
    }

    public long count(Outcome outcome) {
        return Objects.requireNonNull(outcomes.get(outcome)); // the constructor fills in every outcome
    }

    public long total() {
        return outcomes.values().stream().mapToLong(Long::longValue).sum();
    }
}
