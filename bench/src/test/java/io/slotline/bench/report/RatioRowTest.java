package io.slotline.bench.report;

import static io.slotline.bench.report.ReportFixtures.twoModes;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RatioRowTest {

    @Test
    void dividesNaiveByCachedPerPercentileRoundedToOneDecimal() {
        List<RatioRow> rows = twoModes().naiveOverCached();

        RatioRow check = rows.stream()
                .filter(r -> r.function().equals("check_availability"))
                .findFirst()
                .orElseThrow();
        assertThat(check.p50()).isEqualTo(100.0);
        assertThat(check.p95()).isEqualTo(100.0);
        assertThat(check.p99()).isEqualTo(5.0);
        assertThat(check.p999()).isEqualTo(2.0);
        assertThat(check.max()).isEqualTo(2.0);
    }

    @Test
    void missingSideOrZeroDenominatorGivesNoRatio() {
        List<RatioRow> rows = twoModes().naiveOverCached();

        RatioRow alternatives = rows.stream()
                .filter(r -> r.function().equals("get_alternatives"))
                .findFirst()
                .orElseThrow();
        RatioRow next = rows.stream()
                .filter(r -> r.function().equals("find_next_available"))
                .findFirst()
                .orElseThrow();
        assertThat(alternatives.p50()).isEqualTo(200.0);
        assertThat(alternatives.p999()).isNull();
        assertThat(next.p50()).isNull();
        assertThat(next.max()).isNull();
    }

    @Test
    void oneModeHasNoRatios() {
        BenchReport report = BenchReport.of(
                ReportFixtures.settings(),
                List.of(ReportFixtures.run("cached", List.of(), CacheStats.unavailable())),
                List.of());

        assertThat(report.naiveOverCached()).isEmpty();
    }
}
