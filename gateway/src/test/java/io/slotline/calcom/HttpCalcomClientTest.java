package io.slotline.calcom;

import static io.slotline.calcom.CalcomSamples.errorEnvelope;
import static io.slotline.calcom.StubCalcom.RATE_LIMIT_HEADERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.slotline.calcom.CalcomException.BadRequest;
import io.slotline.calcom.CalcomException.SlotUnavailable.Reason;
import io.slotline.calcom.CalcomException.Unavailable.Kind;
import io.slotline.calcom.StubCalcom.Reply;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

class HttpCalcomClientTest {

    private static final Instant NOW = Instant.parse("2050-09-01T08:00:00Z");
    private static final String KEY = "cal_live_xxx";

    private StubCalcom stub;
    private SimpleMeterRegistry registry;
    private HttpCalcomClient client;
    private CalcomAccount account;

    @BeforeEach
    void startStub() throws IOException {
        stub = new StubCalcom();
        registry = new SimpleMeterRegistry();
        client = clientWith(CalcomProperties.defaults().withBaseUrl(stub.baseUrl()), true);
        account = new CalcomAccount("salon", KEY);
    }

    @AfterEach
    void stopStub() {
        stub.close();
    }

    private HttpCalcomClient clientWith(CalcomProperties properties, boolean tenantTags) {
        return new HttpCalcomClient(properties, registry, Clock.fixed(NOW, ZoneOffset.UTC), tenantTags);
    }

    private double timerCount(String account, String endpoint, String status) {
        return registry.get("slotline.calcom.requests")
                .tags("account", account, "endpoint", endpoint, "status", status)
                .timer()
                .count();
    }

    private static JsonNode json(String text) {
        return CalcomJson.MAPPER.readTree(text);
    }

    @Nested
    class Slots {

        @Test
        void sendsExplicitUtcDayBoundsTimeZoneAndRangeFormat() {
            stub.respond(Reply.json(200, CalcomSamples.SLOTS_RANGE_ROME, RATE_LIMIT_HEADERS));
            SlotsQuery query = SlotsQuery.forLocalDays(
                    EventTypeRef.id(100), LocalDate.of(2050, 9, 5), LocalDate.of(2050, 9, 6), ZoneId.of("Europe/Rome"));

            client.slots(account, query);

            StubCalcom.Recorded request = stub.onlyRequest();
            assertThat(request.method()).isEqualTo("GET");
            assertThat(request.path()).isEqualTo("/v2/slots");
            assertThat(request.query())
                    .containsExactly(
                            entry("eventTypeId", "100"),
                            entry("start", "2050-09-04T22:00:00Z"),
                            entry("end", "2050-09-06T21:59:59Z"),
                            entry("timeZone", "Europe/Rome"),
                            entry("format", "range"));
            assertThat(request.rawQuery()).contains("timeZone=Europe/Rome", "start=2050-09-04T22:00:00Z");
            assertThat(request.header("cal-api-version")).isEqualTo("2024-09-04");
            assertThat(request.header("Authorization")).isEqualTo("Bearer " + KEY);
            assertThat(request.header("User-Agent")).startsWith("Slotline");
        }

        @Test
        void mapsDaysAndSlotsInOrderWithTheirOffsets() {
            stub.respond(Reply.json(200, CalcomSamples.SLOTS_RANGE_ROME, RATE_LIMIT_HEADERS));

            SlotsResult result = client.slots(
                    account,
                    SlotsQuery.forLocalDays(
                            EventTypeRef.id(100),
                            LocalDate.of(2050, 9, 5),
                            LocalDate.of(2050, 9, 6),
                            ZoneId.of("Europe/Rome")));

            assertThat(result.days().keySet()).containsExactly(LocalDate.of(2050, 9, 5), LocalDate.of(2050, 9, 6));
            List<Slot> fifth = result.slotsOn(LocalDate.of(2050, 9, 5));
            assertThat(fifth)
                    .extracting(Slot::start)
                    .containsExactly(
                            OffsetDateTime.parse("2050-09-05T09:00:00.000+02:00"),
                            OffsetDateTime.parse("2050-09-05T10:00:00.000+02:00"));
            assertThat(fifth.get(0).startInstant()).isEqualTo(Instant.parse("2050-09-05T07:00:00Z"));
            assertThat(fifth.get(0).duration()).isEqualTo(Duration.ofMinutes(30));
            assertThat(result.all()).hasSize(3);
            assertThat(result.fetchedAt()).isEqualTo(NOW);
        }

        @Test
        void identifiesAStaffMembersEventTypeBySlugAndUsername() {
            stub.respond(Reply.json(200, CalcomSamples.SLOTS_EMPTY));
            SlotsQuery query = SlotsQuery.of(
                            EventTypeRef.slug("herrenhaarschnitt", "anna-demo"),
                            Instant.parse("2050-09-04T22:00:00Z"),
                            Instant.parse("2050-09-05T21:59:59Z"),
                            ZoneId.of("Europe/Berlin"))
                    .withDurationMinutes(30)
                    .withBookingUidToReschedule("booking_uid_123");

            SlotsResult result = client.slots(account, query);

            assertThat(stub.onlyRequest().query())
                    .containsExactly(
                            entry("eventTypeSlug", "herrenhaarschnitt"),
                            entry("username", "anna-demo"),
                            entry("start", "2050-09-04T22:00:00Z"),
                            entry("end", "2050-09-05T21:59:59Z"),
                            entry("timeZone", "Europe/Berlin"),
                            entry("format", "range"),
                            entry("duration", "30"),
                            entry("bookingUidToReschedule", "booking_uid_123"));
            assertThat(result.isEmpty()).isTrue();
        }

