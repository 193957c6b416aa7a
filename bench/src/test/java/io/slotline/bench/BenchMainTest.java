package io.slotline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The whole CLI against loopback stand-ins: a short, compressed run (this checks plumbing, not speed). */
class BenchMainTest {

    @TempDir
    Path out;

    @Test
    void shortRunAgainstStandInsWritesMarkdownJsonAndCharts() throws Exception {
        try (FakeServers servers = new FakeServers()) {
            ByteArrayOutputStream stdout = new ByteArrayOutputStream();
            ByteArrayOutputStream stderr = new ByteArrayOutputStream();

            int exit = BenchMain.run(
                    new String[] {
                        "--gateway-url",
                        servers.gatewayUrl(),
                        "--sim-url",
                        servers.simulatorUrl(),
                        "--mode",
                        "cached",
                        "--calls-per-second",
                        "4",
                        "--warmup",
                        "1s",
                        "--duration",
                        "3s",
                        "--time-scale",
                        "0.01",
                        "--seed",
                        "7",
                        "--faults",
                        "0.02",
                        "--out",
                        out.toString()
                    },
                    new PrintStream(stdout, true, StandardCharsets.UTF_8),
                    new PrintStream(stderr, true, StandardCharsets.UTF_8));

            assertThat(exit).as(stderr.toString(StandardCharsets.UTF_8)).isZero();
            assertThat(servers.badSignatures.get()).isZero();
            assertThat(servers.simResets).singleElement().asString().contains("\"scenario\":\"demo\"");
            assertThat(servers.simConfigs).singleElement().asString().contains("\"errorRate\":0.02");
            assertThat(servers.requests("/retell/functions/check_availability")).isPositive();
            assertThat(servers.requests("/retell/inbound")).isEqualTo(servers.requests("/retell/webhook") / 3);

            JsonNode report = JsonMapper.shared().readTree(Files.readString(out.resolve("bench-report.json")));
            JsonNode run = report.path("runs").get(0);
            assertThat(run.path("mode").asString()).isEqualTo("cached");
            assertThat(run.path("callsUnfinished").asLong()).isZero();
            assertThat(run.path("callsStarted").asLong()).isEqualTo(servers.requests("/retell/inbound"));
            JsonNode first = run.path("functions").get(0);
            assertThat(first.path("name").asString()).isEqualTo("check_availability");
            assertThat(first.path("count").asLong()).isPositive();
            assertThat(first.path("errorRate").asDouble()).isZero();
            assertThat(run.at("/upstream/perCall/GET ~1v2~1slots").asDouble()).isPositive();
            assertThat(run.at("/gateway/cpuMaxPercent").asDouble()).isEqualTo(12.5);
            assertThat(run.at("/gateway/heapMaxMb").asDouble()).isEqualTo(100.0);
            assertThat(run.at("/cache/hits").asDouble()).isPositive();
            assertThat(run.at("/cache/coalesced").isNull()).isTrue();
            assertThat(run.at("/lifecycle/0/name").asString()).isEqualTo("call_inbound");

            String markdown = Files.readString(out.resolve("bench-report.md"));
            assertThat(markdown).contains("## Mode: cached", "| check_availability |", "## Against the old system");
            assertThat(stdout.toString(StandardCharsets.UTF_8)).contains("## Mode: cached");
            assertThat(out.resolve("latency-cached.png")).isNotEmptyFile();
            assertThat(out.resolve("latency-comparison.png")).isNotEmptyFile();
        }
    }

    @Test
    void badOptionsExitWithUsageHintNotAStackTrace() {
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();

        int exit = BenchMain.run(
                new String[] {"--mode", "sideways"}, System.out, new PrintStream(stderr, true, StandardCharsets.UTF_8));

        assertThat(exit).isEqualTo(2);
        assertThat(stderr.toString(StandardCharsets.UTF_8))
                .contains("--mode must be both, cached or naive")
                .doesNotContain("Exception");
    }

    @Test
    void missingGatewayJarIsReportedBeforeAnythingStarts() {
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();

        int exit = BenchMain.run(
                new String[] {"--gateway-jar", out.resolve("absent.jar").toString(), "--out", out.toString()},
                System.out,
                new PrintStream(stderr, true, StandardCharsets.UTF_8));

        assertThat(exit).isEqualTo(2);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("gateway jar not found", "--gateway-url");
        assertThat(out.resolve("bench-report.md")).doesNotExist();
    }
}
