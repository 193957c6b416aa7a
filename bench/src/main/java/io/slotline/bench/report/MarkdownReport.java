package io.slotline.bench.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Renders a {@link BenchReport} as Markdown: what a person reads after a run. */
public final class MarkdownReport {

    private MarkdownReport() {}

    public static String render(BenchReport report) {
        StringBuilder md = new StringBuilder();
        BenchSettings s = report.settings();
        md.append("# Slotline benchmark\n\n");
        md.append(String.format(
                Locale.ROOT,
                "Started %s. Open-loop: Poisson call arrivals at %s calls/s for %s s after a %s s warm-up "
                        + "(discarded); think times x %s; seed %d; request timeout %s s.%n",
                s.startedAt(),
                num(s.callsPerSecond()),
                num(s.durationSeconds()),
                num(s.warmupSeconds()),
                num(s.timeScale()),
                s.seed(),
                num(s.requestTimeoutSeconds())));
        md.append("Latency is measured from each request's *intended* send time, so queueing and stalls count "
                + "(no coordinated omission). All times in ms.\n\n");
        md.append("Simulated Cal.com: `").append(s.simulatorConfig()).append("`\n\n");
        md.append("Rate limits are lifted in both modes (simulator and the gateway's request budget), so the latency "
                + "tables compare strategies; the upstream requests per call say what each strategy would cost "
                + "against Cal.com's 120 requests/minute per API key.\n\n");
        md.append("Call mix: `").append(s.mix()).append("`\n\n");

        for (RunResult run : report.runs()) {
            renderRun(md, run);
        }
        renderOldSystem(md, report);
        renderRatios(md, report);
        if (!report.charts().isEmpty()) {
            md.append("## Charts\n\n");
            for (String chart : report.charts()) {
                md.append("![").append(chart).append("](").append(chart).append(")\n\n");
            }
        }
        return md.toString();
    }

    private static void renderRun(StringBuilder md, RunResult run) {
        md.append("## Mode: ").append(run.mode()).append("\n\n");
        md.append(String.format(
                Locale.ROOT,
                "Gateway %s, simulator %s. Calls: %d measured (%d started incl. warm-up), %d bookings confirmed, "
                        + "%d unfinished. Wall time %s s.%n%n",
                run.gatewayUrl(),
                run.simulatorUrl(),
                run.callsMeasured(),
                run.callsStarted(),
                run.bookingsConfirmed(),
                run.callsUnfinished(),
                num(run.wallSeconds())));
        LagStats lag = run.generatorLag();
        md.append(String.format(
                Locale.ROOT,
                "Generator lag (actual minus intended send): p99 %s ms, max %s ms over %d " + "requests: %s.%n%n",
                num(lag.p99Ms()),
                num(lag.maxMs()),
                lag.samples(),
                lag.fellBehind()
                        ? "**generator fell behind** (p99 above " + num(LagStats.FELL_BEHIND_P99_MS)
                                + " ms): the offered load was lower than asked"
                        : "kept up"));
        md.append("### Functions\n\nHTTP errors are non-2xx answers, timeouts and connection failures; ok:false is a "
                + "business answer such as \"slot taken\".\n\n");
        statsTable(md, run.functions());
        md.append("### Call lifecycle (inbound webhook, call webhooks)\n\n");
        statsTable(md, run.lifecycle());

        md.append("### Upstream Cal.com requests per phone call\n\n");
        UpstreamStats up = run.upstream();
        if (!up.available()) {
            md.append("n/a (simulator stats unavailable)\n\n");
        } else {
            md.append(String.format(Locale.ROOT, "Whole run incl. warm-up, %d calls.%n%n", up.calls()));
            md.append("| endpoint | requests | per call |\n|---|---:|---:|\n");
            for (Map.Entry<String, Long> e : up.requests().entrySet()) {
                md.append("| ")
                        .append(e.getKey())
                        .append(" | ")
                        .append(e.getValue())
                        .append(" | ")
                        .append(String.format(Locale.ROOT, "%.2f", up.perCall().get(e.getKey())))
                        .append(" |\n");
            }
            md.append(String.format(Locale.ROOT, "| **total** | %d | %.2f |%n%n", up.total(), up.totalPerCall()));
        }

        ResourceStats g = run.gateway();
        md.append("### Gateway process\n\n");
        md.append(String.format(
                Locale.ROOT,
                "CPU avg %s / max %s (%% of the whole machine); heap avg %s / max %s MB; " + "%d samples.%n%n",
                opt(g.cpuAvgPercent()),
                opt(g.cpuMaxPercent()),
                opt(g.heapAvgMb()),
                opt(g.heapMaxMb()),
                g.samples()));
        CacheStats c = run.cache();
        md.append(String.format(
                Locale.ROOT,
                "Availability cache: hit rate %s (hit %s, stale %s, miss %s); " + "coalesced waits %s.%n%n",
                c.hitRate() == null ? "n/a" : pct(c.hitRate()),
                count(c.hits()),
                count(c.stale()),
                count(c.misses()),
                count(c.coalesced())));
        for (String note : run.notes()) {
            md.append("> ").append(note).append("\n\n");
        }
    }

