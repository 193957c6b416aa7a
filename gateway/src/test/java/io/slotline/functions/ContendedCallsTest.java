package io.slotline.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotline.SlotlineApplication;
import io.slotline.availability.AvailabilityService;
import io.slotline.availability.InvalidationSource;
import io.slotline.booking.EventTypeCatalog;
import io.slotline.calcom.CalcomAccount;
import io.slotline.calcom.CalcomException;
import io.slotline.calcom.EventTypeRef;
import io.slotline.calcom.ResilientCalcomApi;
import io.slotline.calcom.SlotsQuery;
import io.slotline.support.RequiresPostgres;
import io.slotline.support.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Callers competing for one stylist and time, and Retell repeating a booking, against one gateway instance or two
 * (this test's application context and a second one, both on the same PostgreSQL schema, each with its own memory
 * and request budget; no Redis: correctness rests on the database alone). Issue 12, observations 1, 4 and 5.
 */
@RequiresPostgres
class ContendedCallsTest extends LiveCallTest {

    private static final LocalDate TUESDAY = LocalDate.of(2026, 11, 17);
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
    /** Per instance and minute; small, so that a test can spend what reads may use of it. */
    private static final int BUDGET = 40;

    private static ConfigurableApplicationContext second;
    private static int minutes;

    @Autowired
    ResilientCalcomApi calcomApi;

    @DynamicPropertySource
    static void onPostgresWithARealBudget(DynamicPropertyRegistry registry) {
        TestDatabases.registerPostgres(registry);
        registry.add("slotline.calcom.resilience.budget.requests-per-window", () -> BUDGET);
    }

    @AfterAll
    static void stopSecondInstance() {
        if (second != null) {
            second.close();
            second = null;
        }
    }

    @BeforeEach
    void secondInstanceOnTheSameSchema() {
        if (second == null) {
            // the same frozen clock as this instance and the simulator
            second = new SpringApplicationBuilder(SlotlineApplication.class)
                    .initializers(context -> context.getBeanFactory().registerSingleton("liveCallTestClock", CLOCK))
                    .run(
                            "--spring.profiles.active=test",
                            "--server.port=0",
                            "--spring.datasource.url=" + TestDatabases.postgresUrl(),
                            "--spring.datasource.username=" + TestDatabases.POSTGRES_USER,
                            "--spring.datasource.password=" + TestDatabases.POSTGRES_PASSWORD,
                            "--slotline.calcom.base-url=" + SIMULATOR.baseUrl(),
                            "--slotline.calcom.resilience.budget.requests-per-window=" + BUDGET);
        }
        // every test in a minute of its own: the clock stands still otherwise, and the budgets would never refill
        minutes += 2;
        moveTimeTo(MONDAY_0800_BERLIN.plus(Duration.ofMinutes(minutes)));
        for (Long companyId :
                jdbc.sql("SELECT id FROM companies").query(Long.class).list()) {
            second.getBean(AvailabilityService.class)
                    .invalidateCompany(companyId, TUESDAY.minusDays(31), TUESDAY.plusDays(91), InvalidationSource.TTL);
        }
    }

    private int secondPort() {
        return ((WebServerApplicationContext) second).getWebServer().getPort();
    }

    /** The gateway instance the n-th request goes to: always the first, or each in turn. */
    private int instance(int instances, int n) {
        return instances == 1 || n % 2 == 0 ? port : secondPort();
    }

    private static Map<String, String> asked(Instant start, String staff) {
        Map<String, String> args = new HashMap<>(Map.of(
                "service",
                "Herrenhaarschnitt",
                "date",
                start.atZone(BERLIN).toLocalDate().toString(),
                "time",
                start.atZone(BERLIN).toLocalTime().format(HH_MM)));
        if (staff != null) {
            args.put("staff", staff);
        }
        return args;
    }

    private static Map<String, String> booking(Instant start, String staff, String name) {
        Map<String, String> args = asked(start, staff);
        args.put("customer_name", name);
        return args;
    }

    private static List<String> starts(Reply reply, String field) {
        return reply.json().path(field).findValuesAsString("start");
    }

    private static String host(JsonNode simBooking) {
        return simBooking.path("hosts").path(0).path("username").asString();
    }

    /** The holds of these calls that still take their host at that start. */
    private List<Map<String, Object>> activeHoldsAt(Instant start, Call... calls) {
        return jdbc.sql("SELECT retell_call_id, host, status FROM slot_holds WHERE starts_at = :start "
                        + "AND status IN ('held', 'booked') AND retell_call_id IN (:calls) ORDER BY id")
                .param("start", OffsetDateTime.ofInstant(start, ZoneOffset.UTC))
                .param("calls", Arrays.stream(calls).map(call -> call.id).toList())
                .query()
                .listOfRows();
    }

    // ---- observation 1: a held slot is the holder's, on every instance

