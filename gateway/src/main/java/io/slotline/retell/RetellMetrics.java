package io.slotline.retell;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.slotline.observability.BoundedTagValues;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * {@code slotline_retell_webhooks_total} (event, outcome) and {@code slotline_retell_signature_rejections_total}
 * (reason), names and tags fixed by CONTRACTS.md. Tag values come from requests, so they are bounded; every known
 * series exists from startup, so dashboards and alerts see zeros.
 */
@Component
class RetellMetrics {

    static final String RETELL_WEBHOOKS = "slotline.retell.webhooks";
    static final String SIGNATURE_REJECTIONS = "slotline.retell.signature.rejections";

    private static final List<String> EVENTS = List.of("call_started", "call_ended", "call_analyzed");
    private static final List<String> OUTCOMES = List.of("processed", "duplicate", "ignored", "rejected");
    private static final List<String> REASONS = List.of("missing", "malformed", "stale", "mismatch");

    private final MeterRegistry registry;
    private final BoundedTagValues webhookEvents = new BoundedTagValues(Set.copyOf(EVENTS), 10, "unknown");
    private final BoundedTagValues webhookOutcomes = new BoundedTagValues(Set.copyOf(OUTCOMES), 0, "unknown");
    private final BoundedTagValues signatureReasons = new BoundedTagValues(Set.copyOf(REASONS), 0, "unknown");

    RetellMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (String event : EVENTS) {
            for (String outcome : OUTCOMES) {
                webhookCounter(event, outcome);
            }
        }
        for (String reason : REASONS) {
            signatureCounter(reason);
        }
    }

    /**
     * @param event the Retell event, e.g. call_started, call_ended, call_analyzed
     * @param outcome processed, duplicate, ignored or rejected
     */
    void retellWebhook(@Nullable String event, String outcome) {
        webhookCounter(webhookEvents.tag(event), webhookOutcomes.tag(outcome)).increment();
    }

    /** @param reason missing, malformed, stale or mismatch */
    void signatureRejected(String reason) {
        signatureCounter(signatureReasons.tag(reason)).increment();
    }

    private Counter webhookCounter(String event, String outcome) {
        return Counter.builder(RETELL_WEBHOOKS)
                .description("Retell webhooks received")
                .tag("event", event)
                .tag("outcome", outcome)
                .register(registry);
    }

    private Counter signatureCounter(String reason) {
        return Counter.builder(SIGNATURE_REJECTIONS)
                .description("Requests refused because of the X-Retell-Signature header")
                .tag("reason", reason)
                .register(registry);
    }
}
