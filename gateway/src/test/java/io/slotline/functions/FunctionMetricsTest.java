package io.slotline.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.slotline.functions.FunctionMetrics.Outcome;
import io.slotline.observability.SlotlineMeterFilters;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FunctionMetricsTest {

    private final MockClock meterClock = new MockClock();
    private final PrometheusMeterRegistry registry = registry(meterClock);
    private final FunctionMetrics metrics = new FunctionMetrics(registry);

    private static PrometheusMeterRegistry registry(MockClock clock) {
        PrometheusMeterRegistry registry =
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT, new PrometheusRegistry(), clock);
        registry.config().meterFilter(SlotlineMeterFilters.distributions());
        return registry;
    }

    private void expect(String series, double value) {
        assertThat(scrapeValue(series)).as(series).isEqualTo(value);
    }

    /** The value of one series of the scrape, as rendered (name and labels), or null when absent. */
    private Double scrapeValue(String series) {
        for (String line : registry.scrape().split("\n")) {
            if (line.startsWith(series + " ")) {
                return Double.valueOf(line.substring(series.length() + 1).trim());
            }
        }
        return null;
    }

    @Test
    void everyFunctionAndOutcomeHasAZeroSeriesBeforeTheFirstCall() {
        for (String function : FunctionMetrics.FUNCTIONS) {
            for (Outcome outcome : Outcome.values()) {
                assertThat(scrapeValue("slotline_function_duration_seconds_count{function=\"" + function
                                + "\",outcome=\"" + outcome.tagValue() + "\"}"))
                        .isZero();
            }
        }
        assertThat(
                        scrapeValue(
                                "slotline_function_outcomes_total{function=\"book_appointment\",outcome=\"ok\",reason=\"none\"}"))
                .isZero();
    }

    @Test
    void durationIsAHistogramWithTheSloBucketsOfTheContract() {
        metrics.record("check_availability", Outcome.OK, Reason.NONE, Duration.ofMillis(120));

        String bucket =
                "slotline_function_duration_seconds_bucket{function=\"check_availability\",outcome=\"ok\",le=\"%s\"}";
        expect(bucket.formatted("0.05"), 0);
        expect(bucket.formatted("0.1"), 0);
        expect(bucket.formatted("0.25"), 1);
        expect(bucket.formatted("0.5"), 1);
        expect(bucket.formatted("1.0"), 1);
        expect(bucket.formatted("2.0"), 1);
        expect(bucket.formatted("+Inf"), 1);
        expect("slotline_function_duration_seconds_sum{function=\"check_availability\",outcome=\"ok\"}", 0.12);
    }

    @Test
    void percentilesAreComputedInProcess() {
        for (int i = 1; i <= 100; i++) {
            metrics.record("list_services", Outcome.OK, Reason.NONE, Duration.ofMillis(i));
        }

        Timer timer = registry.get(FunctionMetrics.FUNCTION_DURATION)
                .tags("function", "list_services", "outcome", "ok")
                .timer();
        double[] percentiles = Arrays.stream(timer.takeSnapshot().percentileValues())
                .mapToDouble(ValueAtPercentile::percentile)
                .toArray();

        assertThat(percentiles).containsExactly(0.5, 0.95, 0.99);
        assertThat(timer.takeSnapshot().percentileValues()[1].value(TimeUnit.MILLISECONDS))
                .isBetween(90.0, 100.0);
    }

    @Test
    void sampleMeasuresFromStartToRecord() {
        Timer.Sample sample = metrics.start();
        meterClock.add(Duration.ofMillis(340));

        Duration measured = metrics.record(sample, "book_appointment", Outcome.NOT_OK, Reason.SLOT_TAKEN);

        assertThat(measured).isEqualTo(Duration.ofMillis(340));
        Timer timer = registry.get(FunctionMetrics.FUNCTION_DURATION)
                .tags("function", "book_appointment", "outcome", "not_ok")
                .timer();
        assertThat(timer.count()).isEqualTo(1);
        assertThat(timer.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(340.0);
        assertThat(registry.get(FunctionMetrics.FUNCTION_OUTCOMES)
                        .tags("function", "book_appointment", "outcome", "not_ok", "reason", "slot_taken")
                        .counter()
                        .count())
                .isEqualTo(1.0);
    }

    @Test
    void outcomesRenderAsTheContractsTagValues() {
        metrics.record("book_appointment", Outcome.SERVER_ERROR, Reason.CALCOM_UNAVAILABLE, Duration.ofSeconds(1));
        metrics.record("book_appointment", Outcome.CLIENT_ERROR, Reason.INVALID_DATE, Duration.ofMillis(3));

        expect(
                "slotline_function_outcomes_total{function=\"book_appointment\",outcome=\"server_error\",reason=\"calcom_unavailable\"}",
                1.0);
        expect(
                "slotline_function_outcomes_total{function=\"book_appointment\",outcome=\"client_error\",reason=\"invalid_date\"}",
                1.0);
    }

    @Test
    void unknownFunctionNamesAreBoundedAndReasonsAreTheEnumsSoCallersCannotExplodeSeries() {
        for (int i = 0; i < 100; i++) {
            metrics.record("made_up_" + i, Outcome.CLIENT_ERROR, Reason.UNKNOWN_FUNCTION, Duration.ofMillis(1));
        }
        metrics.record("Robert'); DROP TABLE", Outcome.CLIENT_ERROR, Reason.UNKNOWN_FUNCTION, Duration.ofMillis(1));
        for (Reason reason : Reason.values()) {
            metrics.record("book_appointment", Outcome.NOT_OK, reason, Duration.ofMillis(1));
        }

        long functionTags = registry.find(FunctionMetrics.FUNCTION_DURATION).timers().stream()
                .map(timer -> timer.getId().getTag("function"))
                .distinct()
                .count();
        Set<String> reasonTags = registry.find(FunctionMetrics.FUNCTION_OUTCOMES).counters().stream()
                .map(counter -> counter.getId().getTag("reason"))
                .collect(Collectors.toSet());
        // functions: 11 known + 10 extra + "other", which the injection attempt is too
        assertThat(functionTags).isEqualTo(22);
        assertThat(registry.get(FunctionMetrics.FUNCTION_OUTCOMES)
                        .tags("function", "other", "reason", "unknown_function")
                        .counter()
                        .count())
                .isEqualTo(91.0);
        assertThat(reasonTags)
                .as("every reason is its own series, and nothing else is")
                .isEqualTo(Arrays.stream(Reason.values()).map(Reason::wire).collect(Collectors.toSet()));
    }
}
