package io.slotline.bench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** PNG charts (JFreeChart, headless). */
public final class LatencyCharts {

    private static final int WIDTH = 1000;
    private static final int HEIGHT = 600;
    /** Percentiles beyond 99.999 would need more samples than a bench run has. */
    private static final double MAX_X = 100_000;

    private static final Color[] LINE_COLORS = {
        new Color(0x1f77b4),
        new Color(0xff7f0e),
        new Color(0x2ca02c),
        new Color(0xd62728),
        new Color(0x9467bd),
        new Color(0x8c564b),
        new Color(0xe377c2),
        new Color(0x7f7f7f)
    };
    private static final Color[] NAIVE_SHADES = {new Color(0xfdae6b), new Color(0xf16913), new Color(0xa63603)};
    private static final Color[] CACHED_SHADES = {new Color(0x9ecae1), new Color(0x4292c6), new Color(0x08519c)};

    private LatencyCharts() {}

    /**
     * Latency by percentile, one line per function, x on a log scale of 1/(1 - p) as HdrHistogram's plotter draws it,
     * so the tail (99%, 99.9%) gets as much room as the median.
     */
    public static void percentilePlot(String title, Map<String, Histogram> histogramsMicros, Path png)
            throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Map.Entry<String, Histogram> e : histogramsMicros.entrySet()) {
            Histogram h = e.getValue();
            if (h.getTotalCount() == 0) {
                continue;
            }
            XYSeries series = new XYSeries(e.getKey() + " (n=" + h.getTotalCount() + ")", true, true);
            for (HistogramIterationValue v : h.percentiles(5)) {
                double p = v.getPercentileLevelIteratedTo();
                if (p >= 100) {
                    break;
                }
                double x = 1 / (1 - p / 100);
                if (x > MAX_X) {
                    break;
                }
                series.addOrUpdate(x, h.highestEquivalentValue(v.getValueIteratedTo()) / 1000.0);
            }
            data.addSeries(series);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(
                title,
                "percentile",
                "latency from intended start (ms)",
                data,
                PlotOrientation.VERTICAL,
                true,
                false,
                false);
        XYPlot plot = chart.getXYPlot();
        double maxX = 1000;
        for (int i = 0; i < data.getSeriesCount(); i++) {
            maxX = Math.max(maxX, data.getSeries(i).getMaxX());
        }
        LogAxis x = new LogAxis("percentile");
        x.setBase(10);
        x.setSmallestValue(1);
        // one tick per decade: 0%, 90%, 99%, 99.9%, ...
        x.setAutoTickUnitSelection(false);
        x.setTickUnit(new NumberTickUnit(1.0));
        x.setRange(1, maxX * 1.5);
        x.setNumberFormatOverride(new PercentileFormat());
        plot.setDomainAxis(x);
        NumberAxis y = (NumberAxis) plot.getRangeAxis();
        y.setAutoRangeIncludesZero(true);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            renderer.setSeriesStroke(i, new BasicStroke(2f));
            renderer.setSeriesPaint(i, LINE_COLORS[i % LINE_COLORS.length]);
        }
        plot.setRenderer(renderer);
        style(chart);
        ChartUtils.saveChartAsPNG(png.toFile(), chart, WIDTH, HEIGHT);
    }

    /** P50 / P95 / P99 per function, one bar group per function, bars per mode and percentile; log scale. */
    public static void comparisonBars(List<RunResult> runs, Path png) throws IOException {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (RunResult run : runs) {
            for (FunctionStats f : run.functions()) {
                for (Percentile p : List.of(Percentile.P50, Percentile.P95, Percentile.P99)) {
                    data.addValue(Math.max(0.1, f.percentile(p)), run.mode() + " " + p.label(), f.name());
                }
            }
        }
        JFreeChart chart = ChartFactory.createBarChart(
                "Latency per function and mode",
                "function",
                "ms (log scale)",
                data,
                PlotOrientation.VERTICAL,
                true,
                false,
                false);
        CategoryPlot plot = chart.getCategoryPlot();
        LogAxis y = new LogAxis("ms (log scale)");
        y.setBase(10);
        y.setSmallestValue(0.1);
        y.setAutoTickUnitSelection(false);
        y.setTickUnit(new NumberTickUnit(1.0));
        y.setNumberFormatOverride(new DecimalFormat("0.#", DecimalFormatSymbols.getInstance(Locale.ROOT)));
        plot.setRangeAxis(y);
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        for (int i = 0; i < data.getRowCount(); i++) {
            String series = (String) data.getRowKey(i);
            Color[] shades = series.startsWith("naive") ? NAIVE_SHADES : CACHED_SHADES;
            int shade = series.endsWith(Percentile.P50.label()) ? 0 : series.endsWith(Percentile.P95.label()) ? 1 : 2;
            renderer.setSeriesPaint(i, shades[shade]);
        }
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setBase(0.1);
        renderer.setItemMargin(0.02);
        style(chart);
        ChartUtils.saveChartAsPNG(png.toFile(), chart, WIDTH + 200, HEIGHT);
    }

    private static void style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getPlot().setBackgroundPaint(Color.WHITE);
        if (chart.getPlot() instanceof XYPlot xy) {
            xy.setDomainGridlinePaint(Color.LIGHT_GRAY);
            xy.setRangeGridlinePaint(Color.LIGHT_GRAY);
        } else if (chart.getPlot() instanceof CategoryPlot category) {
            category.setRangeGridlinePaint(Color.LIGHT_GRAY);
        }
    }

    /** Labels x = 1/(1 - p) as the percentile p: 10 -> 90%, 100 -> 99%, 1000 -> 99.9%. */
    static final class PercentileFormat extends NumberFormat {

        @Override
        public StringBuffer format(double x, StringBuffer out, FieldPosition pos) {
            double p = (1 - 1 / x) * 100;
            String text = p < 0.0001 ? "0%" : String.format(Locale.ROOT, "%s%%", trim(p));
            return out.append(text);
        }

        @Override
        public StringBuffer format(long x, StringBuffer out, FieldPosition pos) {
            return format((double) x, out, pos);
        }

        @Override
        public Number parse(String source, ParsePosition pos) {
            throw new UnsupportedOperationException("labels only");
        }

        private static String trim(double p) {
            String s = String.format(Locale.ROOT, "%.4f", p);
            s = s.replaceAll("0+$", "");
            return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
        }
    }
}