        @Test
        void slotsWithoutEndTakeTheRequestedDuration() {
            stub.respond(Reply.json(200, """
                    {"status":"success","data":{"2050-09-05":[{"start":"2050-09-05T07:00:00.000Z"}]}}
                    """));

            SlotsResult result = client.slots(account, query().withDurationMinutes(45));

            assertThat(result.all())
                    .singleElement()
                    .satisfies(slot -> assertThat(slot.endInstant()).isEqualTo(Instant.parse("2050-09-05T07:45:00Z")));
        }

        @Test
        void slotWithoutEndAndNoKnownDurationIsMalformed() {
            stub.respond(Reply.json(200, """
                    {"status":"success","data":{"2050-09-05":[{"start":"2050-09-05T07:00:00.000Z"}]}}
                    """));

            assertThatThrownBy(() -> client.slots(account, query()))
                    .isInstanceOfSatisfying(
                            CalcomException.Unavailable.class,
                            e -> assertThat(e.kind()).isEqualTo(Kind.MALFORMED_RESPONSE));
        }

        @Test
        void recordsRateLimitHeadersAsStatusAndGauges() {
            stub.respond(Reply.json(200, CalcomSamples.SLOTS_EMPTY, RATE_LIMIT_HEADERS));

            client.slots(account, query());

            assertThat(client.rateLimitStatus("salon")).contains(new RateLimitStatus(120, 119, 60, NOW));
            assertThat(client.rateLimitStatus("other")).isEmpty();
            assertThat(registry.get("slotline.calcom.budget.remaining")
                            .tag("account", "salon")
                            .gauge()
                            .value())
                    .isEqualTo(119.0);
            assertThat(registry.get("slotline.calcom.budget.limit")
                            .tag("account", "salon")
                            .gauge()
                            .value())
                    .isEqualTo(120.0);
            assertThat(timerCount("salon", "slots", "200")).isEqualTo(1);
        }

        /** apps/api/v2/src/lib/throttler-guard.ts: a key with custom limits gets headers named after them. */
        @Test
        void readsRateLimitHeadersNamedAfterTheKeysCustomLimits() {
            stub.respond(Reply.json(
                    200,
                    CalcomSamples.SLOTS_EMPTY,
                    Map.of(
                            "X-RateLimit-Limit-Short",
                            "10",
                            "X-RateLimit-Remaining-Short",
                            "2",
                            "X-RateLimit-Reset-Short",
                            "1",
                            "X-RateLimit-Limit-Long",
                            "1000",
                            "X-RateLimit-Remaining-Long",
                            "640",
                            "X-RateLimit-Reset-Long",
                            "35")));

            client.slots(account, query());

            // Cal.com refuses only when every named limit is blocked: the one with most left is the budget
            assertThat(client.rateLimitStatus("salon")).contains(new RateLimitStatus(1000, 640, 35, NOW, "Long"));
            assertThat(registry.get("slotline.calcom.budget.limit")
                            .tag("account", "salon")
                            .gauge()
                            .value())
                    .isEqualTo(1000.0);
        }

        @Test
        void aThrottledKeyWithCustomLimitsWaitsForTheFirstLimitToUnblock() {
            stub.respond(Reply.json(
                    429,
                    CalcomSamples.THROTTLED,
                    Map.of(
                            "X-RateLimit-Limit-Short",
                            "10",
                            "X-RateLimit-Remaining-Short",
                            "0",
                            "X-RateLimit-Reset-Short",
                            "4",
                            "X-RateLimit-Limit-Long",
                            "1000",
                            "X-RateLimit-Remaining-Long",
                            "0",
                            "X-RateLimit-Reset-Long",
                            "50")));

            assertThatThrownBy(() -> client.slots(account, query()))
                    .isInstanceOfSatisfying(
                            CalcomException.RateLimited.class,
                            e -> assertThat(e.resetSeconds()).isEqualTo(4));
            assertThat(client.rateLimitStatus("salon")).get().satisfies(status -> {
                assertThat(status.remaining()).isZero();
                assertThat(status.resetSeconds()).isEqualTo(4);
            });
        }
    }

    @Nested
    class Bookings {

