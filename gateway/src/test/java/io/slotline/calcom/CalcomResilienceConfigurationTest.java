package io.slotline.calcom;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class CalcomResilienceConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(CalcomConfiguration.class, CalcomResilienceConfiguration.class)
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new);

    @Test
    void everyoneGetsTheResilientClientAndTheRegistryIsABean() {
        context.run(app -> {
            assertThat(app.getBean(CalcomApi.class)).isInstanceOf(ResilientCalcomApi.class);
            assertThat(app).hasSingleBean(HttpCalcomClient.class);
            CircuitBreakerRegistry registry = app.getBean(CircuitBreakerRegistry.class);
            app.getBean(ResilientCalcomApi.class).circuitBreaker("demo-salon");
            assertThat(registry.find("demo-salon")).isPresent();
            assertThat(registry.getDefaultConfig().getSlowCallDurationThreshold())
                    .isEqualTo(Duration.ofMillis(1500));
            assertThat(registry.getDefaultConfig().getMinimumNumberOfCalls()).isEqualTo(5);
        });
    }

    @Test
    void aSharedBudgetWithoutRedisIsAClearStartUpError() {
        context.withPropertyValues("slotline.calcom.resilience.budget.shared=true")
                .run(app -> {
                    assertThat(app).hasFailed();
                    assertThat(app.getStartupFailure())
                            .rootCause()
                            .hasMessageContaining("budget.shared=true needs Redis");
                });
    }

    @Test
    void settingsBind() {
        context.withPropertyValues(
                        "slotline.calcom.resilience.budget.requests-per-window=50",
                        "slotline.calcom.resilience.breaker.open-wait=5s",
                        "slotline.calcom.resilience.retry.enabled=false")
                .run(app -> {
                    CalcomResilienceProperties properties = app.getBean(CalcomResilienceProperties.class);
                    assertThat(properties.budget().requestsPerWindow()).isEqualTo(50);
                    assertThat(properties.budget().reserve()).isEqualTo(15);
                    assertThat(properties.breaker().openWait()).isEqualTo(Duration.ofSeconds(5));
                    assertThat(properties.retry().enabled()).isFalse();
                    assertThat(app.getBean(CircuitBreakerRegistry.class)
                                    .getDefaultConfig()
                                    .getWaitIntervalFunctionInOpenState()
                                    .apply(1))
                            .isEqualTo(5000L);
                });
    }
}
