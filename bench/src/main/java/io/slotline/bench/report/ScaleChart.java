package io.slotline.bench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jspecify.annotations.Nullable;

/** Cost against the number of businesses (log x): latency, heap, Cal.com requests, the busiest key. */
public final class ScaleChart {

    private ScaleChart() {}

    public static void write(ScaleReport report, Path png) throws IOException {
        LogAxis businesses = new LogAxis("businesses (log)");
        businesses.setBase(10);
        businesses.setSmallestValue(1);
        businesses.setNumberFormatOverride(java.text.NumberFormat.getIntegerInstance(java.util.Locale.ROOT));
        int min = report.points().stream()
                .mapToInt(p -> p.figures().tenants())
                .min()
                .orElse(1);
        int max = report.points().stream()
                .mapToInt(p -> p.figures().tenants())
                .max()
                .orElse(10);
        businesses.setRange(Math.max(1, min / 2.0), max * 2.0);
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(businesses);
        combined.setGap(12);

        XYSeriesCollection latency = new XYSeriesCollection();
        for (String function : new String[] {"check_availability", "get_alternatives", "find_next_available"}) {
            XYSeries s = new XYSeries(function + " P95 (ms)");
            for (ScaleReport.Point p : report.points()) {
                p.run().function(function).ifPresent(f -> s.add(p.figures().tenants(), f.p95Ms()));
            }
            latency.addSeries(s);
        }
        combined.add(plot(latency, "P95 ms", 50, "goal 50 ms"), 1);

        XYSeriesCollection heap = new XYSeriesCollection();
        heap.addSeries(
                series(report, "heap after GC, loaded (MB)", p -> p.figures().heapAfterLoadMb()));
        heap.addSeries(
                series(report, "heap after GC, in run (MB)", p -> p.figures().heapAfterRunMb()));
        combined.add(plot(heap, "heap MB", 1024, "goal 1 GB"), 1);

        XYSeriesCollection requests = new XYSeriesCollection();
        requests.addSeries(
                series(report, "Cal.com requests per call", p -> p.figures().calcomRequestsPerCall()));
        requests.addSeries(
                series(report, "warm-up requests per call", p -> p.figures().warmupRequestsPerCall()));
        combined.add(plot(requests, "requests / call", null, null), 1);

        XYSeriesCollection key = new XYSeriesCollection();
        key.addSeries(series(report, "busiest key, requests in its busiest minute", p ->
                (double) p.figures().busiestKeyPerMinute()));
        combined.add(plot(key, "req/min", 72, "goal 72 (60% of 120)"), 1);

        JFreeChart chart = new JFreeChart(
                "Slotline: cost against the number of businesses", JFreeChart.DEFAULT_TITLE_FONT, combined, true);
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(png.toFile(), chart, 1000, 1100);
    }

    private interface Value {
        @Nullable Double of(ScaleReport.Point point);
    }

    private static XYSeries series(ScaleReport report, String name, Value value) {
        XYSeries s = new XYSeries(name);
        for (ScaleReport.Point p : report.points()) {
            Double v = value.of(p);
            if (v != null && !v.isNaN()) {
                s.add(p.figures().tenants(), v);
            }
        }
        return s;
    }

    private static XYPlot plot(
            XYSeriesCollection data, String label, @Nullable Number goal, @Nullable String goalLabel) {
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(true);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        XYPlot plot = new XYPlot(data, null, axis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        if (goal != null) {
            ValueMarker marker = new ValueMarker(
                    goal.doubleValue(),
                    Color.RED,
                    new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {6f, 4f}, 0f));
            marker.setLabel(goalLabel);
            plot.addRangeMarker(marker);
        }
        return plot;
    }
}