    private static void statsTable(StringBuilder md, List<FunctionStats> rows) {
        if (rows.isEmpty()) {
            md.append("(no requests in the measured window)\n\n");
            return;
        }
        md.append("| function | count | P50 | P95 | P99 | P99.9 | max | HTTP error rate | ok:false rate |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (FunctionStats f : rows) {
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %d | %s | %s | %s | %s | %s | %s | %s |%n",
                    f.name(),
                    f.count(),
                    num(f.p50Ms()),
                    num(f.p95Ms()),
                    num(f.p99Ms()),
                    num(f.p999Ms()),
                    num(f.maxMs()),
                    pct(f.errorRate()),
                    pct(f.notOkRate())));
        }
        md.append('\n');
    }

    private static void renderOldSystem(StringBuilder md, BenchReport report) {
        md.append("## Against the old system\n\n");
        md.append("The predecessor's own figures (single numbers; its checklist compared P95): baseline before and "
                + "target after its \"Phase 1\" optimisation.\n\n");
        StringBuilder header = new StringBuilder("| function | old baseline | old target |");
        StringBuilder rule = new StringBuilder("|---|---:|---:|");
        for (RunResult run : report.runs()) {
            for (String p : List.of("P50", "P95", "P99")) {
                header.append(' ').append(run.mode()).append(' ').append(p).append(" |");
                rule.append("---:|");
            }
        }
        md.append(header).append('\n').append(rule).append('\n');
        for (OldSystemFigure old : report.oldSystem()) {
            md.append("| ")
                    .append(old.function())
                    .append(" | ")
                    .append(old.baseline())
                    .append(" | ")
                    .append(String.format(Locale.ROOT, "%.0f", old.targetMs()))
                    .append(" |");
            for (RunResult run : report.runs()) {
                Optional<FunctionStats> f = run.function(old.function());
                for (Percentile p : List.of(Percentile.P50, Percentile.P95, Percentile.P99)) {
                    md.append(' ')
                            .append(f.map(x -> num(x.percentile(p))).orElse("n/a"))
                            .append(" |");
                }
            }
            md.append('\n');
        }
        md.append('\n');
    }

    private static void renderRatios(StringBuilder md, BenchReport report) {
        if (report.naiveOverCached().isEmpty()) {
            return;
        }
        md.append("## Naive / cached\n\nHow many times slower the naive mode (every request goes to Cal.com) is "
                + "than the cached mode, per percentile.\n\n");
        md.append("| function | P50 | P95 | P99 | P99.9 | max |\n|---|---:|---:|---:|---:|---:|\n");
        for (RatioRow row : report.naiveOverCached()) {
            md.append("| ").append(row.function()).append(" |");
            for (Percentile p : Percentile.values()) {
                Double ratio = row.get(p);
                md.append(' ').append(ratio == null ? "n/a" : num(ratio) + "x").append(" |");
            }
            md.append('\n');
        }
        md.append('\n');
    }

    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return String.format(Locale.ROOT, "%s", Math.round(v * 1000) / 1000.0);
    }

    private static String pct(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    private static String opt(@Nullable Double v) {
        return v == null ? "n/a" : num(v);
    }

    private static String count(@Nullable Double v) {
        return v == null ? "n/a" : String.format(Locale.ROOT, "%.0f", v);
    }
}
