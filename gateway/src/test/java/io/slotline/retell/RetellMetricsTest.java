package io.slotline.retell;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MockClock;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.slotline.observability.PrometheusRegistries;
import io.slotline.observability.Scrape;
import org.junit.jupiter.api.Test;

class RetellMetricsTest {

    private final PrometheusMeterRegistry registry = PrometheusRegistries.withSlotlineDistributions(new MockClock());
    private final RetellMetrics metrics = new RetellMetrics(registry);

    private void expect(String series, double value) {
        assertThat(Scrape.parse(registry.scrape()).value(series)).as(series).isEqualTo(value);
    }

    @Test
    void webhooksAndSignatureRejectionsHaveZeroSeriesAndBoundedTags() {
        expect("slotline_retell_webhooks_total{event=\"call_analyzed\",outcome=\"duplicate\"}", 0.0);
        expect("slotline_retell_signature_rejections_total{reason=\"stale\"}", 0.0);

        metrics.retellWebhook("call_ended", "processed");
        metrics.retellWebhook("call_ended", "exploded");
        metrics.signatureRejected("mismatch");
        metrics.signatureRejected("because I said so");

        expect("slotline_retell_webhooks_total{event=\"call_ended\",outcome=\"processed\"}", 1.0);
        expect("slotline_retell_webhooks_total{event=\"call_ended\",outcome=\"other\"}", 1.0);
        expect("slotline_retell_signature_rejections_total{reason=\"mismatch\"}", 1.0);
        expect("slotline_retell_signature_rejections_total{reason=\"other\"}", 1.0);
    }
}
