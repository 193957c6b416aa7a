package io.slotline.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotline.bench.load.MetricSnapshot;
import io.slotline.bench.load.Outcome;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class FunctionStatsTest {

    /** 1 ms, 2 ms, ... 100 ms, recorded in microseconds as the bench records them. */
    private static Histogram oneToHundredMillis() {
        Histogram h = new Histogram(3);
        for (int ms = 1; ms <= 100; ms++) {
            h.recordValue(ms * 1000L);
        }
        return h;
    }

    @Test
    void percentilesOfAKnownHistogram() {
        MetricSnapshot snapshot = new MetricSnapshot(
                "check_availability",
                oneToHundredMillis(),
                Map.of(
                        Outcome.OK,
                        90L,
                        Outcome.NOT_OK,
                        6L,
                        Outcome.HTTP_ERROR,
                        2L,
                        Outcome.TIMEOUT,
                        1L,
                        Outcome.IO_ERROR,
                        1L));

        FunctionStats stats = FunctionStats.of(snapshot);

        assertThat(stats.count()).isEqualTo(100);
        assertThat(stats.p50Ms()).isEqualTo(50.0);
        assertThat(stats.p95Ms()).isEqualTo(95.0);
        assertThat(stats.p99Ms()).isEqualTo(99.0);
        assertThat(stats.p999Ms()).isEqualTo(100.0);
        assertThat(stats.maxMs()).isEqualTo(100.0);
        assertThat(stats.errorRate()).isEqualTo(0.04);
        assertThat(stats.notOkRate()).isEqualTo(0.06);
    }

    @Test
    void subMillisecondLatenciesKeepOneDecimal() {
        Histogram h = new Histogram(3);
        h.recordValue(340);
        h.recordValue(360);

        FunctionStats stats = FunctionStats.of(new MetricSnapshot("x", h, Map.of(Outcome.OK, 2L)));

        assertThat(stats.p50Ms()).isEqualTo(0.3);
        assertThat(stats.maxMs()).isEqualTo(0.4);
    }

    @Test
    void generatorLagAboveTenMillisecondsAtP99MeansItFellBehind() {
        Histogram ok = new Histogram(3);
        Histogram behind = new Histogram(3);
        for (int i = 0; i < 100; i++) {
            ok.recordValue(i < 99 ? 200 : 8_000);
            behind.recordValue(i < 98 ? 200 : 25_000);
        }

        assertThat(LagStats.of(ok).fellBehind()).isFalse();
        assertThat(LagStats.of(behind).fellBehind()).isTrue();
        assertThat(LagStats.of(behind).maxMs()).isEqualTo(25.0);
    }
}
