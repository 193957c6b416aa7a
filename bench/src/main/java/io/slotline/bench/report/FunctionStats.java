package io.slotline.bench.report;

import io.slotline.bench.load.MetricSnapshot;
import io.slotline.bench.load.Outcome;
import org.HdrHistogram.Histogram;

/**
 * One function's (or lifecycle event's) latency from intended start, in milliseconds rounded to 0.1 ms, and its
 * outcomes. Errors are transport failures and non-2xx answers; ok:false is a business "no" answered properly.
 */
public record FunctionStats(
        String name,
        long count,
        double p50Ms,
        double p95Ms,
        double p99Ms,
        double p999Ms,
        double maxMs,
        long httpErrors,
        long timeouts,
        long ioErrors,
        long notOk,
        double errorRate,
        double notOkRate) {

    public static FunctionStats of(MetricSnapshot snapshot) {
        Histogram h = snapshot.histogram();
        long count = snapshot.total();
        long httpErrors = snapshot.count(Outcome.HTTP_ERROR);
        long timeouts = snapshot.count(Outcome.TIMEOUT);
        long ioErrors = snapshot.count(Outcome.IO_ERROR);
        long notOk = snapshot.count(Outcome.NOT_OK);
        return new FunctionStats(
                snapshot.metric(),
                count,
                Millis.ofMicros(h.getValueAtPercentile(50)),
                Millis.ofMicros(h.getValueAtPercentile(95)),
                Millis.ofMicros(h.getValueAtPercentile(99)),
                Millis.ofMicros(h.getValueAtPercentile(99.9)),
                Millis.ofMicros(h.getMaxValue()),
                httpErrors,
                timeouts,
                ioErrors,
                notOk,
                rate(httpErrors + timeouts + ioErrors, count),
                rate(notOk, count));
    }

    public double percentile(Percentile p) {
        return switch (p) {
            case P50 -> p50Ms;
            case P95 -> p95Ms;
            case P99 -> p99Ms;
            case P999 -> p999Ms;
            case MAX -> maxMs;
        };
    }

    private static double rate(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