    @ParameterizedTest(name = "{0} instance(s)")
    @ValueSource(ints = {1, 2})
    void aHeldStylistIsTakenForEveryoneElseAndAnyoneGetsTheOtherStylist(int instances) {
        Instant slot = twoHostSlot(TUESDAY);
        Call a = salonCall();
        Call b = salonCall();
        Call c = salonCall();
        int other = instance(instances, 1);

        Reply aHolds = a.function("check_availability", asked(slot, "Anna"), a.nextToolCallId(), port);
        assertThat(aHolds.json().path("hold").path("held").asBoolean()).isTrue();

        Reply bAsksForAnna = b.function("check_availability", asked(slot, "Anna"), b.nextToolCallId(), other);
        assertThat(bAsksForAnna.reason()).isEqualTo("slot_taken");
        assertThat(starts(bAsksForAnna, "alternatives"))
                .doesNotContain(starts(aHolds, "slot").get(0));
        Reply bBooksAnna =
                b.function("book_appointment", booking(slot, "Anna", "Mia Müller"), b.nextToolCallId(), other);
        assertThat(bBooksAnna.reason()).isEqualTo("slot_taken");
        assertThat(simBookingsOf("cal_demo", b.from)).isEmpty();

        Reply bAsksForAnyone = b.function("check_availability", asked(slot, null), b.nextToolCallId(), other);
        assertThat(bAsksForAnyone.json().path("available").asBoolean())
                .as("Ben is free")
                .isTrue();
        Reply bBooks = b.function("book_appointment", booking(slot, null, "Mia Müller"), b.nextToolCallId(), other);
        assertThat(bBooks.ok()).isTrue();
        assertThat(host(simBookingsOf("cal_demo", b.from).get(0))).isEqualTo("ben-demo");

        // Anna is held, Ben booked: nobody is left at that time, in any function
        Reply cAsks = c.function("check_availability", asked(slot, null), c.nextToolCallId(), port);
        assertThat(cAsks.reason()).isEqualTo("slot_taken");
        Reply cBooks = c.function("book_appointment", booking(slot, null, "Lea Fischer"), c.nextToolCallId(), other);
        assertThat(cBooks.reason()).isEqualTo("slot_taken");
        Reply cAlternatives = c.function(
                "get_alternatives",
                Map.of(
                        "service",
                        "Herrenhaarschnitt",
                        "date",
                        TUESDAY.toString(),
                        "time",
                        slot.atZone(BERLIN).toLocalTime().format(HH_MM),
                        "staff",
                        "Anna",
                        "count",
                        5),
                c.nextToolCallId(),
                other);
        assertThat(starts(cAlternatives, "alternatives"))
                .isNotEmpty()
                .doesNotContain(starts(aHolds, "slot").get(0));
        Reply cNext = c.function(
                "find_next_available",
                Map.of(
                        "service",
                        "Herrenhaarschnitt",
                        "staff",
                        "Anna",
                        "after",
                        TUESDAY + " " + slot.atZone(BERLIN).toLocalTime().format(HH_MM)),
                c.nextToolCallId(),
                other);
        assertThat(instant(cNext.json().path("slot"))).isAfter(slot);
        assertThat(simBookingsOf("cal_demo", c.from)).isEmpty();

        Reply aBooks = a.function("book_appointment", booking(slot, "Anna", "Jonas Weber"), a.nextToolCallId(), port);
        assertThat(aBooks.ok()).as("the holder's booking succeeds").isTrue();
        assertThat(host(simBookingsOf("cal_demo", a.from).get(0))).isEqualTo("anna-demo");
        assertThat(activeHoldsAt(slot, a, b, c))
                .extracting(row -> row.get("host"))
                .containsExactlyInAnyOrder("anna-demo", "ben-demo");
    }

    @ParameterizedTest(name = "{0} instance(s)")
    @ValueSource(ints = {1, 2})
    void aHoldEndsWithTheCallOrWhenItExpires(int instances) {
        Instant slot = twoHostSlot(TUESDAY);
        Call a = salonCall();
        Call b = salonCall();
        int other = instance(instances, 1);
        a.function("check_availability", asked(slot, "Anna"), a.nextToolCallId(), port);
        assertThat(b.function("check_availability", asked(slot, "Anna"), b.nextToolCallId(), other)
                        .reason())
                .isEqualTo("slot_taken");

        assertThat(a.webhook("call_ended").status()).isEqualTo(204);
        Reply afterTheCall = b.function("check_availability", asked(slot, "Anna"), b.nextToolCallId(), other);
        assertThat(afterTheCall.json().path("available").asBoolean()).isTrue();

        Call c = salonCall();
        assertThat(c.function("check_availability", asked(slot, "Anna"), c.nextToolCallId(), port)
                        .reason())
                .isEqualTo("slot_taken");
        CLOCK.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertThat(c.function("check_availability", asked(slot, "Anna"), c.nextToolCallId(), port)
                        .json()
                        .path("available")
                        .asBoolean())
                .as("b's hold expired after 5 minutes")
                .isTrue();
    }

