package io.slotline.bench.load;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Thread-safe latency and outcome record per metric (function name or lifecycle event), in microseconds.
 * Requests intended before {@code measureFromNanos} are warm-up and are not recorded at all.
 */
public final class LatencyBook {

    static final int SIGNIFICANT_DIGITS = 3;

    private final long measureFromNanos;
    private final ConcurrentHashMap<String, MetricRecorder> metrics = new ConcurrentHashMap<>();
    private final Recorder lagMicros = new Recorder(SIGNIFICANT_DIGITS);
    private final Histogram lagAccumulated = new Histogram(SIGNIFICANT_DIGITS);

    public LatencyBook(long measureFromNanos) {
        this.measureFromNanos = measureFromNanos;
    }

    public boolean measures(long intendedNanos) {
        return intendedNanos >= measureFromNanos;
    }

    public void record(Exchange exchange) {
        if (!measures(exchange.intendedNanos())) {
            return;
        }
        metrics.computeIfAbsent(exchange.metric(), m -> new MetricRecorder())
                .record(exchange.latencyNanos(), exchange.outcome());
        lagMicros.recordValue(Math.max(0, exchange.lagNanos()) / 1_000);
    }

    /** Per metric, sorted by name; safe to call while recording goes on (then it is a moment's view). */
    public Map<String, MetricSnapshot> snapshot() {
        Map<String, MetricSnapshot> result = new TreeMap<>();
        metrics.forEach((name, recorder) -> result.put(name, recorder.snapshot(name)));
        return result;
    }

    /** Generator lag: actual send minus intended send, for the measured requests. */
    public synchronized Histogram lagHistogram() {
        lagAccumulated.add(lagMicros.getIntervalHistogram());
        return lagAccumulated.copy();
    }

    private static final class MetricRecorder {

        private final Recorder recorder = new Recorder(SIGNIFICANT_DIGITS);
        private final Map<Outcome, LongAdder> outcomes = new EnumMap<>(Outcome.class);
        private final Histogram accumulated = new Histogram(SIGNIFICANT_DIGITS);

        MetricRecorder() {
            for (Outcome outcome : Outcome.values()) {
                outcomes.put(outcome, new LongAdder());
            }
        }

        void record(long nanos, Outcome outcome) {
            recorder.recordValue(Math.max(0, nanos) / 1_000);
            Objects.requireNonNull(outcomes.get(outcome)).increment(); // the constructor adds every outcome
        }

        synchronized MetricSnapshot snapshot(String name) {
            accumulated.add(recorder.getIntervalHistogram());
            Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
            outcomes.forEach((outcome, adder) -> counts.put(outcome, adder.sum()));
            return new MetricSnapshot(name, accumulated.copy(), counts);
        }
    }
}
