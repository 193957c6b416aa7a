package io.slotline.functions;

import static org.awaitility.Awaitility.await;

import io.slotline.availability.AvailabilityService;
import io.slotline.availability.CalendarRef;
import io.slotline.availability.InvalidationSource;
import io.slotline.availability.SlotRequest;
import io.slotline.booking.Calendars;
import io.slotline.booking.EventTypeCatalog;
import io.slotline.sim.CalcomSimulator;
import io.slotline.sim.SimOptions;
import io.slotline.support.MutableClock;
import io.slotline.support.RetellClient;
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
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Plays phone calls against the running gateway over HTTP, signed like Retell signs them, with an embedded Cal.com
 * simulator in the demo scenario. Gateway and simulator share one frozen "now" (Monday 2026-11-16, 08:00 in
 * Berlin) that a test may move; every test starts from fresh simulator data and the base time. All subclasses
 * share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(LiveCallClock.class)
abstract class LiveCallTest {

    static final Instant MONDAY_0800_BERLIN = Instant.parse("2026-11-16T07:00:00Z");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final String SALON_NUMBER = "+4930120000";
    static final String OTHER_NUMBER = "+442071230000";
    static final String SALON_KEY = "key_demo";
    static final String OTHER_KEY = "key_other";

    static final CalcomSimulator SIMULATOR =
            CalcomSimulator.start(SimOptions.defaults().withFixedNow(MONDAY_0800_BERLIN));
    static final MutableClock CLOCK = new MutableClock(MONDAY_0800_BERLIN);

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void calcomIsTheSimulator(DynamicPropertyRegistry registry) {
        registry.add("slotline.calcom.base-url", SIMULATOR::baseUrl);
    }

    @LocalServerPort
    int port;

    @Autowired
    TenantImporter importer;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AvailabilityService availability;

    @Autowired
    TenantDirectory tenants;

    @Autowired
    Calendars calendars;

    @Autowired
    EventTypeCatalog eventTypes;

    @BeforeEach
    void freshWorld() {
        importer.apply(new ClassPathResource("demo/demo-salon.yaml"));
        importer.apply(new ClassPathResource("demo/other-tenant.yaml"));
        moveTimeTo(MONDAY_0800_BERLIN);
    }

    /** Gateway and simulator jump to {@code now}; the simulator's demo data is generated afresh around it. */
    void moveTimeTo(Instant now) {
        CLOCK.set(now);
        sim("POST", "/_sim/clock", "{\"now\":\"" + now + "\"}");
        sim("POST", "/_sim/reset?data=true", "{\"config\":true}");
        // calls of earlier tests never ended and the frozen clock never expires their holds; their bookings are gone
        jdbc.sql("UPDATE slot_holds SET status = 'released' WHERE status = 'held'")
                .update();
        jdbc.sql("UPDATE slot_holds SET expires_at = :past WHERE status = 'booked'")
                .param("past", OffsetDateTime.ofInstant(Instant.EPOCH, ZoneOffset.UTC))
                .update();
        // the calendar changed under the gateway's feet: nothing it knew about these days holds any more
        LocalDate today = now.atZone(BERLIN).toLocalDate();
        for (Long companyId :
                jdbc.sql("SELECT id FROM companies").query(Long.class).list()) {
            availability.invalidateCompany(companyId, today.minusDays(31), today.plusDays(91), InvalidationSource.TTL);
        }
    }

    // ---- the phone call

    /** One phone call: its id, who calls and which number they dialled. */
    final class Call {
        final String id = "call_" + UUID.randomUUID().toString().replace("-", "");
        final String from;
        final String to;
        final String key;
        private int toolCalls;

        Call(String from, String to, String key) {
            this.from = from;
            this.to = to;
            this.key = key;
        }

