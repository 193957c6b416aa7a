package io.slotline.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Operations' view of one scripted phone call: after it, {@code /actuator/prometheus} shows exactly what happened
 * (functions by outcome and reason, webhooks, Cal.com requests by endpoint, cache lookups, signature rejections),
 * and during it the call is in progress ({@code slotline_calls_active}).
 * Counters are compared before and after, so other tests sharing the context don't matter.
 */
@TestPropertySource(
        properties = {
            "management.prometheus.metrics.export.enabled=true",
            "slotline.operations.public-endpoints=health,prometheus"
        })
class ScriptedCallMetricsTest extends LiveCallTest {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    @Test
    void aScriptedCallShowsUpInThePrometheusScrapeWithExactCounts() {
        String before = scrape();
        Call call = salonCall();
        assertThat(value(before, "slotline_calls_active", Map.of()))
                .as("no call yet")
                .isZero();

        call.inbound();
        call.webhook("call_started");
        assertThat(value(scrape(), "slotline_calls_active", Map.of()))
                .as("during the call")
                .isEqualTo(1);
        Reply taken = call.function(
                "check_availability", Map.of("service", "Herrenhaarschnitt", "date", "morgen", "time", "14:00"));
        assertThat(taken.reason()).isEqualTo("slot_taken");
        var alternative = taken.json().path("alternatives").get(0);
        Map<String, String> slot = Map.of(
                "service",
                "Herrenhaarschnitt",
                "date",
                alternative.path("date").asString(),
                "time",
                alternative.path("time").asString());
        Reply free = call.function("check_availability", slot);
        assertThat(free.ok()).isTrue();
        Map<String, String> booking = new HashMap<>(slot);
        booking.put("customer_name", "Lea Busch");
        assertThat(call.function("book_appointment", booking, "tc_metrics_book").ok())
                .isTrue();
        assertThat(call.function("book_appointment", booking, "tc_metrics_book").ok())
                .isTrue();
        byte[] forged = "{\"event\":\"call_ended\",\"call\":{}}".getBytes(StandardCharsets.UTF_8);
        assertThat(send("/retell/webhook", forged, "v=" + CLOCK.millis() + ",d=" + "0".repeat(64))
                        .status())
                .isEqualTo(401);
        call.webhook("call_ended");

        String after = scrape();
        assertThat(delta(
                        before,
                        after,
                        "slotline_function_duration_seconds_count",
                        Map.of("function", "check_availability", "outcome", "not_ok")))
                .isEqualTo(1);
        assertThat(delta(
                        before,
                        after,
                        "slotline_function_duration_seconds_count",
                        Map.of("function", "check_availability", "outcome", "ok")))
                .isEqualTo(1);
        assertThat(delta(
                        before,
                        after,
                        "slotline_function_duration_seconds_count",
                        Map.of("function", "book_appointment", "outcome", "ok")))
                .isEqualTo(2);
        assertThat(delta(
                        before,
                        after,
                        "slotline_function_outcomes_total",
                        Map.of("function", "check_availability", "reason", "slot_taken")))
                .isEqualTo(1);
        assertThat(delta(
                        before,
                        after,
                        "slotline_function_duration_seconds_bucket",
                        Map.of("function", "book_appointment", "outcome", "ok", "le", "+Inf")))
                .isEqualTo(2);
        assertThat(value(
                        after,
                        "slotline_function_duration_seconds_bucket",
                        Map.of("function", "check_availability", "outcome", "ok", "le", "0.05")))
                .as("the 50 ms SLO bucket is exported")
                .isNotNull();

        assertThat(delta(
                        before,
                        after,
                        "slotline_retell_webhooks_total",
                        Map.of("event", "call_started", "outcome", "processed")))
                .isEqualTo(1);
        assertThat(delta(
                        before,
                        after,
                        "slotline_retell_webhooks_total",
                        Map.of("event", "call_ended", "outcome", "processed")))
                .isEqualTo(1);
        assertThat(delta(before, after, "slotline_retell_signature_rejections_total", Map.of("reason", "mismatch")))
                .isEqualTo(1);

        // the retried booking was replayed: Cal.com saw one create, and no reservation (holds are Slotline's own)
        assertThat(delta(
                        before,
                        after,
                        "slotline_calcom_requests_seconds_count",
                        Map.of("endpoint", "bookings_create", "status", "201")))
                .isEqualTo(1);
        assertThat(delta(
                        before,
                        after,
                        "slotline_calcom_requests_seconds_count",
                        Map.of("endpoint", "reservations_create")))
                .isZero();
        assertThat(delta(before, after, "slotline_availability_cache_total", Map.of("result", "hit"))
                        + delta(before, after, "slotline_availability_cache_total", Map.of("result", "miss")))
                .as("every availability lookup of a live function is counted")
                .isGreaterThanOrEqualTo(2);
        assertThat(value(after, "slotline_calls_active", Map.of()))
                .as("after the call")
                .isZero();
    }

    private String scrape() {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            return response.body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static double delta(String before, String after, String metric, Map<String, String> labels) {
        Double old = value(before, metric, labels);
        Double now = value(after, metric, labels);
        return (now == null ? 0 : now) - (old == null ? 0 : old);
    }

    /** Sum over every series of {@code metric} whose labels include {@code labels}; null when there is none. */
    private static Double value(String scrape, String metric, Map<String, String> labels) {
        Double sum = null;
        for (String line : List.of(scrape.split("\n"))) {
            Matcher sample = SAMPLE.matcher(line.trim());
            if (!sample.matches() || !sample.group(1).equals(metric)) {
                continue;
            }
            Map<String, String> seriesLabels = new HashMap<>();
            if (sample.group(3) != null) {
                Matcher label = LABEL.matcher(sample.group(3));
                while (label.find()) {
                    seriesLabels.put(label.group(1), label.group(2));
                }
            }
            if (seriesLabels.entrySet().containsAll(labels.entrySet())) {
                sum = (sum == null ? 0 : sum) + Double.parseDouble(sample.group(4));
            }
        }
        return sum;
    }
}
