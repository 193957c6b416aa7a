package io.slotline.bench.sut;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {

    private static final String SCRAPE = """
            # HELP slotline_availability_cache_total
            # TYPE slotline_availability_cache_total counter
            slotline_availability_cache_total{account="demo-salon",result="hit"} 120.0
            slotline_availability_cache_total{account="other-cuts",result="hit"} 30.0
            slotline_availability_cache_total{account="demo-salon",result="miss"} 25.0
            slotline_availability_cache_total_extra{result="hit"} 999.0
            slotline_availability_coalesced_total 7.0
            slotline_weird{note="a \\"quoted\\" } brace",result="hit"} 5.0
            """;

    @Test
    void sumsSamplesWhoseLabelsMatch() {
        assertThat(PrometheusText.sum(SCRAPE, "slotline_availability_cache_total", Map.of("result", "hit")))
                .hasValue(150.0);
        assertThat(PrometheusText.sum(SCRAPE, "slotline_availability_cache_total", Map.of("result", "miss")))
                .hasValue(25.0);
    }

    @Test
    void readsUnlabelledSamplesAndQuotedBraces() {
        assertThat(PrometheusText.sum(SCRAPE, "slotline_availability_coalesced_total", Map.of()))
                .hasValue(7.0);
        assertThat(PrometheusText.sum(SCRAPE, "slotline_weird", Map.of("result", "hit")))
                .hasValue(5.0);
    }

    @Test
    void absentMetricOrLabelIsEmpty() {
        assertThat(PrometheusText.sum(SCRAPE, "slotline_availability_cache_total", Map.of("result", "stale")))
                .isEmpty();
        assertThat(PrometheusText.sum(SCRAPE, "slotline_availability_prefetches_total", Map.of()))
                .isEmpty();
    }
}
