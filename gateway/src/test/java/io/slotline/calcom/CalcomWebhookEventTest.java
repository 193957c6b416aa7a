package io.slotline.calcom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slotline.calcom.CalcomWebhookEvent.Person;
import io.slotline.calcom.CalcomWebhookEvent.Trigger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CalcomWebhookEventTest {

    /** The BOOKING_CREATED example from calcom.md section 5. */
    private static final String CREATED = """
            {"triggerEvent":"BOOKING_CREATED","createdAt":"2024-01-01T00:00:00.000Z","payload":{
              "title":"...","type":"standard-event-type","startTime":"2024-01-01T10:00:00Z","endTime":"2024-01-01T10:15:00Z",
              "eventTypeId":123,"uid":"unique-booking-id","bookingId":100,"status":"ACCEPTED","length":15,
              "organizer":{"id":1,"name":"...","email":"...","username":"...","timeZone":"UTC","language":{"locale":"en"}},
              "attendees":[{"email":"guest@example.com","name":"Guest User","timeZone":"UTC","language":{"locale":"en"}}],
              "responses":{"name":{"label":"your_name","value":"Guest User"}},
              "location":"integrations:video-provider","metadata":{"videoCallUrl":"..."},"iCalUID":"...","iCalSequence":0}}
            """;

    private static final String RESCHEDULED = """
            {"triggerEvent":"BOOKING_RESCHEDULED","createdAt":"2024-01-02T09:00:00.000Z","payload":{
              "title":"Herrenhaarschnitt","type":"herrenhaarschnitt",
              "startTime":"2024-01-05T14:00:00.000Z","endTime":"2024-01-05T14:30:00.000Z",
              "eventTypeId":1001,"uid":"new-uid","bookingId":101,
              "rescheduleUid":"old-uid","rescheduleId":100,
              "rescheduleStartTime":"2024-01-04T09:00:00.000Z","rescheduleEndTime":"2024-01-04T09:30:00.000Z",
              "status":"ACCEPTED",
              "organizer":{"id":501,"name":"Anna","email":"anna@demo-salon.example","username":"anna-demo","timeZone":"Europe/Berlin"},
              "attendees":[{"email":"max@example.com","name":"Max Muster","timeZone":"Europe/Berlin","language":{"locale":"de"}}],
              "responses":{"attendeePhoneNumber":{"label":"phone","value":"+4915112345678"}},
              "metadata":{"slotlineRequestId":"req-7","retries":1}}}
            """;

    private static final String CANCELLED = """
            {"triggerEvent":"BOOKING_CANCELLED","createdAt":"2024-01-03T08:00:00+00:00","payload":{
              "title":"Herrenhaarschnitt","startTime":"2024-01-05T14:00:00+00:00","endTime":"2024-01-05T14:30:00+00:00",
              "eventTypeId":1001,"uid":"new-uid","bookingId":101,"status":"CANCELLED","cancellationReason":"Kunde krank",
              "organizer":{"name":"Anna","email":"anna@demo-salon.example","timeZone":"Europe/Berlin"},
              "attendees":[{"email":"max@example.com","name":"Max Muster","phoneNumber":"+4915112345678","timeZone":"Europe/Berlin"}]}}
            """;

    private static final String MEETING_STARTED = """
            {"triggerEvent":"MEETING_STARTED","createdAt":"2024-01-05T14:00:05.000Z",
             "id":101,"uid":"new-uid","title":"Herrenhaarschnitt","startTime":"2024-01-05T14:00:00.000Z",
             "endTime":"2024-01-05T14:30:00.000Z","eventTypeId":1001,"status":"ACCEPTED",
             "user":{"name":"Anna","email":"anna@demo-salon.example","username":"anna-demo","timeZone":"Europe/Berlin"},
             "attendees":[{"name":"Max Muster","email":"max@example.com","timeZone":"Europe/Berlin"}]}
            """;

    private static CalcomWebhookEvent parse(String body) {
        return CalcomWebhookEvent.parse(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsTheDocumentedBookingCreatedExample() {
        CalcomWebhookEvent event = parse(CREATED);

        assertThat(event.trigger()).isEqualTo(Trigger.BOOKING_CREATED);
        assertThat(event.createdAt()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
        assertThat(event.uid()).isEqualTo("unique-booking-id");
        assertThat(event.bookingId()).isEqualTo(100L);
        assertThat(event.eventTypeId()).isEqualTo(123L);
        assertThat(event.start()).isEqualTo(Instant.parse("2024-01-01T10:00:00Z"));
        assertThat(event.end()).isEqualTo(Instant.parse("2024-01-01T10:15:00Z"));
        assertThat(event.status()).isEqualTo(BookingStatus.ACCEPTED);
        assertThat(event.rescheduleUid()).isNull();
        assertThat(event.attendees()).containsExactly(new Person("Guest User", "guest@example.com", null, null, "UTC"));
        assertThat(event.organizer()).isNotNull();
        assertThat(event.metadata()).containsEntry("videoCallUrl", "...");
        assertThat(event.changesAvailability()).isTrue();
    }

    @Test
    void rescheduleCarriesBothTheNewAndTheOldRange() {
        CalcomWebhookEvent event = parse(RESCHEDULED);

        assertThat(event.trigger()).isEqualTo(Trigger.BOOKING_RESCHEDULED);
        assertThat(event.uid()).isEqualTo("new-uid");
        assertThat(event.rescheduleUid()).isEqualTo("old-uid");
        assertThat(event.start()).isEqualTo(Instant.parse("2024-01-05T14:00:00Z"));
        assertThat(event.end()).isEqualTo(Instant.parse("2024-01-05T14:30:00Z"));
        assertThat(event.rescheduleStart()).isEqualTo(Instant.parse("2024-01-04T09:00:00Z"));
        assertThat(event.rescheduleEnd()).isEqualTo(Instant.parse("2024-01-04T09:30:00Z"));
        assertThat(event.organizer())
                .isEqualTo(new Person("Anna", "anna@demo-salon.example", null, "anna-demo", "Europe/Berlin"));
        assertThat(event.attendees()).singleElement().satisfies(attendee -> {
            assertThat(attendee.name()).isEqualTo("Max Muster");
            assertThat(attendee.phoneNumber()).as("from the booking form").isEqualTo("+4915112345678");
        });
        assertThat(event.metadata()).containsEntry("slotlineRequestId", "req-7").containsEntry("retries", "1");
    }

    @Test
    void cancellationWithOffsetStyleTimes() {
        CalcomWebhookEvent event = parse(CANCELLED);

        assertThat(event.trigger()).isEqualTo(Trigger.BOOKING_CANCELLED);
        assertThat(event.status()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(event.cancellationReason()).isEqualTo("Kunde krank");
        assertThat(event.createdAt()).isEqualTo(Instant.parse("2024-01-03T08:00:00Z"));
        assertThat(event.start()).isEqualTo(Instant.parse("2024-01-05T14:00:00Z"));
        assertThat(event.end()).isEqualTo(Instant.parse("2024-01-05T14:30:00Z"));
        assertThat(event.attendees()).extracting(Person::phoneNumber).containsExactly("+4915112345678");
        assertThat(event.metadata()).isEmpty();
    }

    @Test
    void meetingEventsAreFlat() {
        CalcomWebhookEvent event = parse(MEETING_STARTED);

        assertThat(event.trigger()).isEqualTo(Trigger.MEETING_STARTED);
        assertThat(event.uid()).isEqualTo("new-uid");
        assertThat(event.bookingId()).isEqualTo(101L);
        assertThat(event.start()).isEqualTo(Instant.parse("2024-01-05T14:00:00Z"));
        assertThat(event.organizer()).extracting(Person::username).isEqualTo("anna-demo");
        assertThat(event.attendees()).hasSize(1);
        assertThat(event.changesAvailability()).isFalse();
    }

    @Test
    void unknownTriggersAreKeptButMarked() {
        CalcomWebhookEvent event = parse("""
                {"triggerEvent":"SOMETHING_NEW","createdAt":"2024-01-01T00:00:00.000Z","payload":{}}
                """);

        assertThat(event.triggerEvent()).isEqualTo("SOMETHING_NEW");
        assertThat(event.trigger()).isEqualTo(Trigger.UNKNOWN);
        assertThat(event.uid()).isNull();
        assertThat(event.attendees()).isEmpty();
    }

    @Test
    void unreadableBodiesAreRejected() {
        assertThatThrownBy(() -> parse("not json")).isInstanceOf(CalcomWebhookEvent.MalformedPayload.class);
        assertThatThrownBy(() -> parse("[1,2]")).isInstanceOf(CalcomWebhookEvent.MalformedPayload.class);
        assertThatThrownBy(() -> parse("{\"payload\":{}}"))
                .isInstanceOf(CalcomWebhookEvent.MalformedPayload.class)
                .hasMessageContaining("triggerEvent");
        assertThatThrownBy(() -> parse("""
                {"triggerEvent":"BOOKING_CREATED","payload":{"uid":"u","startTime":"tomorrow at ten"}}
                """))
                .isInstanceOf(CalcomWebhookEvent.MalformedPayload.class)
                .hasMessageContaining("tomorrow at ten");
    }
}
