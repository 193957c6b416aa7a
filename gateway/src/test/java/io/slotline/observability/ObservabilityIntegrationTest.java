package io.slotline.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:observability;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
            // Spring Boot tests switch metrics export off; the scrape is what this test is about.
            "management.prometheus.metrics.export.enabled=true",
            // as documented for scrapers without the admin token
            "slotline.operations.public-endpoints=health,prometheus",
            // Even at DEBUG, Spring MVC must not print request headers.
            "logging.level.org.springframework.web=DEBUG"
        })
@ActiveProfiles({"test", "json-logs"})
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityIntegrationTest {

    private static final String BEARER = "Bearer sk-live-4f8a1c2e";
    private static final String RETELL_SIGNATURE = "v=1714608475945,d=9c1b2a3f4e5d6c7b8a9f0e1d2c3b4a5f";
    private static final String CAL_SIGNATURE = "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8";

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry registry;

    @Autowired
    CircuitBreakerRegistry breakers;

    @TestConfiguration
    static class RoutesUsingTheLogContext {

        private static final Logger log = LoggerFactory.getLogger(RoutesUsingTheLogContext.class);

        @Bean
        RouterFunction<ServerResponse> testRoutes() {
            return RouterFunctions.route()
                    .POST("/test/function", request -> {
                        RequestLogContext.callId("call_abc123");
                        RequestLogContext.company("demo-salon");
                        RequestLogContext.function("check_availability");
                        log.info("checking availability for {}", Masking.phone("+4930120000"));
                        RequestLogContext.outcome("ok");
                        return ServerResponse.ok().body("{\"ok\":true}");
                    })
                    .GET("/test/boom", request -> {
                        throw new IllegalStateException("handler bug");
                    })
                    .GET("/test/plain", request -> {
                        log.info("plain request");
                        return ServerResponse.ok().body("plain");
                    })
                    .build();
        }
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode getJson(String path) throws IOException, InterruptedException {
        return json.readTree(get(path).body());
    }

    private static Set<String> componentNames(JsonNode health) {
        return health.path("components").propertyNames().stream().collect(Collectors.toSet());
    }

    @Test
    void readinessChecksTheDatabaseButNotCalcom() throws Exception {
        HttpResponse<String> readiness = get("/actuator/health/readiness");

        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(componentNames(json.readTree(readiness.body()))).containsExactlyInAnyOrder("readinessState", "db");
        assertThat(get("/readyz").statusCode()).isEqualTo(200);
    }

    @Test
    void livenessChecksOnlyTheLivenessState() throws Exception {
        assertThat(componentNames(getJson("/actuator/health/liveness"))).containsExactly("livenessState");
    }

    @Test
    void overallHealthShowsCalcomAndStaysUpWhenItsBreakerOpens() throws Exception {
        breakers.circuitBreaker("calcom-health-test").transitionToOpenState();
        try {
            JsonNode health = getJson("/actuator/health");

            assertThat(componentNames(health)).contains("calcom", "db").doesNotContain("redis");
            assertThat(health.path("components").path("calcom").path("status").asString())
                    .isEqualTo("UNKNOWN");
            assertThat(health.path("status").asString()).isEqualTo("UP");
            assertThat(getJson("/actuator/health/readiness").path("status").asString())
                    .isEqualTo("UP");
        } finally {
            breakers.circuitBreaker("calcom-health-test").transitionToClosedState();
        }
    }

    @Test
    void scrapeHasEveryMetricTheDashboardAndRulesRead() throws Exception {
        OpsArtifacts.exerciseEveryMetric(registry);
        breakers.circuitBreaker("calcom-scrape-test");
        assertThat(get("/test/plain").statusCode()).isEqualTo(200);

        HttpResponse<String> scrape = get("/actuator/prometheus");
        Set<String> exported = Scrape.parse(scrape.body()).names();

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(exported)
                .containsAll(OpsArtifacts.metricNames(
                        Stream.concat(OpsArtifacts.dashboardQueries().stream(), OpsArtifacts.ruleQueries().stream())));
        // The MeterFilter bean shaped the histogram, and the registry bean declared above was bound automatically.
        assertThat(scrape.body())
                .contains(
                        "slotline_function_duration_seconds_bucket{function=\"check_availability\",outcome=\"ok\",le=\"0.05\"}")
                .contains("slotline_calcom_circuitbreaker_state{name=\"calcom-scrape-test\",state=\"closed\"} 1");
    }

    @Test
    void everyLogLineOfARequestCarriesItsContextAsJsonAndNoHeaderValues(CapturedOutput output) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/test/function"))
                        .header("Authorization", BEARER)
                        .header("X-Retell-Signature", RETELL_SIGNATURE)
                        .header("X-Cal-Signature-256", CAL_SIGNATURE)
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"check_availability\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(get("/test/plain").statusCode()).isEqualTo(200);

        // The access line is written after the response went out, so it may trail the client by a moment.
        await().atMost(Duration.ofSeconds(10)).until(() -> output.getOut().contains("GET /test/plain -> 200"));
        List<JsonNode> lines = jsonLines(output.getOut());
        JsonNode handlerLine = withMessage(lines, "checking availability");
        JsonNode accessLine = withMessage(lines, "POST /test/function -> 200");
        JsonNode laterRequest = withMessage(lines, "GET /test/plain -> 200");

        assertThat(handlerLine.path("call_id").asString()).isEqualTo("call_abc123");
        assertThat(handlerLine.path("company").asString()).isEqualTo("demo-salon");
        assertThat(handlerLine.path("function").asString()).isEqualTo("check_availability");
        assertThat(handlerLine.path("message").asString()).endsWith("+49******00");
        assertThat(accessLine.path("call_id").asString()).isEqualTo("call_abc123");
        assertThat(accessLine.path("outcome").asString()).isEqualTo("ok");
        assertThat(laterRequest.has("call_id"))
                .as("context of the previous request leaked")
                .isFalse();
        assertThat(output.getAll())
                .doesNotContain("sk-live-4f8a1c2e")
                .doesNotContain("9c1b2a3f4e5d6c7b8a9f0e1d2c3b4a5f")
                .doesNotContain(CAL_SIGNATURE)
                .doesNotContain("+4930120000");
    }

    @Test
    void accessLineOfAFailedRequestSaysServerError(CapturedOutput output) throws Exception {
        assertThat(get("/test/boom").statusCode()).isEqualTo(500);

        await().atMost(Duration.ofSeconds(10)).until(() -> output.getOut().contains("GET /test/boom -> 500"));
    }

    private List<JsonNode> jsonLines(String out) {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (line.startsWith("{")) {
                lines.add(json.readTree(line));
            }
        }
        return lines;
    }

    private static JsonNode withMessage(List<JsonNode> lines, String text) {
        return lines.stream()
                .filter(line -> line.path("message").asString().contains(text))
                .reduce((first, second) -> second)
                .orElseThrow(
                        () -> new AssertionError("no JSON log line containing '" + text + "' among " + lines.size()));
    }
}
