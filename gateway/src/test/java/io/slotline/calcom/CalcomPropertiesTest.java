package io.slotline.calcom;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class CalcomPropertiesTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(CalcomConfiguration.class)
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new);

    @Test
    void defaultsMatchCalcomsDocumentedVersionsAndVoiceFriendlyTimeouts() {
        context.run(ctx -> {
            CalcomProperties properties = ctx.getBean(CalcomProperties.class);
            assertThat(properties.baseUrl()).isEqualTo(URI.create("https://api.cal.com"));
            assertThat(properties.apiVersion(EndpointGroup.SLOTS)).isEqualTo("2024-09-04");
            assertThat(properties.apiVersion(EndpointGroup.BOOKINGS)).isEqualTo("2024-08-13");
            assertThat(properties.apiVersion(EndpointGroup.EVENT_TYPES)).isEqualTo("2024-06-14");
            assertThat(properties.connectTimeout()).isEqualTo(Duration.ofMillis(500));
            assertThat(properties.readTimeout(EndpointGroup.SLOTS)).isEqualTo(Duration.ofMillis(2500));
            assertThat(properties.readTimeout(EndpointGroup.BOOKINGS)).isEqualTo(Duration.ofSeconds(8));
            assertThat(properties.userAgent()).startsWith("Slotline");
            assertThat(ctx).hasSingleBean(HttpCalcomClient.class);
            assertThat(ctx).hasSingleBean(CalcomApi.class);
        });
    }

    @Test
    void givenGroupsOverrideOnlyThemselves() {
        context.withPropertyValues(
                        "slotline.calcom.base-url=http://localhost:8081",
                        "slotline.calcom.api-versions.bookings=2026-02-25",
                        "slotline.calcom.read-timeouts.slots=1s",
                        "slotline.calcom.read-timeouts.event-types=750ms",
                        "slotline.calcom.connect-timeout=250ms")
                .run(ctx -> {
                    CalcomProperties properties = ctx.getBean(CalcomProperties.class);
                    assertThat(properties.baseUrl()).isEqualTo(URI.create("http://localhost:8081"));
                    assertThat(properties.apiVersion(EndpointGroup.BOOKINGS)).isEqualTo("2026-02-25");
                    assertThat(properties.apiVersion(EndpointGroup.SLOTS)).isEqualTo("2024-09-04");
                    assertThat(properties.readTimeout(EndpointGroup.SLOTS)).isEqualTo(Duration.ofSeconds(1));
                    assertThat(properties.readTimeout(EndpointGroup.EVENT_TYPES))
                            .isEqualTo(Duration.ofMillis(750));
                    assertThat(properties.readTimeout(EndpointGroup.BOOKINGS)).isEqualTo(Duration.ofSeconds(8));
                    assertThat(properties.connectTimeout()).isEqualTo(Duration.ofMillis(250));
                });
    }

    @Test
    void misspelledGroupFailsStartup() {
        context.withPropertyValues("slotline.calcom.read-timeouts.slot=1s")
                .run(ctx -> assertThat(ctx)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("Unknown Cal.com endpoint group 'slot'"));
    }

    @Test
    void clientUsesTheApplicationClockAndTenantTagSetting() throws Exception {
        Instant fixed = Instant.parse("2050-01-01T00:00:00Z");
        try (StubCalcom stub = new StubCalcom()) {
            stub.respond(StubCalcom.Reply.json(200, CalcomSamples.SLOTS_EMPTY));
            context.withBean(Clock.class, () -> Clock.fixed(fixed, ZoneOffset.UTC))
                    .withPropertyValues(
                            "slotline.metrics.tenant-tags=false", "slotline.calcom.base-url=" + stub.baseUrl())
                    .run(ctx -> {
                        SlotsResult result = ctx.getBean(CalcomApi.class)
                                .slots(
                                        new CalcomAccount("salon", "cal_x"),
                                        SlotsQuery.of(
                                                EventTypeRef.id(1), fixed, fixed.plusSeconds(3600), ZoneOffset.UTC));

                        assertThat(result.fetchedAt()).isEqualTo(fixed);
                        assertThat(ctx.getBean(MeterRegistry.class)
                                        .get("slotline.calcom.requests")
                                        .tag("account", "all")
                                        .timer()
                                        .count())
                                .isEqualTo(1);
                    });
        }
    }
}
