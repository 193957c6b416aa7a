package io.slotline.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.slotline.availability.AvailabilityService;
import io.slotline.availability.CalendarRef;
import io.slotline.availability.FreeSlot;
import io.slotline.availability.SlotRequest;
import io.slotline.booking.Calendars;
import io.slotline.sim.CalcomSimulator;
import io.slotline.sim.SimOptions;
import io.slotline.support.GatewayInstance;
import io.slotline.support.GatewayInstance.Reply;
import io.slotline.support.GatewayInstance.RetellTestCall;
import io.slotline.support.MutableClock;
import io.slotline.support.RequiresPostgres;
import io.slotline.support.TestDatabases;
import io.slotline.support.TestRedisServer;
import io.slotline.tenancy.Company;
import io.slotline.tenancy.Service;
import io.slotline.tenancy.Staff;
import io.slotline.tenancy.TenantDirectory;
import io.slotline.tenancy.TenantImporter;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 12, observation 2: two gateway instances (PostgreSQL, availability store and Cal.com budget shared in Redis)
 * with a Redis of the test's own that is stopped, restarted, frozen and thawed. Without Redis, every function on
 * both instances answers as usual from each instance's memory and Cal.com, readiness stays UP with Redis shown as
 * DEGRADED; when Redis is back, sharing resumes by itself and no instance serves a day that changed meanwhile.
 */
@RequiresPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedisOutageTest {

    private static final int REDIS_PORT = 16390;
    private static final Instant MONDAY_0800_BERLIN = Instant.parse("2026-11-16T07:00:00Z");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final String SALON_NUMBER = "+4930120000";
    /** Well inside Retell's 10 s tool timeout; the failure being fixed was no answer within 10 s. */
    private static final Duration ANSWER_BOUND = Duration.ofSeconds(5);

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final MutableClock clock = new MutableClock(MONDAY_0800_BERLIN);
    private final String prefix = "slotline-outage-" + UUID.randomUUID();
    private TestRedisServer redis;
    private CalcomSimulator simulator;
    private GatewayInstance first;
    private GatewayInstance second;
    private RedisClient admin;

    @BeforeAll
    void start() {
        redis = TestRedisServer.start(REDIS_PORT);
        simulator = CalcomSimulator.start(SimOptions.defaults().withFixedNow(MONDAY_0800_BERLIN));
        first = instance();
        second = instance();
        first.bean(TenantImporter.class).apply(new ClassPathResource("demo/demo-salon.yaml"));
        admin = RedisClient.create(RedisURI.create(redis.host(), REDIS_PORT));
    }

    private GatewayInstance instance() {
        return GatewayInstance.start(
                clock,
                List.of("postgres"),
                "--spring.datasource.url=" + TestDatabases.postgresUrl(),
                "--spring.datasource.username=" + TestDatabases.POSTGRES_USER,
                "--spring.datasource.password=" + TestDatabases.POSTGRES_PASSWORD,
                "--slotline.calcom.base-url=" + simulator.baseUrl(),
                // the clock stands still: a per-minute budget would never refill
                "--slotline.calcom.resilience.budget.requests-per-window=1000000",
                "--slotline.calcom.resilience.budget.shared=true",
                "--slotline.availability.store=redis",
                "--slotline.redis.enabled=true",
                "--spring.data.redis.host=" + redis.host(),
                "--spring.data.redis.port=" + REDIS_PORT,
                "--slotline.availability.redis.key-prefix=" + prefix + ":availability",
                "--slotline.redis.prefix=" + prefix,
                "--management.endpoint.health.show-details=always",
                "--slotline.housekeeping.enabled=false");
    }

    @AfterAll
    void stop() {
        for (AutoCloseable resource : new AutoCloseable[] {first, second, simulator, redis}) {
            try {
                if (resource != null) {
                    resource.close();
                }
            } catch (Exception e) {
                System.err.println("closing " + resource + ": " + e.getMessage());
            }
        }
        if (admin != null) {
            admin.shutdown();
        }
    }

    @Test
    void withRedisStoppedBothInstancesAnswerAndStayReadyAndAfterTheRestartNoChangedDayIsServed() {
        LocalDate tuesday = LocalDate.of(2026, 11, 17);
        Instant annasTime = freeStartsOf("anna-demo", tuesday).get(2);
        CalendarRef anna = calendar("Herrenhaarschnitt", "Anna");
        assertThat(freeSlots(second, anna, tuesday)).contains(annasTime);
        assertThat(freeSlots(first, anna, tuesday)).contains(annasTime);

        redis.stop();

        answerAsUsual(first);
        answerAsUsual(second);
        readyWithRedisDegraded(first);
        readyWithRedisDegraded(second);
        // the first instance books Anna; the second can't hear of it while Redis is away
        book(first, annasTime, "Anna");

        redis.restart();

        awaitRedisUsedAgain();
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () -> assertThat(freeSlots(second, anna, tuesday)).doesNotContain(annasTime));
        sharingResumes(LocalDate.of(2026, 12, 14));
    }

    /**
     * The instance that booked is gone before Redis answers again, and with it the invalidation it could not
     * publish: the other instance must still neither serve the day from its memory nor take it from Redis, which
     * kept the day as it was before the booking.
     */
    @Test
    void withRedisHangingBothInstancesAnswerAndAfterwardsNoChangedDayIsServedFromRedis() {
        LocalDate wednesday = LocalDate.of(2026, 11, 18);
        Instant annasTime = freeStartsOf("anna-demo", wednesday).get(3);
        CalendarRef anna = calendar("Herrenhaarschnitt", "Anna");
        assertThat(freeSlots(first, anna, wednesday)).contains(annasTime);
        assertThat(freeSlots(second, anna, wednesday)).contains(annasTime);
        // Redis holds the day as it was before the booking, and keeps it through the freeze
        try (StatefulRedisConnection<String, String> connection = admin.connect()) {
            assertThat(connection
                            .sync()
                            .keys(prefix + ":availability:*:day:" + anna.key() + ":30:Europe/Berlin:" + wednesday))
                    .hasSize(1);
        }

        redis.freeze();

        answerAsUsual(first);
        answerAsUsual(second);
        readyWithRedisDegraded(first);
        readyWithRedisDegraded(second);
        book(first, annasTime, "Anna");
        first.close();

        redis.thaw();

        await().atMost(Duration.ofSeconds(15))
                .until(() -> second.bean(RedisGuard.class).available());
        assertThat(freeSlots(second, anna, wednesday)).doesNotContain(annasTime);
        first = instance();
        assertThat(freeSlots(first, anna, wednesday)).doesNotContain(annasTime);
        awaitRedisUsedAgain();
        sharingResumes(LocalDate.of(2026, 12, 21));
    }

    // ---- what every phone call needs, without Redis

    private void answerAsUsual(GatewayInstance instance) {
        RetellTestCall call = RetellTestCall.to(SALON_NUMBER, "key_demo");
        List<Reply> replies = new ArrayList<>();
        replies.add(instance.webhook(call, "call_started"));
        replies.add(instance.function(
                call,
                "check_availability",
                Map.of("service", "Damenhaarschnitt", "date", "Freitag", "time", "16 Uhr")));
        replies.add(instance.function(
                call,
                "get_alternatives",
                Map.of("service", "Damenhaarschnitt", "date", "übermorgen", "time", "15 Uhr")));
        replies.add(instance.function(call, "find_next_available", Map.of("service", "Färben", "staff", "Ben")));
        replies.add(instance.function(call, "list_services", Map.of()));
        replies.add(instance.function(call, "get_appointments", Map.of()));
        for (Reply reply : replies) {
            assertThat(reply.status()).as(reply.body()).isBetween(200, 204);
            assertThat(reply.took()).as(reply.body()).isLessThan(ANSWER_BOUND);
            if (reply.status() == 200) {
                assertThat(reply.message()).as(reply.body()).isNotBlank();
                assertThat(reply.reason()).as(reply.body()).isNotEqualTo("calcom_unavailable");
            }
        }
    }

    private void book(GatewayInstance instance, Instant start, String staff) {
        RetellTestCall call = RetellTestCall.to(SALON_NUMBER, "key_demo");
        Reply booked = instance.function(
                call,
                "book_appointment",
                Map.of(
                        "service",
                        "Herrenhaarschnitt",
                        "date",
                        start.atZone(BERLIN).toLocalDate().toString(),
                        "time",
                        start.atZone(BERLIN).toLocalTime().format(DateTimeFormatter.ofPattern("HH:mm")),
                        "staff",
                        staff,
                        "customer_name",
                        "Mia Outage"));
        assertThat(booked.status()).isEqualTo(200);
        assertThat(booked.took()).isLessThan(ANSWER_BOUND);
        assertThat(booked.ok()).as(booked.body()).isTrue();
        assertThat(freeStartsOf("anna-demo", start.atZone(BERLIN).toLocalDate()))
                .doesNotContain(start);
    }

    private static void readyWithRedisDegraded(GatewayInstance instance) {
        Reply readiness = instance.get("/actuator/health/readiness");
        assertThat(readiness.status()).as(readiness.body()).isEqualTo(200);
        JsonNode health = readiness.json();
        assertThat(health.path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("redis").path("status").asString())
                .isEqualTo("DEGRADED");
        assertThat(health.path("components").path("db").path("status").asString())
                .isEqualTo("UP");
    }

    private void awaitRedisUsedAgain() {
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            for (GatewayInstance instance : List.of(first, second)) {
                Reply readiness = instance.get("/actuator/health/readiness");
                assertThat(readiness
                                .json()
                                .path("components")
                                .path("redis")
                                .path("status")
                                .asString())
                        .isEqualTo("UP");
                assertThat(instance.bean(RedisGuard.class).available()).isTrue();
            }
        });
    }

    /** One instance fetches a range, the other gets it from Redis; the Cal.com budget is shared again. */
    private void sharingResumes(LocalDate from) {
        CalendarRef colouring = calendar("Färben", null);
        LocalDate to = from.plusDays(6);
        long before = slotsRequests();
        Map<LocalDate, List<FreeSlot>> fetched = first.bean(AvailabilityService.class)
                .freeSlots(request(colouring, from, to))
                .days();
        Map<LocalDate, List<FreeSlot>> shared = second.bean(AvailabilityService.class)
                .freeSlots(request(colouring, from, to))
                .days();
        assertThat(shared).isEqualTo(fetched);
        assertThat(slotsRequests() - before)
                .as("the second instance asked Redis, not Cal.com")
                .isEqualTo(1);
        try (StatefulRedisConnection<String, String> connection = admin.connect()) {
            assertThat(connection.sync().keys(prefix + ":calcom-budget:*")).isNotEmpty();
        }
    }

    // ---- helpers

    private CalendarRef calendar(String serviceName, String staffName) {
        TenantDirectory tenants = first.bean(TenantDirectory.class);
        Company salon = tenants.companyBySlug("demo-salon").orElseThrow();
        Service service = tenants.activeServices(salon.id()).stream()
                .filter(candidate -> candidate.name().equals(serviceName))
                .findFirst()
                .orElseThrow();
        Staff staff = staffName == null
                ? null
                : tenants.staffForService(salon.id(), service.id()).stream()
                        .filter(candidate -> candidate.name().equals(staffName))
                        .findFirst()
                        .orElseThrow();
        return first.bean(Calendars.class).of(salon, service, staff);
    }

    private SlotRequest request(CalendarRef calendar, LocalDate from, LocalDate to) {
        return new SlotRequest(
                calendar,
                BERLIN,
                from,
                to,
                SlotRequest.Priority.LIVE,
                clock.instant().plusSeconds(5));
    }

    private List<Instant> freeSlots(GatewayInstance instance, CalendarRef calendar, LocalDate day) {
        return instance
                .bean(AvailabilityService.class)
                .freeSlots(request(calendar, day, day))
                .days()
                .getOrDefault(day, List.of())
                .stream()
                .map(FreeSlot::start)
                .toList();
    }

    private long slotsRequests() {
        JsonNode counts = sim("/_sim/stats").path("endpoints").path("GET /v2/slots");
        long total = 0;
        for (JsonNode count : counts) {
            total += count.asLong();
        }
        return total;
    }

    /** What Cal.com (the simulator) offers for one host on one day, asked directly. */
    private List<Instant> freeStartsOf(String username, LocalDate day) {
        Instant start = day.atStartOfDay(BERLIN).toInstant();
        Instant end = day.plusDays(1).atStartOfDay(BERLIN).toInstant().minusSeconds(1);
        HttpRequest request = HttpRequest.newBuilder(URI.create(simulator.baseUrl()
                        + "/v2/slots?eventTypeSlug=herrenhaarschnitt-stylist&username=" + username + "&start=" + start
                        + "&end=" + end + "&timeZone=" + URLEncoder.encode(BERLIN.getId(), StandardCharsets.UTF_8)))
                .header("cal-api-version", "2024-09-04")
                .header("Authorization", "Bearer cal_demo")
                .build();
        List<Instant> starts = new ArrayList<>();
        send(request)
                .path("data")
                .path(day.toString())
                .forEach(slot -> starts.add(
                        OffsetDateTime.parse(slot.path("start").asString()).toInstant()));
        assertThat(starts).as("free times of " + username + " on " + day).hasSizeGreaterThan(3);
        assertThat(starts.get(0).atZone(BERLIN).toLocalTime()).isAfter(LocalTime.of(6, 0));
        return starts;
    }

    private JsonNode sim(String path) {
        return send(
                HttpRequest.newBuilder(URI.create(simulator.baseUrl() + path)).build());
    }

    private static JsonNode send(HttpRequest request) {
        try {
            return JSON.readTree(
                    HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
