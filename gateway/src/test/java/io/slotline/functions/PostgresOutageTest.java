package io.slotline.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.slotline.sim.CalcomSimulator;
import io.slotline.sim.SimOptions;
import io.slotline.support.GatewayInstance;
import io.slotline.support.GatewayInstance.Reply;
import io.slotline.support.GatewayInstance.RetellTestCall;
import io.slotline.support.MutableClock;
import io.slotline.support.TestPostgresCluster;
import io.slotline.tenancy.TenantImporter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 12, "PostgreSQL restarts": a gateway on a PostgreSQL of the test's own, which crashes and comes back. While
 * it is away every function answers with something the agent can say, never a 5xx: availability from memory and
 * Cal.com, changes refused politely before anything is done (nothing booked in Cal.com). Readiness stays UP with the
 * database shown as DEGRADED. When it is back the gateway works again without a restart, and nothing written before
 * is missing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresOutageTest {

    private static final int POSTGRES_PORT = 15440;
    private static final Instant MONDAY_0800_BERLIN = Instant.parse("2026-11-16T07:00:00Z");
    private static final String SALON_NUMBER = "+4930120000";
    /** Well inside Retell's 10 s tool timeout. */
    private static final Duration ANSWER_BOUND = Duration.ofSeconds(5);

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final MutableClock clock = new MutableClock(MONDAY_0800_BERLIN);
    private TestPostgresCluster postgres;
    private String url;
    private CalcomSimulator simulator;
    private GatewayInstance gateway;

    @BeforeAll
    void start() {
        postgres = TestPostgresCluster.start(POSTGRES_PORT);
        url = postgres.createDatabase("slotline");
        simulator = CalcomSimulator.start(SimOptions.defaults().withFixedNow(MONDAY_0800_BERLIN));
        gateway = GatewayInstance.start(
                clock,
                List.of("postgres"),
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + TestPostgresCluster.USER,
                "--spring.datasource.password=",
                "--slotline.calcom.base-url=" + simulator.baseUrl(),
                "--slotline.calcom.resilience.budget.requests-per-window=1000000",
                "--management.endpoint.health.show-details=always",
                "--slotline.housekeeping.enabled=false");
        gateway.bean(TenantImporter.class).apply(new ClassPathResource("demo/demo-salon.yaml"));
    }

    @AfterAll
    void stop() {
        for (AutoCloseable resource : new AutoCloseable[] {gateway, simulator, postgres}) {
            try {
                if (resource != null) {
                    resource.close();
                }
            } catch (Exception e) {
                System.err.println("closing " + resource + ": " + e.getMessage());
            }
        }
    }

    @Test
    void whileTheDatabaseIsAwayCallsAreAnsweredAndChangesRefusedAndAfterwardsNothingIsMissing() throws Exception {
        RetellTestCall before = RetellTestCall.to(SALON_NUMBER, "key_demo");
        Reply booked = gateway.function(
                before,
                "book_appointment",
                Map.of(
                        "service",
                        "Herrenhaarschnitt",
                        "date",
                        "2026-11-17",
                        "time",
                        "10:00",
                        "customer_name",
                        "Paula Vorher"));
        assertThat(booked.ok()).as(booked.body()).isTrue();
        String bookedUid = booked.json().path("appointment").path("booking_uid").asString();
        // what the callers during the outage ask about is in memory, as the ringing phone's warm-up leaves it
        RetellTestCall warmUp = RetellTestCall.to(SALON_NUMBER, "key_demo");
        gateway.function(
                warmUp,
                "get_alternatives",
                Map.of("service", "Damenhaarschnitt", "date", "übermorgen", "time", "15 Uhr"));
        gateway.function(warmUp, "find_next_available", Map.of("service", "Färben"));

        postgres.stop(TestPostgresCluster.StopMode.IMMEDIATE);

        RetellTestCall during = RetellTestCall.to(SALON_NUMBER, "key_demo");
        Reply inbound = gateway.inbound(during);
        assertThat(inbound.status()).as(inbound.body()).isEqualTo(200);
        assertThat(inbound.json()
                        .path("call_inbound")
                        .path("dynamic_variables")
                        .path("company_name")
                        .asString())
                .isEqualTo("Demo Salon");
        Reply alternatives = answered(gateway.function(
                during,
                "get_alternatives",
                Map.of("service", "Damenhaarschnitt", "date", "übermorgen", "time", "15 Uhr")));
        Reply next = answered(gateway.function(during, "find_next_available", Map.of("service", "Färben")));
        Reply services = answered(gateway.function(during, "list_services", Map.of()));
        Reply check = answered(gateway.function(
                during,
                "check_availability",
                Map.of("service", "Herrenhaarschnitt", "date", "2026-11-18", "time", "11:00")));
        Reply refused = answered(gateway.function(
                during,
                "book_appointment",
                Map.of(
                        "service",
                        "Herrenhaarschnitt",
                        "date",
                        "2026-11-18",
                        "time",
                        "11:30",
                        "customer_name",
                        "Paula Waehrend")));
        Reply appointments = answered(gateway.function(during, "get_appointments", Map.of()));

        assertThat(services.ok()).as(services.body()).isTrue();
        assertThat(alternatives.ok()).as(alternatives.body()).isTrue();
        assertThat(alternatives.json().path("alternatives").size()).isPositive();
        assertThat(next.ok()).as(next.body()).isTrue();
        assertThat(refused.ok()).isFalse();
        assertThat(refused.reason()).isEqualTo("temporarily_unavailable");
        assertThat(refused.message()).contains("nicht in unserem System festhalten");
        assertThat(simBookingsOf(during.from()))
                .as("nothing booked that could not be recorded")
                .isEmpty();
        for (Reply reply : List.of(check, appointments)) {
            assertThat(reply.ok() || "temporarily_unavailable".equals(reply.reason()))
                    .as(reply.body())
                    .isTrue();
        }
        Reply readiness = gateway.get("/actuator/health/readiness");
        assertThat(readiness.status()).as(readiness.body()).isEqualTo(200);
        assertThat(readiness.json().path("status").asString()).isEqualTo("UP");
        assertThat(readiness.json().path("components").path("db").path("status").asString())
                .isEqualTo("DEGRADED");

        postgres.restart();

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(gateway.get("/actuator/health/readiness")
                                .json()
                                .path("components")
                                .path("db")
                                .path("status")
                                .asString())
                        .isEqualTo("UP"));
        Reply bookedAfter = gateway.function(
                during,
                "book_appointment",
                Map.of(
                        "service",
                        "Herrenhaarschnitt",
                        "date",
                        "2026-11-18",
                        "time",
                        "11:30",
                        "customer_name",
                        "Paula Waehrend"));
        assertThat(bookedAfter.ok()).as(bookedAfter.body()).isTrue();
        assertThat(simBookingsOf(during.from())).hasSize(1);
        assertThat(appointmentsWithUid(bookedUid)).as("booked before the crash").isEqualTo(1);
        assertThat(appointmentsWithUid(bookedAfter
                        .json()
                        .path("appointment")
                        .path("booking_uid")
                        .asString()))
                .isEqualTo(1);
        assertThat(callRows(before.id())).isEqualTo(1);
        assertThat(callRows(during.id())).isEqualTo(1);
    }

    private static Reply answered(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.took()).as(reply.body()).isLessThan(ANSWER_BOUND);
        assertThat(reply.message()).as(reply.body()).isNotBlank();
        return reply;
    }

    private long appointmentsWithUid(String uid) throws SQLException {
        return count("SELECT COUNT(*) FROM appointments WHERE calcom_booking_uid = ?", uid);
    }

    private long callRows(String retellCallId) throws SQLException {
        return count("SELECT COUNT(*) FROM calls WHERE retell_call_id = ?", retellCallId);
    }

    private long count(String sql, String parameter) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, TestPostgresCluster.USER, "");
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private List<JsonNode> simBookingsOf(String phone) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/_sim/bookings?apiKey=cal_demo"))
                .build();
        try {
            List<JsonNode> bookings = new ArrayList<>();
            JSON.readTree(HTTP.send(request, HttpResponse.BodyHandlers.ofString())
                            .body())
                    .path("data")
                    .forEach(booking -> {
                        if (booking.path("attendees")
                                .path(0)
                                .path("phoneNumber")
                                .asString("")
                                .equals(phone)) {
                            bookings.add(booking);
                        }
                    });
            return bookings;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