        ObjectNode callObject(@Nullable String toolCallId, String function) {
            ObjectNode call = JSON.createObjectNode();
            call.put("call_type", "phone_call");
            call.put("call_id", id);
            call.put("agent_id", "agent_test");
            call.put("agent_version", 1);
            call.put("call_status", "ongoing");
            call.put("direction", "inbound");
            call.put("from_number", from);
            call.put("to_number", to);
            call.put("start_timestamp", CLOCK.millis());
            ArrayNode transcript = call.putArray("transcript_with_tool_calls");
            if (toolCallId != null) {
                ObjectNode invocation = transcript.addObject();
                invocation.put("role", "tool_call_invocation");
                invocation.put("tool_call_id", toolCallId);
                invocation.put("name", function);
                invocation.put("arguments", "{}");
            }
            return call;
        }

        /** A function call as Retell sends it, each with a new tool_call_id. */
        Reply function(String name, Map<String, ?> args) {
            return function(name, args, nextToolCallId());
        }

        Reply function(String name, Map<String, ?> args, @Nullable String toolCallId) {
            return function(name, args, toolCallId, port);
        }

        /** The same, sent to the gateway instance listening on {@code gatewayPort}. */
        Reply function(String name, Map<String, ?> args, @Nullable String toolCallId, int gatewayPort) {
            ObjectNode body = JSON.createObjectNode();
            body.put("name", name);
            body.set("args", JSON.valueToTree(args));
            body.set("call", callObject(toolCallId, name));
            byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
            return reply(retell(gatewayPort).signed("/retell/functions/" + name, bytes, key));
        }

        /** A new tool call id of this call. */
        String nextToolCallId() {
            return "tc_" + id + "_" + (++toolCalls);
        }

        Reply webhook(String event) {
            ObjectNode body = JSON.createObjectNode();
            body.put("event", event);
            ObjectNode call = callObject(null, "");
            call.put("call_status", event.equals("call_started") ? "ongoing" : "ended");
            if (!event.equals("call_started")) {
                call.put("end_timestamp", CLOCK.millis());
                call.put("disconnection_reason", "user_hangup");
            }
            if (event.equals("call_analyzed")) {
                ObjectNode analysis = call.putObject("call_analysis");
                analysis.put("call_summary", "Caller booked an appointment.");
                analysis.put("call_successful", true);
                analysis.put("user_sentiment", "Positive");
            }
            body.set("call", call);
            return post("/retell/webhook", JSON.writeValueAsString(body), key);
        }

        Reply inbound() {
            return inbound(port);
        }

        Reply inbound(int gatewayPort) {
            ObjectNode body = JSON.createObjectNode();
            body.put("event", "call_inbound");
            ObjectNode inbound = body.putObject("call_inbound");
            inbound.put("agent_id", "agent_test");
            inbound.put("from_number", from);
            inbound.put("to_number", to);
            byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
            return reply(retell(gatewayPort).signed("/retell/inbound", bytes, key));
        }
    }

    Call salonCall() {
        return new Call(randomGermanMobile(), SALON_NUMBER, SALON_KEY);
    }

    Call otherCutsCall() {
        return new Call(randomBritishMobile(), OTHER_NUMBER, OTHER_KEY);
    }

