package io.slotline.calcom;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.slotline.observability.PrometheusRegistries;
import io.slotline.observability.Scrape;
import io.slotline.observability.SlotlineMeterFilters;
import org.junit.jupiter.api.Test;

class CircuitBreakerMetricsTest {

    private final PrometheusMeterRegistry registry = PrometheusRegistries.withSlotlineDistributions(new MockClock());
    private final CircuitBreakerMetrics metrics = new CircuitBreakerMetrics(registry);
    private final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();

    private void expect(String series, double value) {
        assertThat(Scrape.parse(registry.scrape()).value(series)).as(series).isEqualTo(value);
    }

    @Test
    void breakerStateIsPublishedUnderSlotlineNames() {
        CircuitBreaker breaker = breakers.circuitBreaker("calcom-demo");
        metrics.bindCircuitBreakers(breakers);

        breaker.transitionToOpenState();

        expect("slotline_calcom_circuitbreaker_state{name=\"calcom-demo\",state=\"open\"}", 1.0);
        expect("slotline_calcom_circuitbreaker_state{name=\"calcom-demo\",state=\"closed\"}", 0.0);
        assertThat(registry.scrape()).contains("slotline_calcom_circuitbreaker_failure_rate{name=\"calcom-demo\"}");
        assertThat(registry.scrape()).contains("slotline_calcom_circuitbreaker_slow_call_rate{name=\"calcom-demo\"}");
        expect("slotline_calcom_circuitbreaker_calls_seconds_count{kind=\"successful\",name=\"calcom-demo\"}", 0.0);
        expect(
                "slotline_calcom_circuitbreaker_not_permitted_calls_total{kind=\"not_permitted\",name=\"calcom-demo\"}",
                0.0);
        assertThat(registry.scrape()).doesNotContain("resilience4j_");
    }

    @Test
    void transitionsAreCountedForBreakersCreatedBeforeAndAfterBinding() {
        CircuitBreaker early = breakers.circuitBreaker("calcom-early");
        metrics.bindCircuitBreakers(breakers);
        CircuitBreaker late = breakers.circuitBreaker("calcom-late");

        early.transitionToOpenState();
        early.transitionToHalfOpenState();
        early.transitionToClosedState();
        late.transitionToOpenState();

        expect(
                "slotline_calcom_circuitbreaker_transitions_total{from=\"closed\",name=\"calcom-early\",to=\"open\"}",
                1.0);
        expect(
                "slotline_calcom_circuitbreaker_transitions_total{from=\"open\",name=\"calcom-early\",to=\"half_open\"}",
                1.0);
        expect(
                "slotline_calcom_circuitbreaker_transitions_total{from=\"half_open\",name=\"calcom-early\",to=\"closed\"}",
                1.0);
        expect(
                "slotline_calcom_circuitbreaker_transitions_total{from=\"closed\",name=\"calcom-late\",to=\"open\"}",
                1.0);
        expect("slotline_calcom_circuitbreaker_state{name=\"calcom-late\",state=\"open\"}", 1.0);
    }

    @Test
    void manyAccountsKeepTheirStateButOnlyTheFirstOnesTheirDetail() {
        PrometheusMeterRegistry bounded = PrometheusRegistries.withSlotlineDistributions(new MockClock());
        bounded.config().meterFilter(SlotlineMeterFilters.boundedCircuitBreakers(3));
        new CircuitBreakerMetrics(bounded).bindCircuitBreakers(breakers);
        for (int i = 1; i <= 40; i++) {
            breakers.circuitBreaker("calcom-t" + i);
        }
        breakers.circuitBreaker("calcom-t40").transitionToOpenState();

        Scrape scrape = Scrape.parse(bounded.scrape());
        assertThat(scrape.value("slotline_calcom_circuitbreaker_state{name=\"calcom-t40\",state=\"open\"}"))
                .as("every account's breaker can still raise the alert")
                .isEqualTo(1.0);
        assertThat(scrape.value("slotline_calcom_circuitbreaker_state{name=\"calcom-t39\",state=\"closed\"}"))
                .isEqualTo(1.0);
        assertThat(bounded.find("slotline.calcom.circuitbreaker.state").gauges())
                .hasSize(40 * 3);
        assertThat(bounded.find("slotline.calcom.circuitbreaker.failure.rate").gauges())
                .hasSize(3);
        assertThat(bounded.find("slotline.calcom.circuitbreaker.calls").meters())
                .isNotEmpty()
                .allSatisfy(m -> assertThat(m.getId().getTag("name")).isIn("calcom-t1", "calcom-t2", "calcom-t3"));
        assertThat(bounded.getMeters().size())
                .as("bounded, not 20 per account")
                .isLessThan(registryWithout(40).getMeters().size() / 3);
    }

    private PrometheusMeterRegistry registryWithout(int accounts) {
        PrometheusMeterRegistry unbounded = PrometheusRegistries.withSlotlineDistributions(new MockClock());
        CircuitBreakerRegistry many = CircuitBreakerRegistry.ofDefaults();
        new CircuitBreakerMetrics(unbounded).bindCircuitBreakers(many);
        for (int i = 1; i <= accounts; i++) {
            many.circuitBreaker("calcom-t" + i);
        }
        return unbounded;
    }

    @Test
    void bindingTheSameRegistryTwiceDoesNotCountTransitionsTwice() {
        CircuitBreaker breaker = breakers.circuitBreaker("calcom-demo");
        metrics.bindCircuitBreakers(breakers);
        metrics.bindCircuitBreakers(breakers);

        breaker.transitionToOpenState();

        assertThat(registry.get(CircuitBreakerMetrics.CIRCUIT_BREAKER_TRANSITIONS)
                        .tags("name", "calcom-demo", "from", "closed", "to", "open")
                        .counter()
                        .count())
                .isEqualTo(1.0);
    }
}
