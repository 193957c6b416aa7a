package io.slotline.bench;

import io.slotline.bench.report.BenchReport;
import io.slotline.bench.report.BenchSettings;
import io.slotline.bench.report.JsonReport;
import io.slotline.bench.report.LatencyCharts;
import io.slotline.bench.report.MarkdownReport;
import io.slotline.bench.report.RunResult;
import io.slotline.bench.sut.EmbeddedSimulator;
import io.slotline.bench.sut.SimulatorHandle;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** {@code java -jar bench/target/slotline-bench-exec.jar [--help]}. */
public final class BenchMain {

    private BenchMain() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--scenario")) {
                if (args[i + 1].equals("chaos")) {
                    return io.slotline.bench.chaos.ChaosRun.main(args, out, err);
                }
                err.println("error: unknown scenario '" + args[i + 1] + "' (known: chaos)");
                return 2;
            }
        }
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.println("see --help");
            return 2;
        }
        if (options.help()) {
            out.print(BenchOptions.USAGE);
            return 0;
        }
        if (options.gatewayUrl() == null
                && !Files.isRegularFile(options.gatewayLaunch().jar())) {
            err.println("error: gateway jar not found: "
                    + options.gatewayLaunch().jar().toAbsolutePath());
            err.println("build it (./mvnw -q -pl gateway -am package -DskipTests), pass --gateway-jar, "
                    + "or drive a running gateway with --gateway-url");
            return 2;
        }
        System.setProperty("java.awt.headless", "true");
        if (options.scale().enabled() || options.scale().probe()) {
            return scaled(options, String.join(" ", args), out, err);
        }
        try {
            Files.createDirectories(options.out());
            BenchReport report = bench(options, out);
            writeReport(options.out(), report, out);
            return 0;
        } catch (IllegalStateException | IOException e) {
            // expected failures (gateway did not start, simulator unreachable) explain themselves
            err.println("bench failed: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            err.println("bench failed unexpectedly: " + e);
            e.printStackTrace(err);
            return 1;
        }
    }

    private static int scaled(BenchOptions options, String args, PrintStream out, PrintStream err) {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        try (SimulatorHandle simulator =
                options.simUrl() != null ? SimulatorHandle.external(options.simUrl()) : EmbeddedSimulator.start()) {
            Files.createDirectories(options.out());
            out.println("simulator at " + simulator.baseUrl());
            if (options.scale().enabled()) {
                new ScaleSweep(options, client, simulator.baseUrl(), out)
                        .run("java -jar bench/target/slotline-bench-exec.jar " + args);
            }
            if (options.scale().probe()) {
                new OverheadProbe(options, client, simulator.baseUrl(), out).run();
            }
            return 0;
        } catch (IllegalStateException | IOException e) {
            err.println("bench failed: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            err.println("bench failed unexpectedly: " + e);
            e.printStackTrace(err);
            return 1;
        }
    }

    private static BenchReport bench(BenchOptions options, PrintStream out) throws IOException {
        String startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        List<RunResult> results = new ArrayList<>();
        List<String> charts = new ArrayList<>();
        try (SimulatorHandle simulator =
                options.simUrl() != null ? SimulatorHandle.external(options.simUrl()) : EmbeddedSimulator.start()) {
            out.println("simulator at " + simulator.baseUrl());
            BenchRunner runner = new BenchRunner(options, client, simulator.baseUrl(), out);
            int instance = 1;
            for (String mode : options.modes()) {
                BenchRunner.ModeRun run = runner.run(mode, instance++);
                results.add(run.result());
                String chart = "latency-" + mode + ".png";
                if (chart(
                        () -> LatencyCharts.percentilePlot(
                                "Slotline latency by percentile, mode " + mode,
                                run.functionHistograms(),
                                options.out().resolve(chart)),
                        out)) {
                    charts.add(chart);
                }
            }
        }
        if (chart(() -> LatencyCharts.comparisonBars(results, options.out().resolve("latency-comparison.png")), out)) {
            charts.add("latency-comparison.png");
        }
        BenchSettings settings = new BenchSettings(
                startedAt,
                String.join(",", options.modes()),
                options.callsPerSecond(),
                options.duration().toMillis() / 1000.0,
                options.warmup().toMillis() / 1000.0,
                options.timeScale(),
                options.seed(),
                options.requestTimeout().toMillis() / 1000.0,
                options.mix().asMap(),
                options.simConfig().toJson());
        return BenchReport.of(settings, results, charts);
    }

    private interface ChartWriter {
        void write() throws IOException;
    }

    /** A chart is a convenience: a missing font or display library must not cost the numbers. */
    private static boolean chart(ChartWriter writer, PrintStream out) {
        try {
            writer.write();
            return true;
        } catch (IOException | RuntimeException | LinkageError e) {
            out.println("warning: chart not written: " + e);
            return false;
        }
    }

    static void writeReport(Path dir, BenchReport report, PrintStream out) throws IOException {
        String markdown = MarkdownReport.render(report);
        Files.writeString(dir.resolve("bench-report.md"), markdown, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("bench-report.json"), JsonReport.render(report), StandardCharsets.UTF_8);
        out.println();
        out.println(markdown);
        out.println("written: " + dir.resolve("bench-report.md") + ", " + dir.resolve("bench-report.json")
                + (report.charts().isEmpty() ? "" : ", " + String.join(", ", report.charts())));
    }
}