        @Test
        void createSendsTheDocumentedBodyAndMapsTheBooking() {
            stub.respond(Reply.json(201, CalcomSamples.BOOKING_CREATED));
            CreateBooking request = CreateBooking.of(
                            EventTypeRef.id(123),
                            Instant.parse("2030-01-08T13:00:00Z"),
                            new Attendee(
                                    "Mr Proper",
                                    "mr_proper@gmail.com",
                                    "+393331234567",
                                    ZoneId.of("Europe/Rome"),
                                    "it"),
                            "abc-123")
                    .withBookingFieldsResponses(Map.of("customField", "customValue"))
                    .withLengthInMinutes(60)
                    .withReservedSlotUid("e84be5a3")
                    .withLocation(BookingLocation.of("phone"));

            Booking booking = client.createBooking(account, request);

            StubCalcom.Recorded sent = stub.onlyRequest();
            assertThat(sent.method()).isEqualTo("POST");
            assertThat(sent.path()).isEqualTo("/v2/bookings");
            assertThat(sent.header("cal-api-version")).isEqualTo("2024-08-13");
            assertThat(sent.header("Content-Type")).isEqualTo("application/json");
            assertThat(sent.header("Authorization")).isEqualTo("Bearer " + KEY);
            assertThat(json(sent.body())).isEqualTo(json("""
                    {"start":"2030-01-08T13:00:00.000Z","eventTypeId":123,
                     "attendee":{"name":"Mr Proper","email":"mr_proper@gmail.com","timeZone":"Europe/Rome",
                                 "phoneNumber":"+393331234567","language":"it"},
                     "bookingFieldsResponses":{"customField":"customValue"},
                     "metadata":{"slotlineRequestId":"abc-123"},
                     "reservedSlotUid":"e84be5a3","lengthInMinutes":60,"location":{"type":"phone"}}
                    """));

            assertThat(booking.id()).isEqualTo(123);
            assertThat(booking.uid()).isEqualTo("booking_uid_123");
            assertThat(booking.status()).isEqualTo(BookingStatus.ACCEPTED);
            assertThat(booking.start()).isEqualTo(Instant.parse("2030-01-08T13:00:00Z"));
            assertThat(booking.end()).isEqualTo(Instant.parse("2030-01-08T14:00:00Z"));
            assertThat(booking.durationMinutes()).isEqualTo(60);
            assertThat(booking.eventTypeId()).isEqualTo(123L);
            assertThat(booking.eventTypeSlug()).isEqualTo("intro");
            assertThat(booking.hosts())
                    .containsExactly(new Host(1, "Jane Doe", "jane@x.com", "jane", ZoneId.of("America/Los_Angeles")));
            assertThat(booking.attendees())
                    .containsExactly(new Attendee(
                            "Mr Proper", "mr_proper@gmail.com", "+393331234567", ZoneId.of("Europe/Rome"), "it"));
            assertThat(booking.slotlineRequestId()).isEqualTo("abc-123");
            assertThat(booking.bookingFieldsResponses()).containsEntry("customField", "customValue");
            assertThat(booking.location()).isEqualTo("https://meet.example/abc");
            assertThat(booking.createdAt()).isEqualTo(Instant.parse("2025-10-03T12:00:00Z"));
            assertThat(booking.updatedAt()).isNull();
            assertThat(timerCount("salon", "bookings_create", "201")).isEqualTo(1);
        }

        @Test
        void createForAStaffMemberSendsSlugAndUsernameAndPhoneOnlyAttendee() {
            stub.respond(Reply.json(201, CalcomSamples.BOOKING_CREATED));
            CreateBooking request = CreateBooking.of(
                    EventTypeRef.slug("herrenhaarschnitt", "anna-demo"),
                    Instant.parse("2050-09-05T08:00:00Z"),
                    new Attendee("Max Muster", null, "+4915112345678", ZoneId.of("Europe/Berlin"), "de"),
                    "req-9");

            client.createBooking(account, request);

            assertThat(json(stub.onlyRequest().body())).isEqualTo(json("""
                    {"start":"2050-09-05T08:00:00.000Z","eventTypeSlug":"herrenhaarschnitt","username":"anna-demo",
                     "attendee":{"name":"Max Muster","timeZone":"Europe/Berlin","phoneNumber":"+4915112345678",
                                 "language":"de"},
                     "metadata":{"slotlineRequestId":"req-9"}}
                    """));
        }

        @Test
        void getReadsOneBookingByUid() {
            stub.respond(Reply.json(200, CalcomSamples.BOOKING_CREATED));

            Booking booking = client.getBooking(account, "booking_uid_123");

            assertThat(stub.onlyRequest().path()).isEqualTo("/v2/bookings/booking_uid_123");
            assertThat(stub.onlyRequest().header("cal-api-version")).isEqualTo("2024-08-13");
            assertThat(booking.uid()).isEqualTo("booking_uid_123");
        }

        @Test
        void listSendsEveryFilterAndReadsPagination() {
            stub.respond(Reply.json(200, CalcomSamples.BOOKINGS_PAGE));
            BookingFilter filter = BookingFilter.none()
                    .withStatuses(BookingFilter.Status.PAST, BookingFilter.Status.UPCOMING)
                    .withAttendeeEmail("max@example.com")
                    .withAttendeeName("Max Muster")
                    .withEventTypeIds(1001L, 1002L)
                    .withinWindow(Instant.parse("2050-09-01T00:00:00Z"), Instant.parse("2050-09-15T00:00:00Z"))
                    .withPage(10, 20)
                    .sortedBy(BookingFilter.SortBy.START, BookingFilter.Direction.ASC);

            BookingPage page = client.listBookings(account, filter);

            StubCalcom.Recorded request = stub.onlyRequest();
            assertThat(request.path()).isEqualTo("/v2/bookings");
            assertThat(request.header("cal-api-version")).isEqualTo("2024-08-13");
            assertThat(request.query())
                    .containsExactly(
                            entry("status", "upcoming,past"),
                            entry("attendeeEmail", "max@example.com"),
                            entry("attendeeName", "Max Muster"),
                            entry("eventTypeIds", "1001,1002"),
                            entry("afterStart", "2050-09-01T00:00:00Z"),
                            entry("beforeEnd", "2050-09-15T00:00:00Z"),
                            entry("take", "10"),
                            entry("skip", "20"),
                            entry("sortStart", "asc"));
            assertThat(page.bookings()).singleElement().satisfies(booking -> {
                assertThat(booking.uid()).isEqualTo("u7");
                assertThat(booking.eventTypeId()).isEqualTo(1001L);
                assertThat(booking.hosts()).extracting(Host::username).containsExactly("anna-demo");
            });
            assertThat(page.pagination()).isEqualTo(new BookingPage.Pagination(123, 103, 10, 10, 2, 13, true, true));
        }

