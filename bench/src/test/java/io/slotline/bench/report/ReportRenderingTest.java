package io.slotline.bench.report;

import static io.slotline.bench.report.ReportFixtures.twoModes;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ReportRenderingTest {

    @Test
    void markdownHasOneTablePerModeWithPercentilesAndRates() {
        String md = MarkdownReport.render(twoModes());

        assertThat(md).contains("## Mode: naive", "## Mode: cached");
        assertThat(md).contains("| check_availability | 200 | 3.1 | 11.0 | 380.0 | 1200.0 | 1250.0 | 1.0% | 10.0% |");
        assertThat(md).contains("| GET /v2/slots | 140 | 2.00 |", "| **total** | 175 | 2.50 |");
        assertThat(md).contains("CPU avg 12.5 / max 30.0");
        assertThat(md).contains("p99 0.4 ms, max 3.0 ms over 900 requests: kept up");
    }

    @Test
    void markdownShowsCacheFiguresOrNotAvailable() {
        String md = MarkdownReport.render(twoModes());

        assertThat(md)
                .contains("Availability cache: hit rate n/a (hit n/a, stale n/a, miss n/a); coalesced waits n/a.");
        assertThat(md).contains("Availability cache: hit rate 85.0% (hit 830, stale 20, miss 150); coalesced waits 7.");
    }

    @Test
    void markdownPutsTheOldSystemsFiguresBesideOurs() {
        String md = MarkdownReport.render(twoModes());

        assertThat(md)
                .contains("| function | old baseline | old target | naive P50 | naive P95 | naive P99 | "
                        + "cached P50 | cached P95 | cached P99 |");
        assertThat(md).contains("| check_availability | 3000 | 1500 | 310.0 | 1100.0 | 1900.0 | 3.1 | 11.0 | 380.0 |");
        assertThat(md)
                .contains("| find_next_available | crashed (HTTP 500) | 900 | 1200.0 | 2500.0 | 4000.0 | "
                        + "n/a | n/a | n/a |");
    }

    @Test
    void markdownHasTheRatioTableWhenBothModesRan() {
        String md = MarkdownReport.render(twoModes());

        assertThat(md).contains("## Naive / cached");
        assertThat(md).contains("| check_availability | 100.0x | 100.0x | 5.0x | 2.0x | 2.0x |");
        assertThat(md).contains("| find_next_available | n/a | n/a | n/a | n/a | n/a |");
        assertThat(md).contains("![latency-naive.png](latency-naive.png)");
    }

    @Test
    void markdownSaysWhenTheGeneratorFellBehind() {
        BenchReport report = twoModes();
        RunResult lagging = report.runs().get(0);
        RunResult behind = new RunResult(
                lagging.mode(),
                lagging.gatewayUrl(),
                lagging.simulatorUrl(),
                lagging.wallSeconds(),
                lagging.callsStarted(),
                lagging.callsMeasured(),
                lagging.callsUnfinished(),
                lagging.bookingsConfirmed(),
                lagging.functions(),
                lagging.lifecycle(),
                new LagStats(900, 42.0, 80.0, true),
                lagging.upstream(),
                lagging.gateway(),
                lagging.cache(),
                lagging.notes());

        String md =
                MarkdownReport.render(BenchReport.of(report.settings(), java.util.List.of(behind), report.charts()));

        assertThat(md).contains("**generator fell behind**");
    }

    @Test
    void jsonCarriesTheSameNumbers() {
        JsonNode json = JsonMapper.shared().readTree(JsonReport.render(twoModes()));

        assertThat(json.path("settings").path("callsPerSecond").asDouble()).isEqualTo(1.0);
        JsonNode cached = json.path("runs").get(1);
        assertThat(cached.path("mode").asString()).isEqualTo("cached");
        JsonNode check = cached.path("functions").get(0);
        assertThat(check.path("name").asString()).isEqualTo("check_availability");
        assertThat(check.path("p99Ms").asDouble()).isEqualTo(380.0);
        assertThat(check.path("errorRate").asDouble()).isEqualTo(0.01);
        assertThat(cached.path("cache").path("hitRate").asDouble()).isEqualTo(0.85);
        assertThat(json.path("runs").get(0).path("cache").path("hitRate").isNull())
                .isTrue();
        assertThat(cached.path("upstream").path("perCall").path("GET /v2/slots").asDouble())
                .isEqualTo(2.0);
        assertThat(json.path("naiveOverCached").get(0).path("p50").asDouble()).isEqualTo(100.0);
        assertThat(json.path("oldSystem").get(2).path("baseline").asString()).isEqualTo("crashed (HTTP 500)");
    }
}
