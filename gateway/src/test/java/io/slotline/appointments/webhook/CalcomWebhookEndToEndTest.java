package io.slotline.appointments.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.slotline.appointments.Appointment;
import io.slotline.appointments.AppointmentSource;
import io.slotline.appointments.AppointmentStatus;
import io.slotline.appointments.Appointments;
import io.slotline.availability.Availability;
import io.slotline.availability.AvailabilityService;
import io.slotline.availability.CalendarRef;
import io.slotline.availability.FreeSlot;
import io.slotline.availability.SlotRequest;
import io.slotline.booking.EventTypeCatalog;
import io.slotline.calcom.CalcomAccount;
import io.slotline.calcom.CalcomWebhookSignature;
import io.slotline.customers.Customer;
import io.slotline.customers.Customers;
import io.slotline.sim.CalcomSimulator;
import io.slotline.sim.SimOptions;
import io.slotline.tenancy.Company;
import io.slotline.tenancy.TenantDirectory;
import io.slotline.tenancy.TenantImporter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The gateway against the Cal.com simulator (demo scenario, real time): bookings made "on the web" in the simulator
 * reach the gateway as signed webhooks, show in the next availability answer and in our appointment records;
 * forged webhooks change nothing. Upstream requests are counted through {@code /_sim/stats}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CalcomWebhookEndToEndTest {

    private static final CalcomSimulator SIMULATOR = CalcomSimulator.start(SimOptions.defaults());
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final String WEB_CUSTOMER_PHONE = "+4917611112222";

    @DynamicPropertySource
    static void calcom(DynamicPropertyRegistry registry) {
        registry.add("slotline.calcom.base-url", SIMULATOR::baseUrl);
    }

    @AfterAll
    static void stopSimulator() {
        SIMULATOR.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    TenantImporter importer;

    @Autowired
    TenantDirectory directory;

    @Autowired
    AvailabilityService availability;

    @Autowired
    Appointments appointments;

    @Autowired
    Customers customers;

    @Autowired
    EventTypeCatalog eventTypes;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private Company company;
    private CalendarRef annasHaircut;
    private CalendarRef anyHaircut;
    private CalendarRef bensHaircut;
    private Customer webCustomer;
    private static String subscription;

    @BeforeEach
    void setUp() throws Exception {
        importer.apply(new ClassPathResource("demo/demo-salon.yaml"));
        company = directory.companyBySlug("demo-salon").orElseThrow();
        // the team's round-robin event type, and Anna's and Ben's children of the managed one
        annasHaircut = new CalendarRef(
                company.id(),
                new CalcomAccount("demo-salon", "cal_demo"),
                1001,
                "herrenhaarschnitt",
                "anna-demo",
                30,
                900L,
                1111L,
                "herrenhaarschnitt-stylist");
        anyHaircut = new CalendarRef(
                company.id(),
                new CalcomAccount("demo-salon", "cal_demo"),
                1001,
                "herrenhaarschnitt",
                null,
                30,
                900L,
                null,
                null);
        bensHaircut = new CalendarRef(
                company.id(),
                new CalcomAccount("demo-salon", "cal_demo"),
                1001,
                "herrenhaarschnitt",
                "ben-demo",
                30,
                900L,
                1121L,
                "herrenhaarschnitt-stylist");
        // as after a call's warm-up: the event type's buffers and hosts are known, so a webhook is applied to
        // memory instead of dropping the day
        assertThat(eventTypes.get(anyHaircut)).isNotNull();
        webCustomer = customers.upsertByPhone(company.id(), WEB_CUSTOMER_PHONE, "Web Kunde", null);
        if (subscription == null) {
            JsonNode created = sim(
                    "POST",
                    "/_sim/webhooks",
                    Map.of(
                            "subscriberUrl",
                            "http://localhost:" + port + "/calcom/webhook?company=demo-salon",
                            "secret",
                            "whsec_demo",
                            "apiKey",
                            "cal_demo",
                            "active",
                            true,
                            "triggers",
                            List.of("BOOKING_CREATED", "BOOKING_CANCELLED", "BOOKING_RESCHEDULED")));
            subscription = created.path("data").path("id").asString();
        }
    }

    @Test
    void webBookingShowsInTheNextAnswerAndInTheCustomersAppointments() throws Exception {
        LocalDate day = dayWithFreeSlots();
        Instant slot = firstFreeSlot(day);
        long before = slotsRequests();

        String uid = bookOnTheWeb(slot);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> appointments.findByBookingUid(company.id(), uid).isPresent());
        Availability next = ask(day);
        assertThat(next.on(day)).extracting(FreeSlot::start).doesNotContain(slot);
        assertThat(slotsRequests())
                .as("the webhook was applied to what is in memory")
                .isEqualTo(before);
        Appointment appointment =
                appointments.findByBookingUid(company.id(), uid).orElseThrow();
        assertThat(appointment.source()).isEqualTo(AppointmentSource.CALCOM);
        assertThat(appointment.status()).isEqualTo(AppointmentStatus.BOOKED);
        assertThat(appointment.customerId()).isEqualTo(webCustomer.id());
        assertThat(appointment.startsAt()).isEqualTo(slot);
        assertThat(appointments.upcomingForCustomer(company.id(), webCustomer.id(), Instant.now()))
                .extracting(Appointment::calcomBookingUid)
                .contains(uid);
    }

    @Test
    void cancellationInCalcomCancelsOursAndFreesTheSlot() throws Exception {
        LocalDate day = dayWithFreeSlots();
        Instant slot = firstFreeSlot(day);
        String uid = bookOnTheWeb(slot);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> appointments.findByBookingUid(company.id(), uid).isPresent()
                        && ask(day).on(day).stream()
                                .noneMatch(free -> free.start().equals(slot)));

        calcom("POST", "/v2/bookings/" + uid + "/cancel", Map.of("cancellationReason", "Termin passt nicht"));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> appointments
                                .findByBookingUid(company.id(), uid)
                                .map(Appointment::status)
                                .orElseThrow()
                        == AppointmentStatus.CANCELLED);
        assertThat(appointments
                        .findByBookingUid(company.id(), uid)
                        .orElseThrow()
                        .cancellationReason())
                .isEqualTo("Termin passt nicht");
        // a caller asking for exactly that time hears Cal.com's answer at once; a question about the whole day is
        // answered from memory and sees the freed time once the background refresh it started has landed
        assertThat(askAbout(day, slot).on(day)).extracting(FreeSlot::start).contains(slot);
    }

    @Test
    void rescheduleInCalcomMovesOursAndFreesTheOldTime() throws Exception {
        LocalDate day = dayWithFreeSlots();
        List<FreeSlot> free = ask(day).on(day);
        Instant first = free.get(0).start();
        Instant later = free.get(free.size() - 1).start();
        String uid = bookOnTheWeb(first);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> appointments.findByBookingUid(company.id(), uid).isPresent());

        JsonNode moved = calcom("POST", "/v2/bookings/" + uid + "/reschedule", Map.of("start", later.toString()));
        String newUid = moved.path("data").path("uid").asString();

        await().atMost(Duration.ofSeconds(10))
                .until(() -> appointments.findByBookingUid(company.id(), newUid).isPresent());
        Appointment replacement =
                appointments.findByBookingUid(company.id(), newUid).orElseThrow();
        Appointment original = appointments.findByBookingUid(company.id(), uid).orElseThrow();
        assertThat(original.status()).isEqualTo(AppointmentStatus.RESCHEDULED);
        assertThat(replacement.rescheduledFromId()).isEqualTo(original.id());
        assertThat(replacement.startsAt()).isEqualTo(later);
        assertThat(ask(day).on(day)).extracting(FreeSlot::start).doesNotContain(later);
        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        ask(day).on(day).stream().anyMatch(slot -> slot.start().equals(first)));
        assertThat(ask(day).on(day)).extracting(FreeSlot::start).contains(first).doesNotContain(later);
    }

    @Test
    void forgedOrUnsignedWebhooksAreRefusedAndChangeNothing() throws Exception {
        LocalDate day = dayWithFreeSlots();
        Instant slot = firstFreeSlot(day);
        String uid = bookOnTheWeb(slot);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> appointments.findByBookingUid(company.id(), uid).isPresent()
                        && ask(day).on(day).stream()
                                .noneMatch(free -> free.start().equals(slot)));
        long before = slotsRequests();
        byte[] cancel = cancellation(uid, slot);

        HttpResponse<String> forged = postWebhook("demo-salon", cancel, CalcomWebhookSignature.sign(cancel, "guess"));
        HttpResponse<String> unsigned = postWebhook("demo-salon", cancel, null);
        HttpResponse<String> noSecret = postWebhook("demo-salon", cancel, "no-secret-provided");
        HttpResponse<String> otherTenantsSecret =
                postWebhook("demo-salon", cancel, CalcomWebhookSignature.sign(cancel, "whsec_other"));
        HttpResponse<String> unknownCompany = postWebhook("nobody", cancel, CalcomWebhookSignature.sign(cancel, "x"));

        for (HttpResponse<String> refused : List.of(forged, unsigned, noSecret, otherTenantsSecret, unknownCompany)) {
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(json.readTree(refused.body()).path("error").asString()).isEqualTo("invalid_signature");
        }
        assertThat(appointments
                        .findByBookingUid(company.id(), uid)
                        .orElseThrow()
                        .status())
                .isEqualTo(AppointmentStatus.BOOKED);
        assertThat(ask(day).on(day)).extracting(FreeSlot::start).doesNotContain(slot);
        assertThat(slotsRequests()).as("nothing was invalidated").isEqualTo(before);
    }

    @Test
    void aSignedDuplicateActsOnceAndBadInputIsAClearError() throws Exception {
        LocalDate day = dayWithFreeSlots();
        Instant slot = firstFreeSlot(day);
        byte[] created = creation("web-dup-" + System.nanoTime(), slot);

        HttpResponse<String> first =
                postWebhook("demo-salon", created, CalcomWebhookSignature.sign(created, "whsec_demo"));
        HttpResponse<String> again =
                postWebhook("demo-salon", created, CalcomWebhookSignature.sign(created, "whsec_demo"));
        byte[] garbage = "not json".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> malformed =
                postWebhook("demo-salon", garbage, CalcomWebhookSignature.sign(garbage, "whsec_demo"));
        HttpResponse<String> noCompany = post("/calcom/webhook", created, null);

        assertThat(json.readTree(first.body()).path("outcome").asString()).isEqualTo("processed");
        assertThat(json.readTree(again.body()).path("outcome").asString()).isEqualTo("duplicate");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(json.readTree(malformed.body()).path("error").asString()).isEqualTo("malformed_webhook");
        assertThat(noCompany.statusCode()).isEqualTo(400);
    }

    @Test
    void bookingBySomeoneWeDontKnowChangesAvailabilityButCreatesNoRecord() throws Exception {
        LocalDate day = dayWithFreeSlots();
        Instant slot = firstFreeSlot(day);
        long before = slotsRequests();
        String uid = "web-stranger-" + System.nanoTime();
        byte[] created = ("""
                {"triggerEvent":"BOOKING_CREATED","createdAt":"%s","payload":{"uid":"%s","eventTypeId":1001,
                 "startTime":"%s","endTime":"%s","status":"ACCEPTED",
                 "organizer":{"username":"anna-demo","timeZone":"Europe/Berlin"},
                 "attendees":[{"name":"Fremd","email":"fremd@example.com","phoneNumber":"+4917699998888"}]}}
                """)
                .formatted(Instant.now(), uid, slot, slot.plusSeconds(1800))
                .getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response =
                postWebhook("demo-salon", created, CalcomWebhookSignature.sign(created, "whsec_demo"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(appointments.findByBookingUid(company.id(), uid)).isEmpty();
        assertThat(customers.findByPhone(company.id(), "+4917699998888")).isEmpty();
        assertThat(ask(day).on(day)).extracting(FreeSlot::start).doesNotContain(slot);
        assertThat(slotsRequests()).isEqualTo(before);
    }

    @Test
    void aWebBookingLeavesAnyHostFreeWhileAnotherHostIsAndCostsNoSlotsRequest() throws Exception {
        LocalDate day = dayWithFreeSlots();
        List<Instant> bens = starts(bensHaircut, day);
        Instant slot = starts(annasHaircut, day).stream()
                .filter(bens::contains)
                .findFirst()
                .orElseThrow();
        assertThat(starts(anyHaircut, day)).contains(slot);
        long before = slotsRequests();

        String annas = bookOnTheWeb(slot, "anna-demo");

        await().atMost(Duration.ofSeconds(10))
                .until(() -> appointments.findByBookingUid(company.id(), annas).isPresent());
        assertThat(starts(annasHaircut, day)).doesNotContain(slot);
        assertThat(starts(bensHaircut, day)).contains(slot);
        assertThat(starts(anyHaircut, day)).as("free for any host while Ben is").contains(slot);
        assertThat(slotsRequests()).isEqualTo(before);
        assertThat(freeInCalcom(anyHaircut, day)).as("as Cal.com says").contains(slot);

        String bens2 = bookOnTheWeb(slot, "ben-demo");

        await().atMost(Duration.ofSeconds(10))
                .until(() -> appointments.findByBookingUid(company.id(), bens2).isPresent());
        assertThat(starts(anyHaircut, day)).as("nobody is free any more").doesNotContain(slot);
        assertThat(slotsRequests()).isEqualTo(before + 1);
        assertThat(freeInCalcom(anyHaircut, day)).doesNotContain(slot);
    }

    @Test
    void ourOwnBookingEchoedBackIsNotRecordedTwice() throws Exception {
        LocalDate day = dayWithFreeSlots();
        Instant slot = firstFreeSlot(day);
        String uid = "own-" + System.nanoTime();
        appointments.insert(new io.slotline.appointments.NewAppointment(
                company.id(),
                null,
                null,
                null,
                webCustomer.id(),
                null,
                slot,
                slot.plusSeconds(1800),
                uid,
                AppointmentStatus.BOOKED,
                AppointmentSource.PHONE,
                "call-1:book:" + uid,
                null));
        byte[] echo = creation(uid, slot);

        HttpResponse<String> response =
                postWebhook("demo-salon", echo, CalcomWebhookSignature.sign(echo, "whsec_demo"));

        assertThat(json.readTree(response.body()).path("outcome").asString()).isEqualTo("processed");
        Appointment stored = appointments.findByBookingUid(company.id(), uid).orElseThrow();
        assertThat(stored.source()).isEqualTo(AppointmentSource.PHONE);
        assertThat(appointments.upcomingForCustomer(company.id(), webCustomer.id(), Instant.now()))
                .filteredOn(appointment -> uid.equals(appointment.calcomBookingUid()))
                .hasSize(1);
    }

    @Test
    void ourOwnBookingWhoseWebhookArrivesFirstIsStillOnePhoneAppointment() throws Exception {
        LocalDate day = dayWithFreeSlots();
        Instant slot = firstFreeSlot(day);
        String uid = "race-" + System.nanoTime();
        byte[] early = creation(uid, slot);

        HttpResponse<String> response =
                postWebhook("demo-salon", early, CalcomWebhookSignature.sign(early, "whsec_demo"));
        // the phone booking's row, and its retry with the same idempotency key
        io.slotline.appointments.NewAppointment ourBooking = new io.slotline.appointments.NewAppointment(
                company.id(),
                null,
                null,
                null,
                webCustomer.id(),
                null,
                slot,
                slot.plusSeconds(1800),
                uid,
                AppointmentStatus.BOOKED,
                AppointmentSource.PHONE,
                "call-race:book:" + uid,
                null);
        Appointments.Saved ours = appointments.insert(ourBooking);
        Appointments.Saved retried = appointments.insert(ourBooking);

        assertThat(json.readTree(response.body()).path("outcome").asString()).isEqualTo("processed");
        assertThat(ours.created()).as("the first answer is not a repeat").isTrue();
        assertThat(retried.created()).as("the retry is").isFalse();
        Appointment stored = appointments.findByBookingUid(company.id(), uid).orElseThrow();
        assertThat(stored.source()).isEqualTo(AppointmentSource.PHONE);
        assertThat(stored.id())
                .isEqualTo(ours.appointment().id())
                .isEqualTo(retried.appointment().id());
        assertThat(appointments.upcomingForCustomer(company.id(), webCustomer.id(), Instant.now()))
                .filteredOn(appointment -> uid.equals(appointment.calcomBookingUid()))
                .hasSize(1);
    }

    // ---- helpers

    private List<Instant> starts(CalendarRef calendar, LocalDate day) {
        return availability
                .freeSlots(new SlotRequest(
                        calendar,
                        BERLIN,
                        day,
                        day,
                        SlotRequest.Priority.LIVE,
                        Instant.now().plusSeconds(10)))
                .on(day)
                .stream()
                .map(FreeSlot::start)
                .toList();
    }

    private Availability ask(LocalDate day) {
        return availability.freeSlots(new SlotRequest(
                annasHaircut,
                BERLIN,
                day,
                day,
                SlotRequest.Priority.LIVE,
                Instant.now().plusSeconds(10)));
    }

    private Availability askAbout(LocalDate day, Instant time) {
        return availability.freeSlots(new SlotRequest(
                        annasHaircut,
                        BERLIN,
                        day,
                        day,
                        SlotRequest.Priority.LIVE,
                        Instant.now().plusSeconds(10))
                .focusedOn(time, false));
    }

    /** A day (from the day after tomorrow on) on which Anna has at least two free haircut slots. */
    private LocalDate dayWithFreeSlots() {
        LocalDate from = LocalDate.now(BERLIN).plusDays(2);
        Availability days = availability.freeSlots(new SlotRequest(
                annasHaircut,
                BERLIN,
                from,
                from.plusDays(10),
                SlotRequest.Priority.LIVE,
                Instant.now().plusSeconds(10)));
        Optional<LocalDate> day = days.days().entrySet().stream()
                .filter(entry -> entry.getValue().size() >= 2)
                .map(Map.Entry::getKey)
                .findFirst();
        return day.orElseThrow(() -> new AssertionError("no day with free slots for Anna"));
    }

    private Instant firstFreeSlot(LocalDate day) {
        return ask(day).on(day).get(0).start();
    }

    private String bookOnTheWeb(Instant start) throws Exception {
        return bookOnTheWeb(start, "anna-demo");
    }

    private String bookOnTheWeb(Instant start, String host) throws Exception {
        ObjectNode attendee = json.createObjectNode()
                .put("name", "Web Kunde")
                .put("email", "web.kunde@example.com")
                .put("timeZone", "Europe/Berlin")
                .put("phoneNumber", WEB_CUSTOMER_PHONE);
        JsonNode booking = sim(
                "POST",
                "/_sim/bookings",
                Map.of(
                        "apiKey",
                        "cal_demo",
                        "eventTypeSlug",
                        "herrenhaarschnitt-stylist",
                        "username",
                        host,
                        "start",
                        start.toString(),
                        "attendee",
                        attendee));
        return booking.path("data").path("uid").asString();
    }

    private byte[] cancellation(String uid, Instant start) {
        return ("""
                {"triggerEvent":"BOOKING_CANCELLED","createdAt":"%s","payload":{"uid":"%s","eventTypeId":1001,
                 "startTime":"%s","endTime":"%s","status":"CANCELLED","cancellationReason":"forged",
                 "organizer":{"username":"anna-demo","timeZone":"Europe/Berlin"},"attendees":[]}}
                """)
                .formatted(Instant.now(), uid, start, start.plusSeconds(1800))
                .getBytes(StandardCharsets.UTF_8);
    }

    private byte[] creation(String uid, Instant start) {
        return ("""
                {"triggerEvent":"BOOKING_CREATED","createdAt":"%s","payload":{"uid":"%s","eventTypeId":1001,
                 "startTime":"%s","endTime":"%s","status":"ACCEPTED",
                 "organizer":{"username":"anna-demo","timeZone":"Europe/Berlin"},
                 "attendees":[{"name":"Web Kunde","email":"web.kunde@example.com","phoneNumber":"%s"}]}}
                """)
                .formatted(Instant.now(), uid, start, start.plusSeconds(1800), WEB_CUSTOMER_PHONE)
                .getBytes(StandardCharsets.UTF_8);
    }

    private HttpResponse<String> postWebhook(String company, byte[] body, String signature) throws Exception {
        return post("/calcom/webhook?company=" + company, body, signature);
    }

    private HttpResponse<String> post(String path, byte[] body, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header(CalcomWebhookSignature.HEADER, signature);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private long slotsRequests() throws Exception {
        JsonNode stats = sim("GET", "/_sim/stats", null);
        long total = 0;
        for (JsonNode count : stats.path("endpoints").path("GET /v2/slots")) {
            total += count.asLong();
        }
        return total;
    }

    /** The calendar's free starts that day, asked of Cal.com directly (not through the gateway). */
    private List<Instant> freeInCalcom(CalendarRef calendar, LocalDate day) throws Exception {
        String start = day.atStartOfDay(BERLIN).toInstant().toString();
        String end =
                day.plusDays(1).atStartOfDay(BERLIN).toInstant().minusSeconds(1).toString();
        JsonNode slots = exchange(
                        "GET",
                        "/v2/slots?eventTypeId=" + calendar.eventTypeId() + "&start=" + start + "&end=" + end
                                + "&timeZone=Europe/Berlin",
                        null,
                        Map.of("cal-api-version", "2024-09-04", "Authorization", "Bearer cal_demo"))
                .path("data")
                .path(day.toString());
        List<Instant> starts = new java.util.ArrayList<>();
        slots.forEach(slot -> starts.add(
                java.time.OffsetDateTime.parse(slot.path("start").asString()).toInstant()));
        return starts;
    }

    private JsonNode sim(String method, String path, Object body) throws Exception {
        return exchange(method, path, body, Map.of());
    }

    private JsonNode calcom(String method, String path, Object body) throws Exception {
        return exchange(
                method, path, body, Map.of("cal-api-version", "2024-08-13", "Authorization", "Bearer cal_demo"));
    }

    private JsonNode exchange(String method, String path, Object body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(SIMULATOR.baseUrl() + path))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        headers.forEach(request::header);
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as(method + " " + path + ": " + response.body())
                .isBetween(200, 299);
        return json.readTree(response.body());
    }
}
