package io.slotline.bench;

import io.slotline.bench.report.LatencyCharts;
import io.slotline.bench.report.ScaleChart;
import io.slotline.bench.report.ScaleReport;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code --tenants N} / {@code --sweep N1,N2,..}: for each N a reset simulator with N generated businesses, a fresh
 * gateway with their tenant files applied, and calls at real think times; then the cost table and chart.
 */
final class ScaleSweep {

    private final BenchOptions options;
    private final HttpClient client;
    private final String simulatorUrl;
    private final PrintStream console;

    ScaleSweep(BenchOptions options, HttpClient client, String simulatorUrl, PrintStream console) {
        this.options = options;
        this.client = client;
        this.simulatorUrl = simulatorUrl;
        this.console = console;
    }

    ScaleReport run(String command) throws IOException {
        String startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        List<ScaleReport.Point> points = new ArrayList<>();
        List<String> charts = new ArrayList<>();
        int instance = 1;
        for (int tenants : options.scale().points()) {
            BenchOptions point = options.withTenants(tenants);
            console.printf(
                    Locale.ROOT,
                    "=== %d businesses: %.2f calls/s for about %.0f calls in progress, "
                            + "think x %s, %ss warm-up + %ss measured ===%n",
                    tenants,
                    point.callsPerSecond(),
                    point.scale().callsInProgress(),
                    point.timeScale(),
                    point.warmup().toSeconds(),
                    point.duration().toSeconds());
            BenchRunner.ModeRun run = new BenchRunner(point, client, simulatorUrl, console)
                    .run(point.modes().get(0), instance++);
            if (run.scale() == null) {
                throw new IllegalStateException("the run at " + tenants + " businesses measured no scale figures");
            }
            points.add(new ScaleReport.Point(run.scale(), run.result()));
            String chart = "latency-tenants-" + tenants + ".png";
            try {
                LatencyCharts.percentilePlot(
                        "Slotline latency by percentile, " + tenants + " businesses",
                        run.functionHistograms(),
                        options.out().resolve(chart));
                charts.add(chart);
            } catch (IOException | RuntimeException | LinkageError e) {
                console.println("warning: chart not written: " + e);
            }
            // the table so far, so that a sweep cut short still leaves its finished points
            write(new ScaleReport(startedAt, command, points, charts), false);
        }
        ScaleReport report = new ScaleReport(startedAt, command, points, charts);
        try {
            ScaleChart.write(report, options.out().resolve("scale-cost.png"));
            charts.add("scale-cost.png");
            report = new ScaleReport(startedAt, command, points, charts);
        } catch (IOException | RuntimeException | LinkageError e) {
            console.println("warning: chart not written: " + e);
        }
        write(report, true);
        return report;
    }

    private void write(ScaleReport report, boolean print) throws IOException {
        Files.writeString(options.out().resolve("scale-report.md"), report.markdown(), StandardCharsets.UTF_8);
        Files.writeString(options.out().resolve("scale-report.json"), report.json(), StandardCharsets.UTF_8);
        if (print) {
            console.println();
            console.println(report.markdown());
            console.println("written: " + options.out().resolve("scale-report.md") + ", scale-report.json, "
                    + String.join(", ", report.charts()));
        }
    }
}
