package io.slotline.sim;

import static io.slotline.sim.SimHttp.bookings;
import static io.slotline.sim.SimHttp.slots;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import tools.jackson.databind.JsonNode;

class EmbeddingTest {

    private static final Instant NOW = Instant.parse("2026-03-25T08:00:00Z");

    @Test
    void twoSimulatorsRunSideBySideWithTheirOwnData() {
        try (CalcomSimulator a = CalcomSimulator.start(SimOptions.defaults().withFixedNow(NOW));
                CalcomSimulator b = CalcomSimulator.start(SimOptions.defaults().withFixedNow(NOW))) {
            SimHttp httpA = new SimHttp(a.baseUrl());
            SimHttp httpB = new SimHttp(b.baseUrl());

            String free = httpA.get(
                            "/v2/slots?eventTypeSlug=herrenhaarschnitt-stylist&username=anna-demo"
                                    + "&start=2026-03-30&end=2026-03-30",
                            slots())
                    .json()
                    .at("/data/2026-03-30/0/start")
                    .asString();
            SimHttp.Response booked = httpA.post("/v2/bookings", """
                    {"start": "%s", "eventTypeSlug": "herrenhaarschnitt-stylist", "username": "anna-demo",
                     "attendee": {"name": "Max", "email": "max@example.com", "timeZone": "Europe/Berlin"}}
                    """.formatted(free), bookings("cal_demo"));
            String uid = booked.json().at("/data/uid").asString();

            assertThat(a.port()).isNotEqualTo(b.port()).isPositive();
            assertThat(a.baseUrl()).isEqualTo("http://localhost:" + a.port());
            assertThat(booked.status()).isEqualTo(201);
            assertThat(httpA.get("/v2/bookings/" + uid, bookings(null)).status())
                    .isEqualTo(200);
            assertThat(httpB.get("/v2/bookings/" + uid, bookings(null)).status())
                    .isEqualTo(404);
            assertThat(httpB.get("/_sim/stats")
                            .json()
                            .at("/endpoints/POST ~1v2~1bookings")
                            .isMissingNode())
                    .isTrue();
            assertThat(a.now()).isEqualTo(NOW);
        }
    }

    @Test
    void theEmbeddingJvmsSystemPropertiesDoNotLeakIn() {
        System.setProperty("server.servlet.context-path", "/leaked");
        System.setProperty("calcom-sim.scenario", "empty");
        try (CalcomSimulator sim = CalcomSimulator.start(SimOptions.defaults().withFixedNow(NOW))) {
            SimHttp.Response response = new SimHttp(sim.baseUrl())
                    .get("/v2/slots?eventTypeId=1001&start=2026-03-26&end=2026-03-26", slots());

            assertThat(response.status()).isEqualTo(200);
            JsonNode data = response.json().get("data");
            assertThat(data.has("2026-03-26")).isTrue();
        } finally {
            System.clearProperty("server.servlet.context-path");
            System.clearProperty("calcom-sim.scenario");
        }
    }

    @Test
    void noSimulatorClassIsAComponentOrConfigurationPropertiesForAHostsClasspathScan() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(true);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));

        assertThat(scanner.findCandidateComponents("io.slotline.sim")).isEmpty();
    }

    @Test
    void startOptionsConfigureScenarioAndBehaviour() {
        SimOptions options = SimOptions.defaults()
                .withScenario("empty")
                .withFixedNow(NOW)
                .withConfig(io.slotline.sim.config.SimConfig.defaults()
                        .withRateLimit(io.slotline.sim.config.RateLimitSettings.defaults()
                                .withLimit(5)));
        try (CalcomSimulator sim = CalcomSimulator.start(options)) {
            SimHttp simHttp = new SimHttp(sim.baseUrl());

            assertThat(simHttp.get("/_sim").json().get("scenario").asString()).isEqualTo("empty");
            assertThat(simHttp.get("/_sim/config").json().at("/rateLimit/limit").asInt())
                    .isEqualTo(5);
            assertThat(simHttp.get("/_sim/clock").json().get("mode").asString()).isEqualTo("fixed");
        }
    }
}
