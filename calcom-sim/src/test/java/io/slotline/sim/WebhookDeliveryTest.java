package io.slotline.sim;

import static io.slotline.sim.SimHttp.bookings;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.slotline.sim.web.Json;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class WebhookDeliveryTest extends SimulatorTestSupport {

    private record Received(String path, Map<String, String> headers, byte[] body) {
        JsonNode json() {
            return Json.MAPPER.readTree(body);
        }
    }

    private HttpServer subscriber;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private volatile CountDownLatch hold = new CountDownLatch(0);

    @BeforeEach
    void startSubscriber() throws IOException {
        subscriber = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        subscriber.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, String> headers = new java.util.HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
            received.add(new Received(exchange.getRequestURI().getPath(), headers, body));
            try {
                hold.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        subscriber.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        subscriber.start();
    }

    @AfterEach
    void stopSubscriber() {
        hold.countDown();
        subscriber.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + subscriber.getAddress().getPort() + path;
    }

    private Received next() throws InterruptedException {
        Received delivery = received.poll(10, TimeUnit.SECONDS);
        assertThat(delivery).as("webhook delivery").isNotNull();
        return delivery;
    }

    private static String hmac(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    /** A subscription on team event type 10 of cal_t, the level Cal.com delivers team bookings at. */
    private void subscribe(String key, String path, String secret, String triggers) {
        subscribeAt(
                key.equals("cal_t") ? "/v2/teams/90/event-types/10/webhooks" : "/v2/webhooks",
                key,
                path,
                secret,
                triggers);
    }

    private void subscribeAt(String route, String key, String path, String secret, String triggers) {
        SimHttp.Response response =
                http.post(route, """
                {"subscriberUrl": "%s", "triggers": %s, "active": true, "secret": "%s",
                 "version": "2021-10-20", "payloadTemplate": null}
                """.formatted(url(path), triggers, secret), "Authorization", "Bearer " + key);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    private static SimHttp.Response create(String start) {
        return http.post("/v2/bookings", """
                {"start": "%s", "eventTypeId": 10, "metadata": {"slotlineRequestId": "req-1"},
                 "attendee": {"name": "Max Mustermann", "email": "max@example.com", "timeZone": "Europe/Berlin",
                              "phoneNumber": "+4915112345678", "language": "de"}}
                """.formatted(start), bookings("cal_t"));
    }

    @Test
    void createdRescheduledAndCancelledArriveSignedInCalcomsShape() throws Exception {
        subscribe("cal_t", "/hooks", "s3cret", "[\"BOOKING_CREATED\",\"BOOKING_RESCHEDULED\",\"BOOKING_CANCELLED\"]");

        String uid = create("2026-03-26T09:00:00Z").json().at("/data/uid").asString();
        Received created = next();
        String newUid = http.post(
                        "/v2/bookings/" + uid + "/reschedule",
                        "{\"start\":\"2026-03-26T10:00:00Z\"}",
                        bookings("cal_t"))
                .json()
                .at("/data/uid")
                .asString();
        Received rescheduled = next();
        http.post("/v2/bookings/" + newUid + "/cancel", "{\"cancellationReason\":\"ill\"}", bookings("cal_t"));
        Received cancelled = next();

        for (Received delivery : java.util.List.of(created, rescheduled, cancelled)) {
            assertThat(delivery.path()).isEqualTo("/hooks");
            assertThat(delivery.headers().get("x-cal-signature-256")).isEqualTo(hmac("s3cret", delivery.body()));
            assertThat(delivery.headers().get("x-cal-webhook-version")).isEqualTo("2021-10-20");
            assertThat(delivery.headers().get("content-type")).isEqualTo("application/json");
        }
        JsonNode body = created.json();
        assertThat(body.get("triggerEvent").asString()).isEqualTo("BOOKING_CREATED");
        assertThat(body.get("createdAt").asString()).isEqualTo("2026-03-25T08:00:00.000Z");
        JsonNode payload = body.get("payload");
        assertThat(payload.get("startTime").asString()).isEqualTo("2026-03-26T09:00:00Z");
        assertThat(payload.get("endTime").asString()).isEqualTo("2026-03-26T09:30:00Z");
        assertThat(payload.get("eventTypeId").asInt()).isEqualTo(10);
        assertThat(payload.get("uid").asString()).isEqualTo(uid);
        assertThat(payload.get("bookingId").isNumber()).isTrue();
        assertThat(payload.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(payload.get("length").asInt()).isEqualTo(30);
        assertThat(payload.at("/organizer/username").asString()).isEqualTo("tina");
        assertThat(payload.at("/organizer/timeZone").asString()).isEqualTo("Europe/Berlin");
        assertThat(payload.at("/attendees/0/email").asString()).isEqualTo("max@example.com");
        assertThat(payload.at("/attendees/0/language/locale").asString()).isEqualTo("de");
        assertThat(payload.at("/responses/name/value").asString()).isEqualTo("Max Mustermann");
        assertThat(payload.at("/responses/attendeePhoneNumber/value").asString())
                .isEqualTo("+4915112345678");
        assertThat(payload.at("/metadata/slotlineRequestId").asString()).isEqualTo("req-1");

        JsonNode moved = rescheduled.json().get("payload");
        assertThat(rescheduled.json().get("triggerEvent").asString()).isEqualTo("BOOKING_RESCHEDULED");
        assertThat(moved.get("uid").asString()).isEqualTo(newUid);
        assertThat(moved.get("rescheduleUid").asString()).isEqualTo(uid);
        assertThat(moved.get("rescheduleId").asLong())
                .isEqualTo(payload.get("bookingId").asLong());
        assertThat(moved.get("rescheduleStartTime").asString()).isEqualTo("2026-03-26T09:00:00Z");
        assertThat(moved.get("rescheduleEndTime").asString()).isEqualTo("2026-03-26T09:30:00Z");
        assertThat(moved.get("startTime").asString()).isEqualTo("2026-03-26T10:00:00Z");

        JsonNode gone = cancelled.json().get("payload");
        assertThat(cancelled.json().get("triggerEvent").asString()).isEqualTo("BOOKING_CANCELLED");
        assertThat(gone.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(gone.get("cancellationReason").asString()).isEqualTo("ill");
        assertThat(gone.get("startTime").asString()).isEqualTo("2026-03-26T10:00:00+00:00");
        assertThat(gone.get("endTime").asString()).isEqualTo("2026-03-26T10:30:00+00:00");
    }

    @Test
    void withoutSecretTheSignatureHeaderIsCalcomsLiteral() throws Exception {
        http.control("/_sim/webhooks", "{\"subscriberUrl\":\"" + url("/open") + "\"}");

        book(10, "2026-03-26T09:00:00Z", "Max", "max@example.com");

        assertThat(next().headers().get("x-cal-signature-256")).isEqualTo("no-secret-provided");
    }

    @Test
    void subscribersOnlyGetTheirTenantsBookingsAndTheirTriggers() throws Exception {
        subscribe("cal_u", "/other-tenant", "x", "[\"BOOKING_CREATED\"]");
        subscribe("cal_t", "/cancel-only", "x", "[\"BOOKING_CANCELLED\"]");
        subscribe("cal_t", "/created", "x", "[\"BOOKING_CREATED\"]");

        String uid = create("2026-03-26T09:00:00Z").json().at("/data/uid").asString();
        Received first = next();
        http.post("/v2/bookings/" + uid + "/cancel", "{}", bookings("cal_t"));
        Received second = next();

        assertThat(first.path()).isEqualTo("/created");
        assertThat(second.path()).isEqualTo("/cancel-only");
        assertThat(received.poll(300, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void userWebhooksDoNotFireForRoundRobinTeamBookingsButForTheUsersOwnEventTypes() throws Exception {
        subscribeAt("/v2/webhooks", "cal_t", "/user-t", "x", "[\"BOOKING_CREATED\"]");
        subscribeAt("/v2/webhooks", "cal_u", "/user-u", "x", "[\"BOOKING_CREATED\"]");

        create("2026-03-26T09:00:00Z");
        book(20, "2026-03-26T10:00:00Z", "Eve", "eve@example.com");

        assertThat(next().path())
                .as("RegularBookingService: triggerForUser = !teamId || parentId")
                .isEqualTo("/user-u");
        assertThat(received.poll(300, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void aWebhookOnAManagedParentFiresForItsChildrensBookings() throws Exception {
        http.control("/_sim/reset", "{\"scenario\":\"demo\",\"webhooks\":true}");
        subscribeAt("/v2/teams/900/event-types/1101/webhooks", "cal_demo", "/managed", "x", "[\"BOOKING_CREATED\"]");
        SimHttp.Response foreign = http.post(
                "/v2/teams/900/event-types/2001/webhooks",
                "{\"subscriberUrl\":\"" + url("/x") + "\",\"triggers\":[\"BOOKING_CREATED\"]}",
                "Authorization",
                "Bearer cal_demo");
        SimHttp.Response notOwn = http.post(
                "/v2/event-types/1111/webhooks",
                "{\"subscriberUrl\":\"" + url("/x") + "\",\"triggers\":[\"BOOKING_CREATED\"]}",
                "Authorization",
                "Bearer cal_demo");
        String start = http.get("/v2/slots?eventTypeId=1111&start=2026-03-30&end=2026-03-30", SimHttp.slots())
                .json()
                .at("/data/2026-03-30/0/start")
                .asString();

        SimHttp.Response booked = http.post("/v2/bookings", """
                {"start": "%s", "eventTypeId": 1111,
                 "attendee": {"name": "Max", "email": "max@example.com", "timeZone": "Europe/Berlin"}}
                """.formatted(start), bookings("cal_demo"));

        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        Received delivery = next();
        assertThat(delivery.path()).isEqualTo("/managed");
        assertThat(delivery.json().at("/payload/eventTypeId").asInt()).isEqualTo(1111);
        assertThat(delivery.json().at("/payload/organizer/username").asString()).isEqualTo("anna-demo");
        assertThat(foreign.status()).as("the event type is not the team's").isEqualTo(403);
        assertThat(notOwn.status())
                .as("Anna's child is not the owner's own event type")
                .isEqualTo(403);
    }

    @Test
    void aBookingThatNeedsConfirmationIsPendingAndRequested() throws Exception {
        http.control("/_sim/event-types", """
                {"id": 14, "ownerKey": "cal_t", "title": "Colour", "slug": "colour", "lengthInMinutes": 30,
                 "hosts": ["tina", "tom"], "requiresConfirmation": true}
                """);
        subscribeAt(
                "/v2/teams/90/event-types/14/webhooks",
                "cal_t",
                "/requests",
                "x",
                "[\"BOOKING_CREATED\",\"BOOKING_REQUESTED\"]");

        SimHttp.Response response = http.post("/v2/bookings", """
                {"start": "2026-03-26T09:00:00Z", "eventTypeId": 14,
                 "attendee": {"name": "Max", "email": "max@example.com", "timeZone": "Europe/Berlin"}}
                """, bookings("cal_t"));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().at("/data/status").asString()).isEqualTo("pending");
        Received delivery = next();
        assertThat(delivery.json().get("triggerEvent").asString()).isEqualTo("BOOKING_REQUESTED");
        assertThat(delivery.json().at("/payload/status").asString()).isEqualTo("PENDING");
    }

    @Test
    void theApiAnswersWhileTheSubscriberIsStillBusy() throws Exception {
        hold = new CountDownLatch(1);
        subscribe("cal_t", "/slow", "x", "[\"BOOKING_CREATED\"]");

        SimHttp.Response response = create("2026-03-26T09:00:00Z");
        Received delivery = next();

        assertThat(response.status()).isEqualTo(201);
        assertThat(hold.getCount()).as("subscriber has not answered yet").isEqualTo(1);
        assertThat(delivery.json().at("/payload/uid").asString())
                .isEqualTo(response.json().at("/data/uid").asString());
        hold.countDown();
    }

    @Test
    void subscribingThroughTheApiNeedsAKeyAndAValidUrl() {
        SimHttp.Response anonymous = http.post("/v2/webhooks", "{\"subscriberUrl\":\"" + url("/x") + "\"}");
        SimHttp.Response badUrl =
                http.post("/v2/webhooks", "{\"subscriberUrl\":\"not a url\"}", "Authorization", "Bearer cal_t");
        SimHttp.Response ok = http.post(
                "/v2/webhooks",
                "{\"subscriberUrl\":\"" + url("/x") + "\"," + "\"triggers\":[\"BOOKING_CREATED\"],\"secret\":\"abc\"}",
                "Authorization",
                "Bearer cal_t");

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(badUrl.status()).isEqualTo(400);
        assertThat(ok.fieldNames("/data"))
                .containsExactly("id", "userId", "subscriberUrl", "triggers", "active", "payloadTemplate", "secret");
        assertThat(ok.json().at("/data/userId").asInt()).isEqualTo(900);
        assertThat(http.get("/v2/webhooks", "Authorization", "Bearer cal_t")
                        .json()
                        .get("data")
                        .size())
                .isEqualTo(1);
    }
}
