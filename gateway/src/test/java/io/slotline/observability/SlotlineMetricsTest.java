package io.slotline.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.slotline.observability.SlotlineMetrics.InvalidationSource;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SlotlineMetricsTest {

    private final MockClock meterClock = new MockClock();
    private final PrometheusMeterRegistry registry = registry(meterClock);
    private final SlotlineMetrics metrics = new SlotlineMetrics(registry);

    private void expect(String series, double value) {
        assertThat(Scrape.parse(registry.scrape()).value(series)).as(series).isEqualTo(value);
    }

    static PrometheusMeterRegistry registry(MockClock clock) {
        PrometheusMeterRegistry registry =
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT, new PrometheusRegistry(), clock);
        registry.config().meterFilter(SlotlineMeterFilters.distributions());
        return registry;
    }

    @Nested
    class Availability {

        @Test
        void cacheRefreshCoalescingPrefetchAndInvalidationsAreCounted() {
            metrics.cacheHit();
            metrics.cacheHit();
            metrics.cacheMiss();
            metrics.cacheStale();
            metrics.refresh();
            metrics.coalesced();
            metrics.coalesced();
            metrics.coalesced();
            metrics.prefetch();
            metrics.invalidation(InvalidationSource.OWN_BOOKING);
            metrics.invalidation(InvalidationSource.WEBHOOK);

            expect("slotline_availability_cache_total{result=\"hit\"}", 2.0);
            expect("slotline_availability_cache_total{result=\"miss\"}", 1.0);
            expect("slotline_availability_cache_total{result=\"stale\"}", 1.0);
            expect("slotline_availability_refreshes_total", 1.0);
            expect("slotline_availability_coalesced_total", 3.0);
            expect("slotline_availability_prefetches_total", 1.0);
            expect("slotline_availability_invalidations_total{source=\"own_booking\"}", 1.0);
            expect("slotline_availability_invalidations_total{source=\"webhook\"}", 1.0);
            expect("slotline_availability_invalidations_total{source=\"ttl\"}", 0.0);
        }
    }

    @Nested
    class CalcomRequests {

        /** The Cal.com client registers the timer; the buckets of the upstream SLO are this package's filter's. */
        @Test
        void haveTheUpstreamSloBuckets() {
            Timer.builder(SlotlineMeterFilters.CALCOM_REQUESTS)
                    .tag("account", "all")
                    .tag("endpoint", "slots")
                    .tag("status", "200")
                    .register(registry)
                    .record(Duration.ofMillis(300));

            String bucket =
                    "slotline_calcom_requests_seconds_bucket{account=\"all\",endpoint=\"slots\",status=\"200\",le=\"%s\"}";
            expect(bucket.formatted("0.25"), 0);
            expect(bucket.formatted("0.5"), 1);
            expect(bucket.formatted("1.0"), 1);
            expect(bucket.formatted("1.5"), 1);
            expect(bucket.formatted("2.5"), 1);
            expect(bucket.formatted("5.0"), 1);
            expect(bucket.formatted("+Inf"), 1);
        }
    }

    @Nested
    class CircuitBreakers {

        private final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();

        @Test
        void breakerStateIsPublishedUnderSlotlineNames() {
            CircuitBreaker breaker = breakers.circuitBreaker("calcom-demo");
            metrics.bindCircuitBreakers(breakers);

            breaker.transitionToOpenState();

            expect("slotline_calcom_circuitbreaker_state{name=\"calcom-demo\",state=\"open\"}", 1.0);
            expect("slotline_calcom_circuitbreaker_state{name=\"calcom-demo\",state=\"closed\"}", 0.0);
            assertThat(registry.scrape()).contains("slotline_calcom_circuitbreaker_failure_rate{name=\"calcom-demo\"}");
            assertThat(registry.scrape())
                    .contains("slotline_calcom_circuitbreaker_slow_call_rate{name=\"calcom-demo\"}");
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
            PrometheusMeterRegistry bounded = registry(new MockClock());
            bounded.config().meterFilter(SlotlineMeterFilters.boundedCircuitBreakers(3));
            SlotlineMetrics boundedMetrics = new SlotlineMetrics(bounded);
            boundedMetrics.bindCircuitBreakers(breakers);
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
            assertThat(bounded.find("slotline.calcom.circuitbreaker.failure.rate")
                            .gauges())
                    .hasSize(3);
            assertThat(bounded.find("slotline.calcom.circuitbreaker.calls").meters())
                    .isNotEmpty()
                    .allSatisfy(m -> assertThat(m.getId().getTag("name")).isIn("calcom-t1", "calcom-t2", "calcom-t3"));
            assertThat(bounded.getMeters().size())
                    .as("bounded, not 20 per account")
                    .isLessThan(registryWithout(40).getMeters().size() / 3);
        }

        private PrometheusMeterRegistry registryWithout(int accounts) {
            PrometheusMeterRegistry unbounded = registry(new MockClock());
            CircuitBreakerRegistry many = CircuitBreakerRegistry.ofDefaults();
            new SlotlineMetrics(unbounded).bindCircuitBreakers(many);
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

            assertThat(registry.get(SlotlineMetrics.CIRCUIT_BREAKER_TRANSITIONS)
                            .tags("name", "calcom-demo", "from", "closed", "to", "open")
                            .counter()
                            .count())
                    .isEqualTo(1.0);
        }
    }

    @Nested
    class Retell {

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
}
