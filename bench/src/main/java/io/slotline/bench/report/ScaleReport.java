package io.slotline.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The agency-scale sweep: one row per number of businesses, the latencies per function, and what it cost. */
public record ScaleReport(String startedAt, String command, List<Point> points, List<String> charts) {

    public ScaleReport {
        points = List.copyOf(points);
        charts = List.copyOf(charts);
    }

    /** One point of the sweep. */
    public record Point(ScaleFigures figures, RunResult run) {}

    static final List<String> FUNCTIONS = List.of(
            "check_availability",
            "get_alternatives",
            "find_next_available",
            "book_appointment",
            "cancel_appointment",
            "reschedule_appointment");

    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    public String json() {
        return JSON.writeValueAsString(this);
    }

    /** Heap growth per business between the first point and {@code point}, in KB (after GC, tenants applied). */
    public @Nullable Double growthPerTenantKb(Point point, boolean afterRun) {
        Point first = points.get(0);
        Double a = afterRun ? first.figures().heapAfterRunMb() : first.figures().heapAfterLoadMb();
        Double b = afterRun ? point.figures().heapAfterRunMb() : point.figures().heapAfterLoadMb();
        int dn = point.figures().tenants() - first.figures().tenants();
        if (a == null || b == null || dn <= 0) {
            return null;
        }
        return (b - a) * 1024 / dn;
    }

    public String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Slotline agency-scale sweep\n\n");
        md.append("Started ")
                .append(startedAt)
                .append(". Command: `")
                .append(command)
                .append("`\n\n");
        md.append(
                "| businesses | calls in progress mean / max | CPU % (of 2 cores) | heap after GC: loaded / in run (MB) "
                        + "| growth per business (KB, loaded / in run) | availability cache entries | tenant cache entries "
                        + "| Cal.com requests per call: run / measured window | warm-up requests per call (of them event types) | warm-ups dropped "
                        + "| busiest key req/min (of 120) | 429s "
                        + "| Prometheus series | start-up s | apply s | load avg |\n");
        md.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Point p : points) {
            ScaleFigures f = p.figures();
            md.append("| ")
                    .append(f.tenants())
                    .append(" | ")
                    .append(fmt(f.inProgressMean(), 0))
                    .append(" / ")
                    .append(f.inProgressMax())
                    .append(" | ")
                    .append(fmt(f.cpuAvgPercent(), 0))
                    .append(" | ")
                    .append(fmt(f.heapAfterLoadMb(), 0))
                    .append(" / ")
                    .append(fmt(f.heapAfterRunMb(), 0))
                    .append(" | ")
                    .append(fmt(growthPerTenantKb(p, false), 0))
                    .append(" / ")
                    .append(fmt(growthPerTenantKb(p, true), 0))
                    .append(" | ")
                    .append(fmt(f.cacheEntries(), 0))
                    .append(" | ")
                    .append(fmt(f.tenantCacheEntries(), 0))
                    .append(" | ")
                    .append(fmt(f.calcomRequestsPerCall(), 2))
                    .append(" / ")
                    .append(fmt(f.measuredRequestsPerCall(), 2))
                    .append(" | ")
                    .append(fmt(f.warmupRequestsPerCall(), 2))
                    .append(" (")
                    .append(fmt(f.warmupEventTypesPerCall(), 2))
                    .append(") | ")
                    .append(fmt(f.warmUpsDropped(), 0))
                    .append(" | ")
                    .append(f.busiestKeyPerMinute())
                    .append(String.format(Locale.ROOT, " (%.0f%%)", f.busiestKeyPerMinute() * 100.0 / 120))
                    .append(" | ")
                    .append(f.calcom429())
                    .append(" | ")
                    .append(f.prometheusSeries())
                    .append(" | ")
                    .append(fmt(f.startupSeconds(), 1))
                    .append(" | ")
                    .append(fmt(f.applySeconds(), 1))
                    .append(" | ")
                    .append(fmt(f.loadAverage(), 1))
                    .append(" |\n");
        }
        md.append("\nLatency from the intended send time (ms, coordinated-omission aware), P50 / P95 / P99:\n\n");
        md.append("| businesses |");
        List<String> shown = new ArrayList<>();
        for (String function : FUNCTIONS) {
            if (points.stream().anyMatch(p -> p.run().function(function).isPresent())) {
                shown.add(function);
                md.append(' ').append(function).append(" |");
            }
        }
        md.append('\n').append("|---:|");
        shown.forEach(s -> md.append("---:|"));
        md.append('\n');
        for (Point p : points) {
            md.append("| ").append(p.figures().tenants()).append(" |");
            for (String function : shown) {
                Optional<FunctionStats> stats = p.run().function(function);
                md.append(' ')
                        .append(stats.map(s -> fmt(s.p50Ms(), 0) + " / " + fmt(s.p95Ms(), 0) + " / " + fmt(s.p99Ms(), 0)
                                        + " (n=" + s.count() + ")")
                                .orElse("-"))
                        .append(" |");
            }
            md.append('\n');
        }
        for (Point p : points) {
            if (!p.run().notes().isEmpty()) {
                md.append("\nNotes at ")
                        .append(p.figures().tenants())
                        .append(" businesses: ")
                        .append(String.join(" ", p.run().notes()))
                        .append('\n');
            }
        }
        if (!charts.isEmpty()) {
            md.append("\nCharts: ").append(String.join(", ", charts)).append('\n');
        }
        return md.toString();
    }

    static String fmt(@Nullable Double v, int decimals) {
        if (v == null || v.isNaN()) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