    static String randomGermanMobile() {
        return "+49151" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));
    }

    static String randomBritishMobile() {
        return "+447700" + (100_000 + ThreadLocalRandom.current().nextInt(899_999));
    }

    record Reply(int status, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }

        boolean ok() {
            return json().path("ok").asBoolean();
        }

        String message() {
            return json().path("message").asString();
        }

        String reason() {
            return json().path("reason").asString(null);
        }
    }

    Reply post(String path, String body, String key) {
        return reply(retell(port).signed(path, body, key));
    }

    Reply send(String path, byte[] body, @Nullable String signature) {
        return send(port, path, body, signature);
    }

    Reply send(int gatewayPort, String path, byte[] body, @Nullable String signature) {
        return reply(retell(gatewayPort).send(path, body, signature));
    }

    /** Retell's requests to the gateway instance listening on {@code gatewayPort}, signed at the test clock's time. */
    static RetellClient retell(int gatewayPort) {
        return new RetellClient(() -> gatewayPort, CLOCK);
    }

    static Reply reply(RetellClient.Response response) {
        return new Reply(response.status(), response.body());
    }

    // ---- what the simulator knows (ground truth)

    static JsonNode sim(String method, String path, @Nullable String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(SIMULATOR.baseUrl() + path))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(
                        method + " " + path + " -> " + response.statusCode() + " " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Free starts (any host) of an event type on one local day, as Cal.com's slots endpoint reports them now. */
    static List<Instant> freeStarts(String apiKey, long eventTypeId, LocalDate day, ZoneId zone) {
        return slots(apiKey, "eventTypeId=" + eventTypeId, day, zone);
    }

    /** Free starts of one staff member's own event type (its slug and their username). */
    static List<Instant> freeStartsOf(String apiKey, String slug, String username, LocalDate day, ZoneId zone) {
        return slots(apiKey, "eventTypeSlug=" + slug + "&username=" + username, day, zone);
    }

    /**
     * A demo men's haircut start that only one of the two hosts can take: a hold of it leaves nobody for another
     * caller (Cal.com lets a round-robin slot be reserved once per free host).
     */
    /** Slots requests the simulator has answered, from anyone. */
    static long slotsRequests() {
        return simRequests("GET /v2/slots");
    }

    /** Requests the simulator has answered on one route template, e.g. {@code GET /v2/slots}, from anyone. */
    static long simRequests(String route) {
        JsonNode counts = sim("GET", "/_sim/stats", null).path("endpoints").path(route);
        long total = 0;
        for (JsonNode count : counts) {
            total += count.asLong();
        }
        return total;
    }

    /** The demo salon's calendars: each service for any host and for each of its staff. */
    List<CalendarRef> salonCalendars() {
        return salonCalendars(true);
    }

    /**
     * The demo salon's calendars: each service for any host (a service in steps for each stylist of each step),
     * and with {@code stylists} each stylist's own calendar of each service.
     */
    List<CalendarRef> salonCalendars(boolean stylists) {
        Company salon = tenants.companyBySlug("demo-salon").orElseThrow();
        List<CalendarRef> refs = new ArrayList<>();
        for (Service service : tenants.activeServices(salon.id())) {
            if (service.inSteps()) {
                // a service in steps is read from each stylist's calendar of each step
                for (int step = 0; step < service.steps().size(); step++) {
                    for (Calendars.StepHost host : calendars.stepHosts(
                            salon,
                            service,
                            step,
                            tenants.defaultBranch(salon.id()).orElseThrow().id())) {
                        refs.add(host.calendar());
                    }
                }
                continue;
            }
            refs.add(calendars.of(salon, service, null));
            for (Staff staff : stylists ? tenants.staffForService(salon.id(), service.id()) : List.<Staff>of()) {
                refs.add(calendars.of(salon, service, staff));
            }
        }
        return refs;
    }

    /**
     * Waits until a call's warm-up has put the salon's next 28 days of every calendar in memory, and its event
     * types' buffers and hosts.
     */
    void awaitSalonWarmedUp() {
        awaitSalonWarmedUp(availability, eventTypes);
    }

    /** The same, for the gateway instance these beans are of. */
    void awaitSalonWarmedUp(AvailabilityService memory, EventTypeCatalog known) {
        LocalDate today = LocalDate.ofInstant(CLOCK.instant(), BERLIN);
        List<CalendarRef> expected = salonCalendars();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> expected.stream()
                        .allMatch(calendar -> memory.peek(new SlotRequest(
                                                calendar,
                                                BERLIN,
                                                today,
                                                today.plusDays(27),
                                                SlotRequest.Priority.LIVE,
                                                Instant.now().plusSeconds(5)))
                                        .isPresent()
                                && known.known(calendar.companyId(), calendar.eventTypeId()) != null));
    }

    /** A haircut start both Anna and Ben are free for. */
    static Instant twoHostSlot(LocalDate day) {
        List<Instant> anna = freeStartsOf("cal_demo", "herrenhaarschnitt-stylist", "anna-demo", day, BERLIN);
        List<Instant> ben = freeStartsOf("cal_demo", "herrenhaarschnitt-stylist", "ben-demo", day, BERLIN);
        return anna.stream()
                .filter(ben::contains)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no slot both hosts are free for on " + day));
    }

    static Instant singleHostSlot(LocalDate day) {
        List<Instant> anna = freeStartsOf("cal_demo", "herrenhaarschnitt-stylist", "anna-demo", day, BERLIN);
        List<Instant> ben = freeStartsOf("cal_demo", "herrenhaarschnitt-stylist", "ben-demo", day, BERLIN);
        return anna.stream()
                .filter(start -> !ben.contains(start))
                .findFirst()
                .or(() -> ben.stream().filter(start -> !anna.contains(start)).findFirst())
                .orElseThrow(() -> new IllegalStateException("no single-host slot on " + day));
    }

    /** Whether the simulator still holds this reservation. */
    static boolean reservationActive(Object reservationUid) {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(SIMULATOR.baseUrl() + "/v2/slots/reservations/" + reservationUid))
                .header("cal-api-version", "2024-09-04")
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("reservation lookup: " + response.statusCode() + " " + response.body());
            }
            JsonNode data = JSON.readTree(response.body()).path("data");
            return !data.isNull() && !data.isMissingNode();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<Instant> slots(String apiKey, String calendar, LocalDate day, ZoneId zone) {
        Instant start = day.atStartOfDay(zone).toInstant();
        Instant end = day.plusDays(1).atStartOfDay(zone).toInstant().minusSeconds(1);
        HttpRequest request = HttpRequest.newBuilder(URI.create(SIMULATOR.baseUrl() + "/v2/slots?" + calendar
                        + "&start=" + start + "&end=" + end + "&timeZone="
                        + URLEncoder.encode(zone.getId(), StandardCharsets.UTF_8)))
                .header("cal-api-version", "2024-09-04")
                .header("Authorization", "Bearer " + apiKey)
                .build();
        try {
            JsonNode data = JSON.readTree(HTTP.send(request, HttpResponse.BodyHandlers.ofString())
                            .body())
                    .path("data");
            List<Instant> starts = new ArrayList<>();
            data.path(day.toString())
                    .forEach(slot -> starts.add(
                            java.time.OffsetDateTime.parse(slot.path("start").asString())
                                    .toInstant()));
            return starts;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The reservation uids of a call's holds, oldest first, with their status. */
    List<Map<String, Object>> holdsOf(Call call) {
        return jdbc.sql("SELECT reservation_uid, status FROM slot_holds WHERE retell_call_id = :call ORDER BY id")
                .param("call", call.id)
                .query()
                .listOfRows();
    }

    /** Every booking the simulator holds for an account. */
    static List<JsonNode> simBookings(String apiKey) {
        List<JsonNode> bookings = new ArrayList<>();
        sim("GET", "/_sim/bookings?apiKey=" + apiKey, null).path("data").forEach(bookings::add);
        return bookings;
    }

    /** The simulator's bookings for one attendee phone number. */
    static List<JsonNode> simBookingsOf(String apiKey, String phone) {
        return simBookings(apiKey).stream()
                .filter(b -> b.path("attendees")
                        .path(0)
                        .path("phoneNumber")
                        .asString("")
                        .equals(phone))
                .toList();
    }

    static Instant instant(JsonNode slot) {
        return java.time.OffsetDateTime.parse(slot.path("start").asString()).toInstant();
    }

    /**
     * book_appointment's arguments as a caller gives them: service, date, time and name, then any further names and
     * values (customer_phone, customer_email, staff) in pairs.
     */
    static Map<String, Object> booking(String service, String date, String time, String name, String... more) {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("service", service);
        args.put("date", date);
        args.put("time", time);
        args.put("customer_name", name);
        if (more.length % 2 != 0) {
            throw new IllegalArgumentException("further arguments come in name-value pairs");
        }
        for (int i = 0; i < more.length; i += 2) {
            args.put(more[i], more[i + 1]);
        }
        return args;
    }
}