        @Test
        void cancelPostsTheReasonAndReturnsTheCancelledBooking() {
            stub.respond(Reply.json(200, CalcomSamples.BOOKING_CANCELLED));

            Booking cancelled = client.cancel(account, "booking_uid_123", "Kunde verhindert");

            StubCalcom.Recorded request = stub.onlyRequest();
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/v2/bookings/booking_uid_123/cancel");
            assertThat(request.header("cal-api-version")).isEqualTo("2024-08-13");
            assertThat(json(request.body())).isEqualTo(json("{\"cancellationReason\":\"Kunde verhindert\"}"));
            assertThat(cancelled.status()).isEqualTo(BookingStatus.CANCELLED);
            assertThat(cancelled.cancellationReason()).isEqualTo("Kunde verhindert");
        }

        @Test
        void rescheduleReturnsTheNewBookingPointingBackToTheOldOne() {
            stub.respond(Reply.json(201, CalcomSamples.BOOKING_RESCHEDULED));

            Booking moved = client.reschedule(
                    account, "booking_uid_123", Instant.parse("2040-02-09T12:00:00Z"), "Kunde möchte später");

            StubCalcom.Recorded request = stub.onlyRequest();
            assertThat(request.path()).isEqualTo("/v2/bookings/booking_uid_123/reschedule");
            assertThat(json(request.body())).isEqualTo(json("""
                    {"start":"2040-02-09T12:00:00.000Z","reschedulingReason":"Kunde möchte später"}
                    """));
            assertThat(moved.uid()).isEqualTo("booking_uid_456");
            assertThat(moved.rescheduledFromUid()).isEqualTo("booking_uid_123");
            assertThat(moved.eventTypeId())
                    .as("taken from eventType.id when eventTypeId is absent")
                    .isEqualTo(123L);
            assertThat(moved.metadata()).containsEntry("attempt", "2");
            assertThat(timerCount("salon", "bookings_reschedule", "201")).isEqualTo(1);
        }

        @Test
        void uidsAreEncodedAsOnePathSegment() {
            stub.respond(Reply.json(200, CalcomSamples.BOOKING_CREATED));

            client.getBooking(account, "a/b c");

            assertThat(stub.onlyRequest().rawPath()).isEqualTo("/v2/bookings/a%2Fb%20c");
        }
    }

    @Nested
    class ReservationsAndEventTypes {

        @Test
        void reserveHoldsASlotAndReleaseDeletesIt() {
            stub.respond(Reply.json(201, CalcomSamples.RESERVATION));

            Reservation reservation = client.reserve(account, 1001, Instant.parse("2050-09-05T07:00:00Z"), 30, 5);

            StubCalcom.Recorded request = stub.onlyRequest();
            assertThat(request.path()).isEqualTo("/v2/slots/reservations");
            assertThat(request.header("cal-api-version")).isEqualTo("2024-09-04");
            assertThat(json(request.body())).isEqualTo(json("""
                    {"eventTypeId":1001,"slotStart":"2050-09-05T07:00:00.000Z","reservationDuration":5}
                    """));
            assertThat(reservation)
                    .isEqualTo(new Reservation(
                            "e84be5a3-4696-49e3-acc7-b2f3999c3b94",
                            1001,
                            Instant.parse("2050-09-05T07:00:00Z"),
                            Instant.parse("2050-09-05T07:30:00Z"),
                            30,
                            Instant.parse("2050-09-05T06:05:00Z")));

            stub.respond(Reply.json(200, "{\"status\":\"success\"}"));
            client.releaseReservation(account, reservation.uid());

            StubCalcom.Recorded release = stub.requests().get(1);
            assertThat(release.method()).isEqualTo("DELETE");
            assertThat(release.path()).isEqualTo("/v2/slots/reservations/e84be5a3-4696-49e3-acc7-b2f3999c3b94");
            assertThat(timerCount("salon", "reservations_delete", "200")).isEqualTo(1);
        }

        @Test
        void releasingAnUnknownReservationIsNotAnError() {
            stub.respond(Reply.json(
                    404, errorEnvelope("NotFoundException", "Reserved slot not found", "/v2/slots/reservations/gone")));

            assertThatCode(() -> client.releaseReservation(account, "gone")).doesNotThrowAnyException();
            assertThat(timerCount("salon", "reservations_delete", "404")).isEqualTo(1);
        }

        @Test
        void releaseFailureIsStillReported() {
            stub.respond(Reply.json(503, "upstream down"));

            assertThatThrownBy(() -> client.releaseReservation(account, "r1"))
                    .isInstanceOf(CalcomException.Unavailable.class);
        }

        @Test
        void eventTypesMapLengthsBuffersRequiredFieldsAndHosts() {
            stub.respond(Reply.json(200, CalcomSamples.EVENT_TYPES));

            List<EventType> eventTypes = client.eventTypes(account);

            assertThat(stub.onlyRequest().path()).isEqualTo("/v2/event-types");
            assertThat(stub.onlyRequest().header("cal-api-version")).isEqualTo("2024-06-14");
            assertThat(eventTypes).extracting(EventType::id).containsExactly(1001L, 1003L);
            EventType haircut = eventTypes.get(0);
            assertThat(haircut.slug()).isEqualTo("herrenhaarschnitt");
            assertThat(haircut.lengthInMinutes()).isEqualTo(30);
            assertThat(haircut.slotInterval()).isEqualTo(30);
            assertThat(haircut.minimumBookingNotice()).isEqualTo(60);
            assertThat(haircut.teamId()).isEqualTo(77L);
            assertThat(haircut.requiresEmail()).isFalse();
            assertThat(haircut.requiresPhone()).isTrue();
            assertThat(haircut.requiredCustomFields())
                    .extracting(EventType.BookingField::slug)
                    .containsExactly("allergies");
            assertThat(haircut.hosts())
                    .extracting(Host::id, Host::username)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(501L, "anna-demo"),
                            org.assertj.core.groups.Tuple.tuple(502L, "ben-demo"));
            EventType colouring = eventTypes.get(1);
            assertThat(colouring.afterEventBuffer()).isEqualTo(10);
            assertThat(colouring.requiresEmail()).isTrue();
            assertThat(colouring.requiresPhone()).isFalse();
        }