    // ---- observation 4: a burst of callers; bookings never starve

    @ParameterizedTest(name = "{0} instance(s)")
    @ValueSource(ints = {1, 2})
    void thirtyCallersAtOnceOneHearsFreeAndNoBookingStarvesBehindTheBudget(int instances) throws Exception {
        Instant slot = singleHostSlot(TUESDAY);
        List<Call> callers = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            callers.add(salonCall());
        }
        assertThat(callers.get(0).inbound(port).status()).isEqualTo(200);
        awaitSalonWarmedUp();
        if (instances == 2) {
            assertThat(callers.get(1).inbound(secondPort()).status()).isEqualTo(200);
            awaitSalonWarmedUp(second.getBean(AvailabilityService.class), second.getBean(EventTypeCatalog.class));
        }
        // refreshes and other callers' questions have used all that reads may use of each instance's budget
        spendReadBudget(calcomApi);
        if (instances == 2) {
            spendReadBudget(second.getBean(ResilientCalcomApi.class));
        }

        List<Reply> checks = all(
                callers.size(),
                i -> callers.get(i)
                        .function(
                                "check_availability",
                                asked(slot, null),
                                callers.get(i).nextToolCallId(),
                                instance(instances, i)));
        List<Reply> bookings = all(
                callers.size(),
                i -> callers.get(i)
                        .function(
                                "book_appointment",
                                booking(slot, null, "Caller " + i),
                                callers.get(i).nextToolCallId(),
                                instance(instances, i)));

        assertThat(checks)
                .filteredOn(reply -> reply.json().path("available").asBoolean())
                .hasSize(1);
        assertThat(checks)
                .filteredOn(reply -> !reply.ok())
                .allSatisfy(reply -> {
                    assertThat(reply.reason()).isEqualTo("slot_taken");
                    assertThat(reply.json().path("alternatives").size()).isPositive();
                })
                .hasSize(29);
        assertThat(bookings).extracting(Reply::reason).doesNotContain("calcom_unavailable", "internal_error");
        assertThat(bookings).filteredOn(Reply::ok).hasSize(1);
        int holder =
                checks.indexOf(checks.stream().filter(Reply::ok).findFirst().orElseThrow());
        assertThat(bookings.get(holder).ok())
                .as("the caller who heard 'free' got it")
                .isTrue();
        assertThat(callers.stream()
                        .mapToInt(
                                caller -> simBookingsOf("cal_demo", caller.from).size())
                        .sum())
                .isEqualTo(1);
    }

    private void spendReadBudget(ResilientCalcomApi api) {
        CalcomAccount account = new CalcomAccount("demo-salon", "cal_demo");
        SlotsQuery query = SlotsQuery.forLocalDays(EventTypeRef.id(1001), TUESDAY, TUESDAY, BERLIN);
        for (int i = 0; i < BUDGET; i++) {
            try {
                api.slots(account, query);
            } catch (CalcomException.RateLimited spent) {
                return;
            }
        }
        throw new IllegalStateException("the read budget was never spent");
    }

    // ---- observation 5: Retell's duplicates over two instances all hear the one booking

    @ParameterizedTest(name = "{0} instance(s)")
    @ValueSource(ints = {1, 2})
    void tenIdenticalBookingRequestsMakeOneBookingAndAllTenAnswerIt(int instances) throws Exception {
        Instant slot = twoHostSlot(TUESDAY);
        Call call = salonCall();
        // Cal.com takes its time, so that the duplicates arrive while the first attempt is running
        sim("POST", "/_sim/config", "{\"latency\":{\"bookings\":{\"type\":\"fixed\",\"ms\":800}}}");

        List<Reply> replies = all(
                10,
                i -> call.function(
                        "book_appointment",
                        booking(slot, null, "Sophie Richter"),
                        "tc_book_once",
                        instance(instances, i)));

        assertThat(simBookingsOf("cal_demo", call.from)).hasSize(1);
        String uid = simBookingsOf("cal_demo", call.from).get(0).path("uid").asString();
        assertThat(replies).allSatisfy(reply -> {
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.ok()).as(reply.body()).isTrue();
            assertThat(reply.json().path("appointment").path("booking_uid").asString())
                    .isEqualTo(uid);
        });
    }

    /** Runs n requests at once (as far as one machine allows) and returns their replies in order. */
    private static List<Reply> all(int n, IntFunction<Reply> request) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<Reply>> replies = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                Supplier<Reply> send = () -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return request.apply(index);
                };
                replies.add(CompletableFuture.supplyAsync(send, threads));
            }
            go.countDown();
            List<Reply> done = new ArrayList<>();
            for (CompletableFuture<Reply> reply : replies) {
                done.add(reply.get(60, TimeUnit.SECONDS));
            }
            return done;
        } finally {
            threads.shutdownNow();
        }
    }
}
