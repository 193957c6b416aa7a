package io.slotline.bench.report;

import java.util.List;
import java.util.Map;

final class ReportFixtures {

    private ReportFixtures() {}

    static FunctionStats stats(String name, double p50, double p95, double p99, double p999, double max) {
        return new FunctionStats(name, 200, p50, p95, p99, p999, max, 2, 0, 0, 20, 0.01, 0.1);
    }

    static RunResult run(String mode, List<FunctionStats> functions, CacheStats cache) {
        return new RunResult(
                mode,
                "http://127.0.0.1:1234",
                "http://127.0.0.1:8081",
                84.2,
                70,
                61,
                0,
                33,
                functions,
                List.of(stats("call_inbound", 2, 3, 4, 5, 6)),
                new LagStats(900, 0.4, 3.0, false),
                UpstreamStats.of(Map.of("GET /v2/slots", 140L, "POST /v2/bookings", 35L), 70),
                new ResourceStats(60, 12.5, 30.0, 120.4, 180.0),
                cache,
                List.of());
    }

    static BenchSettings settings() {
        return new BenchSettings(
                "2026-11-20T10:00:00Z",
                "naive,cached",
                1.0,
                60,
                10,
                0.1,
                42,
                30,
                Map.of("book", 0.5),
                "{\"latency\":{}}");
    }

    static BenchReport twoModes() {
        RunResult naive = run(
                "naive",
                List.of(
                        stats("check_availability", 310.0, 1100.0, 1900.0, 2400.0, 2500.0),
                        stats("get_alternatives", 900.0, 2000.0, 3000.0, 3500.0, 3600.0),
                        stats("find_next_available", 1200.0, 2500.0, 4000.0, 4100.0, 4200.0)),
                CacheStats.unavailable());
        RunResult cached = run(
                "cached",
                List.of(
                        stats("check_availability", 3.1, 11.0, 380.0, 1200.0, 1250.0),
                        stats("get_alternatives", 4.5, 20.0, 400.0, 0.0, 1300.0)),
                CacheStats.of(830.0, 150.0, 20.0, 7.0));
        return BenchReport.of(settings(), List.of(naive, cached), List.of("latency-naive.png"));
    }
}