        @Test
        void personalEventTypeTakesItsUsersAsHostsAndDefaultsToRequiringEmail() {
            stub.respond(Reply.json(200, CalcomSamples.EVENT_TYPE_PERSONAL));

            EventType eventType = client.eventType(account, 2001);

            assertThat(stub.onlyRequest().path()).isEqualTo("/v2/event-types/2001");
            assertThat(eventType.slotInterval()).isNull();
            assertThat(eventType.hosts()).extracting(Host::id).containsExactly(601L);
            assertThat(eventType.requiresEmail()).isTrue();
            assertThat(eventType.requiresPhone()).isFalse();
        }

        @Test
        void eventTypeWithNullDataIsNotFound() {
            stub.respond(Reply.json(200, "{\"status\":\"success\",\"data\":null}"));

            assertThatThrownBy(() -> client.eventType(account, 9)).isInstanceOf(CalcomException.NotFound.class);
        }
    }

    @Nested
    class Errors {

        static Stream<Arguments> slotUnavailableAnswers() {
            return Stream.of(
                    Arguments.of(
                            400,
                            errorEnvelope(
                                    "BadRequestException",
                                    "User either already has booking at this time or is not available",
                                    "/v2/bookings"),
                            Reason.TAKEN),
                    Arguments.of(
                            400,
                            errorEnvelope(
                                    "BadRequestException",
                                    "One of the hosts either already has booking at this time or is not available",
                                    "/v2/bookings"),
                            Reason.TAKEN),
                    Arguments.of(
                            400,
                            errorEnvelope(
                                    "BadRequestException",
                                    "The event type can't be booked at the \"start\" time provided. This could be because "
                                            + "it's too soon (violating the minimum booking notice) or too far in the future "
                                            + "(outside of the event types booking window).",
                                    "/v2/bookings"),
                            Reason.OUTSIDE_BOOKING_WINDOW),
                    Arguments.of(
                            400,
                            errorEnvelope(
                                    "BadRequestException", "Attempting to book a meeting in the past.", "/v2/bookings"),
                            Reason.IN_PAST),
                    Arguments.of(
                            400,
                            errorEnvelope(
                                    "BadRequestException",
                                    "Someone else reserved this booking time slot before you. This time slot will be freed "
                                            + "up in 120 seconds.",
                                    "/v2/bookings"),
                            Reason.RESERVED_BY_OTHER),
                    Arguments.of(409, CalcomSamples.NEST_CONFLICT, Reason.CONFLICT),
                    // errors.service.ts: seats full is a ConflictException, not a lost race
                    Arguments.of(
                            409,
                            errorEnvelope(
                                    "ConflictException", "No more seats left at this seated booking.", "/v2/bookings"),
                            Reason.SEATS_FULL),
                    // core ErrorCode values (packages/lib/errorCodes.ts) passed through as Nest's plain body
                    Arguments.of(
                            409, "{\"statusCode\":409,\"message\":\"no_available_users_found_error\"}", Reason.TAKEN),
                    Arguments.of(
                            409,
                            "{\"statusCode\":409,\"message\":\"reserved_slot_not_first_in_line\"}",
                            Reason.RESERVED_BY_OTHER),
                    Arguments.of(
                            400,
                            "{\"statusCode\":400,\"message\":\"booking_time_out_of_bounds_error\"}",
                            Reason.OUTSIDE_BOOKING_WINDOW),
                    Arguments.of(409, errorEnvelope("TRPCError", "Conflict", "/v2/bookings"), Reason.CONFLICT));
        }

        static Stream<Arguments> badRequestAnswers() {
            return Stream.of(
                    Arguments.of(
                            400,
                            "{\"statusCode\":400,\"message\":\"Cancellation reason is required\"}",
                            BadRequest.Problem.CANCELLATION_REASON),
                    Arguments.of(
                            400,
                            errorEnvelope("BadRequestException", "{email}error_required_field", "/v2/bookings"),
                            BadRequest.Problem.BOOKING_FIELDS),
                    Arguments.of(
                            400,
                            errorEnvelope(
                                    "BadRequestException",
                                    "Missing required booking field response: hairLength",
                                    "/v2/bookings"),
                            BadRequest.Problem.BOOKING_FIELDS),
                    Arguments.of(
                            400,
                            errorEnvelope(
                                    "BadRequestException",
                                    "Event type with id=811 is the parent "
                                            + "managed event type that can't be booked. You have to provide the child event type id "
                                            + "aka id of event type that has been assigned to one of the users.",
                                    "/v2/bookings"),
                            BadRequest.Problem.EVENT_TYPE_SETUP),
                    Arguments.of(
                            422,
                            errorEnvelope(
                                    "UnprocessableEntityException",
                                    "Can't book this team event "
                                            + "type because it has no hosts - please add at least one host.",
                                    "/v2/bookings"),
                            BadRequest.Problem.EVENT_TYPE_SETUP),
                    Arguments.of(
                            400,
                            "{\"status\":\"error\",\"error\":{\"code\":\"BadRequestException\","
                                    + "\"message\":\"Bad Request Exception\",\"details\":{\"errors\":[{\"property\":"
                                    + "\"attendee\"}]}}}",
                            BadRequest.Problem.VALIDATION),
                    Arguments.of(
                            400,
                            "{\"statusCode\":400,\"message\":\"Cannot cancel a booking that has " + "already ended\"}",
                            BadRequest.Problem.NOT_CHANGEABLE));
        }

        @ParameterizedTest
        @MethodSource("badRequestAnswers")
        void otherRejectionsSayWhatCalcomObjectedTo(int status, String body, BadRequest.Problem problem) {
            stub.respond(Reply.json(status, body));

            assertThatThrownBy(() -> client.createBooking(account, someBooking()))
                    .isInstanceOfSatisfying(
                            BadRequest.class, e -> assertThat(e.problem()).isEqualTo(problem));
        }

        /** http-exception.filter.ts: error.code is the exception class, and a ThrottlerException is throttling. */
        @Test
        void aThrottlerExceptionIsRateLimitedWhateverTheStatus() {
            stub.respond(Reply.json(
                    400,
                    errorEnvelope(
                            "ThrottlerException",
                            "CustomThrottlerGuard - Too many requests. Please try again later.",
                            "/v2/slots")));

            assertThatThrownBy(() -> client.slots(account, query())).isInstanceOf(CalcomException.RateLimited.class);
        }

        @ParameterizedTest
        @MethodSource("slotUnavailableAnswers")
        void bookingRejectionsBecomeSlotUnavailableWithTheReason(int status, String body, Reason reason) {
            stub.respond(Reply.json(status, body));

            assertThatThrownBy(() -> client.createBooking(account, someBooking()))
                    .isInstanceOfSatisfying(CalcomException.SlotUnavailable.class, e -> {
                        assertThat(e.reason()).isEqualTo(reason);
                        assertThat(e.httpStatus()).isEqualTo(status);
                        assertThat(e.origin().endpoint()).isEqualTo("bookings_create");
                        assertThat(e.origin().account()).isEqualTo("salon");
                        assertThat(e.origin().requestId()).isEqualTo("req-1");
                    });
        }

        @Test
        void reservationHeldBySomeoneElseIsSlotUnavailable() {
            stub.respond(Reply.json(
                    400,
                    errorEnvelope(
                            "BadRequestException",
                            "Someone else reserved this booking time slot before you. This time slot will be freed up in "
                                    + "240 seconds.",
                            "/v2/slots/reservations")));

            assertThatThrownBy(() -> client.reserve(account, 1001, Instant.parse("2050-09-05T07:00:00Z"), 30, 5))
                    .isInstanceOfSatisfying(
                            CalcomException.SlotUnavailable.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.RESERVED_BY_OTHER));
        }

        @Test
        void reschedulingACancelledBookingIsABadRequestWithCalcomsMessage() {
            String message = "Can't reschedule booking with uid=booking_uid_123 because it has been cancelled. "
                    + "Please provide uid of a booking that is not cancelled.";
            stub.respond(Reply.json(400, errorEnvelope("BadRequestException", message, "/v2/bookings")));

            assertThatThrownBy(() ->
                            client.reschedule(account, "booking_uid_123", Instant.parse("2040-02-09T12:00:00Z"), null))
                    .isInstanceOfSatisfying(CalcomException.BadRequest.class, e -> {
                        assertThat(e.getMessage()).contains(message);
                        assertThat(e.origin().calcomCode()).isEqualTo("BadRequestException");
                    });
        }

        @Test
        void invalidSlotsRangeIsABadRequestNotASlotProblem() {
            stub.respond(Reply.json(
                    400,
                    errorEnvelope(
                            "BadRequestException",
                            "Invalid time range given - check the 'start' and 'end' query parameters.",
                            "/v2/slots")));

            assertThatThrownBy(() -> client.slots(account, query())).isInstanceOf(CalcomException.BadRequest.class);
        }

        @Test
        void nestValidationMessagesAreJoined() {
            stub.respond(Reply.json(400, """
                    {"statusCode":400,"message":["attendee.email must be an email","start must be a valid ISO 8601 date string"],"error":"Bad Request"}
                    """));

            assertThatThrownBy(() -> client.createBooking(account, someBooking()))
                    .isInstanceOfSatisfying(
                            CalcomException.BadRequest.class,
                            e -> assertThat(e.getMessage())
                                    .contains(
                                            "attendee.email must be an email; start must be a valid ISO 8601 date string"));
        }

        @Test
        void unprocessableEntityIsABadRequest() {
            stub.respond(
                    Reply.json(422, errorEnvelope("UnprocessableEntityException", "Invalid metadata", "/v2/bookings")));

            assertThatThrownBy(() -> client.createBooking(account, someBooking()))
                    .isInstanceOfSatisfying(
                            CalcomException.BadRequest.class,
                            e -> assertThat(e.httpStatus()).isEqualTo(422));
        }

        @Test
        void unknownBookingIsNotFound() {
            stub.respond(Reply.json(
                    404, errorEnvelope("NotFoundException", "Booking with uid=nope not found", "/v2/bookings/nope")));

            assertThatThrownBy(() -> client.getBooking(account, "nope"))
                    .isInstanceOfSatisfying(
                            CalcomException.NotFound.class,
                            e -> assertThat(e.getMessage()).contains("Booking with uid=nope not found"));
        }

        @Test
        void rejectedKeysAreUnauthorized() {
            stub.respond(Reply.json(401, errorEnvelope("UnauthorizedException", "Invalid API key", "/v2/bookings")));
            assertThatThrownBy(() -> client.listBookings(account, BookingFilter.none()))
                    .isInstanceOf(CalcomException.Unauthorized.class);

            stub.respond(Reply.json(403, errorEnvelope("ForbiddenException", "Forbidden", "/v2/bookings")));
            assertThatThrownBy(() -> client.listBookings(account, BookingFilter.none()))
                    .isInstanceOf(CalcomException.Unauthorized.class);
        }

        @Test
        void theRateLimitedCounterOfAllAccountsExistsFromTheStartWithTenantTagsOff() {
            HttpCalcomClient shared = clientWith(CalcomProperties.defaults().withBaseUrl(stub.baseUrl()), false);
            assertThat(registry.get("slotline.calcom.ratelimited")
                            .tag("account", "all")
                            .counter()
                            .count())
                    .isZero();
            stub.respond(Reply.json(429, CalcomSamples.THROTTLED));

            assertThatThrownBy(() -> shared.slots(account, query())).isInstanceOf(CalcomException.RateLimited.class);

            assertThat(registry.get("slotline.calcom.ratelimited")
                            .tag("account", "all")
                            .counter()
                            .count())
                    .isEqualTo(1);
        }

        @Test
        void tooManyRequestsIsRateLimitedWithTheResetHeader() {
            stub.respond(Reply.json(
                    429,
                    CalcomSamples.THROTTLED,
                    Map.of(
                            "X-RateLimit-Limit-Default", "120",
                            "X-RateLimit-Remaining-Default", "0",
                            "X-RateLimit-Reset-Default", "37")));

            assertThatThrownBy(() -> client.slots(account, query()))
                    .isInstanceOfSatisfying(CalcomException.RateLimited.class, e -> {
                        assertThat(e.resetSeconds()).isEqualTo(37);
                        assertThat(e.origin().calcomCode()).isEqualTo("ThrottlerException");
                    });
            RateLimitStatus status = client.rateLimitStatus("salon").orElseThrow();
            assertThat(status.remaining()).isZero();
            assertThat(status.exhaustedAt(NOW)).isTrue();
            assertThat(status.exhaustedAt(NOW.plusSeconds(37)))
                    .as("window reset")
                    .isFalse();
            assertThat(registry.get("slotline.calcom.ratelimited")
                            .tag("account", "salon")
                            .counter()
                            .count())
                    .isEqualTo(1);
            assertThat(timerCount("salon", "slots", "429")).isEqualTo(1);
        }

        @Test
        void tooManyRequestsWithoutHeadersWaitsTheDocumentedMinute() {
            stub.respond(Reply.json(429, CalcomSamples.THROTTLED));

            assertThatThrownBy(() -> client.slots(account, query()))
                    .isInstanceOfSatisfying(
                            CalcomException.RateLimited.class,
                            e -> assertThat(e.resetSeconds()).isEqualTo(60));
            RateLimitStatus status = client.rateLimitStatus("salon").orElseThrow();
            assertThat(status.exhaustedAt(NOW)).isTrue();
            assertThat(status.exhaustedAt(NOW.plusSeconds(60))).isFalse();
            assertThat(status.remainingAt(NOW.plusSeconds(60))).isEqualTo(120);
        }

        @Test
        void serverErrorIsUnavailable() {
            stub.respond(Reply.json(
                    500, errorEnvelope("InternalServerErrorException", "Internal server error", "/v2/slots")));

            assertThatThrownBy(() -> client.slots(account, query()))
                    .isInstanceOfSatisfying(CalcomException.Unavailable.class, e -> {
                        assertThat(e.kind()).isEqualTo(Kind.SERVER_ERROR);
                        assertThat(e.timedOut()).isFalse();
                        assertThat(e.httpStatus()).isEqualTo(500);
                    });
            assertThat(timerCount("salon", "slots", "500")).isEqualTo(1);
        }

        @Test
        void proxyErrorPageIsUnavailableWithItsText() {
            stub.respond(Reply.json(502, "<html>Bad gateway</html>"));

            assertThatThrownBy(() -> client.slots(account, query()))
                    .isInstanceOfSatisfying(
                            CalcomException.Unavailable.class,
                            e -> assertThat(e.getMessage()).contains("Bad gateway"));
        }

        @Test
        void malformedSuccessBodyIsUnavailable() {
            stub.respond(Reply.json(200, "{\"status\":\"success\",\"data\":{\"2050-09-05\":[{\"start\":"));

            assertThatThrownBy(() -> client.slots(account, query()))
                    .isInstanceOfSatisfying(CalcomException.Unavailable.class, e -> {
                        assertThat(e.kind()).isEqualTo(Kind.MALFORMED_RESPONSE);
                        assertThat(e.timedOut()).isFalse();
                        assertThat(e.httpStatus()).isEqualTo(200);
                    });
        }

        @Test
        void unreadableTimeInBookingIsUnavailable() {
            stub.respond(Reply.json(200, CalcomSamples.BOOKING_CREATED.replace("2030-01-08T13:00:00.000Z", "soon")));

            assertThatThrownBy(() -> client.getBooking(account, "booking_uid_123"))
                    .isInstanceOfSatisfying(
                            CalcomException.Unavailable.class,
                            e -> assertThat(e.kind()).isEqualTo(Kind.MALFORMED_RESPONSE));
        }

        @Test
        void slowAnswerTimesOut() {
            HttpCalcomClient impatient = clientWith(
                    new CalcomProperties(
                            stub.baseUrl(),
                            Map.of(),
                            Duration.ofMillis(200),
                            Map.of("slots", Duration.ofMillis(200)),
                            "Slotline-test"),
                    true);
            stub.respond(Reply.never());

            assertThatThrownBy(() -> impatient.slots(account, query()))
                    .isInstanceOfSatisfying(CalcomException.Unavailable.class, e -> {
                        assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
                        assertThat(e.timedOut()).isTrue();
                        assertThat(e.httpStatus()).isZero();
                    });
            assertThat(timerCount("salon", "slots", "timeout")).isEqualTo(1);
        }

        @Test
        void refusedConnectionIsAnIoError() throws IOException {
            URI closed;
            try (ServerSocket socket = new ServerSocket(0)) {
                closed = URI.create("http://127.0.0.1:" + socket.getLocalPort());
            }
            CalcomAccount unreachable = new CalcomAccount("salon", KEY, closed);

            assertThatThrownBy(() -> client.slots(unreachable, query()))
                    .isInstanceOfSatisfying(CalcomException.Unavailable.class, e -> {
                        assertThat(e.kind()).isEqualTo(Kind.IO_ERROR);
                        assertThat(e.timedOut()).isFalse();
                    });
            assertThat(timerCount("salon", "slots", "io_error")).isEqualTo(1);
        }
    }

    @Nested
    class Accounts {

        @Test
        void accountBaseUrlOverridesTheDefaultAndTenantTagsCanBeOff() throws IOException {
            URI closed;
            try (ServerSocket socket = new ServerSocket(0)) {
                closed = URI.create("http://127.0.0.1:" + socket.getLocalPort());
            }
            HttpCalcomClient shared = clientWith(CalcomProperties.defaults().withBaseUrl(closed), false);
            stub.respond(Reply.json(200, CalcomSamples.SLOTS_EMPTY, RATE_LIMIT_HEADERS));

            shared.slots(new CalcomAccount("salon", KEY, URI.create(stub.baseUrl() + "/")), query());

            assertThat(stub.onlyRequest().path()).isEqualTo("/v2/slots");
            assertThat(timerCount("all", "slots", "200")).isEqualTo(1);
            assertThat(registry.get("slotline.calcom.budget.remaining")
                            .tag("account", "all")
                            .gauge()
                            .value())
                    .isEqualTo(119.0);
            assertThat(shared.rateLimitStatus("salon")).isPresent();
        }

        @Test
        void eachAccountSendsItsOwnKeyAndKeepsItsOwnBudget() {
            stub.respond(request -> Reply.json(
                    200,
                    CalcomSamples.SLOTS_EMPTY,
                    Map.of(
                            "X-RateLimit-Limit-Default",
                            "120",
                            "X-RateLimit-Remaining-Default",
                            request.header("Authorization").endsWith("cal_other") ? "5" : "100",
                            "X-RateLimit-Reset-Default",
                            "30")));

            client.slots(account, query());
            client.slots(new CalcomAccount("other", "cal_other"), query());

            assertThat(stub.requests())
                    .extracting(r -> r.header("Authorization"))
                    .containsExactly("Bearer " + KEY, "Bearer cal_other");
            assertThat(client.rateLimitStatus("salon").orElseThrow().remaining())
                    .isEqualTo(100);
            assertThat(client.rateLimitStatus("other").orElseThrow().remaining())
                    .isEqualTo(5);
        }

        @Test
        void accountToStringHidesTheKey() {
            assertThat(new CalcomAccount("salon", "cal_live_secretvalue").toString())
                    .doesNotContain("secret")
                    .contains("salon", "****alue");
        }
    }

    @Nested
    class UpstreamCounting {

        @Test
        void countsEveryAttemptOnTheBoundRequestIncludingFailures() {
            UpstreamCounter upstream = new UpstreamCounter();
            try (UpstreamCounter.Scope ignored = upstream.bind()) {
                stub.respond(Reply.json(200, CalcomSamples.SLOTS_EMPTY));
                client.slots(account, query());
                stub.respond(Reply.json(500, "{}"));
                assertThatThrownBy(() -> client.slots(account, query())).isInstanceOf(CalcomException.class);
            }

            assertThat(upstream.calls()).isEqualTo(2);
            assertThat(UpstreamCounter.current()).isNull();
        }

        @Test
        void followsWorkHandedToAnotherThread() {
            stub.respond(Reply.json(200, CalcomSamples.SLOTS_EMPTY));
            UpstreamCounter upstream = new UpstreamCounter();
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                try (UpstreamCounter.Scope ignored = upstream.bind()) {
                    CompletableFuture.supplyAsync(UpstreamCounter.wrap(() -> client.slots(account, query())), pool)
                            .join();
                    CompletableFuture.runAsync(() -> client.slots(account, query()), UpstreamCounter.propagating(pool))
                            .join();
                    CompletableFuture.runAsync(() -> client.slots(account, query()), pool)
                            .join();
                }
                client.slots(account, query());
            } finally {
                pool.shutdown();
            }

            assertThat(stub.requests()).hasSize(4);
            assertThat(upstream.calls())
                    .as("only the two tasks that carried the binding")
                    .isEqualTo(2);
            assertThat(upstream.time()).isPositive();
        }
    }

    private static SlotsQuery query() {
        return SlotsQuery.forLocalDays(
                EventTypeRef.id(1001), LocalDate.of(2050, 9, 5), LocalDate.of(2050, 9, 5), ZoneId.of("Europe/Berlin"));
    }

    private static CreateBooking someBooking() {
        return CreateBooking.of(
                EventTypeRef.id(1001),
                Instant.parse("2050-09-05T08:00:00Z"),
                new Attendee("Max", "max@example.com", null, ZoneId.of("Europe/Berlin"), "de"),
                "req-1");
    }
}
