package io.slotline.calcom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CreateBookingTest {

    private static final Instant START = Instant.parse("2050-09-05T08:00:00Z");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void needsEmailOrPhone() {
        assertThatThrownBy(() -> CreateBooking.of(
                        EventTypeRef.id(1001), START, new Attendee("Max", null, " ", BERLIN, "de"), "r1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("email or phone");
    }

    @Test
    void needsTheAttendeesTimeZone() {
        assertThatThrownBy(() -> CreateBooking.of(
                        EventTypeRef.id(1001), START, new Attendee("Max", "max@example.com", null, null, "de"), "r1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("time zone");
    }

    @Test
    void sendsTheRequestIdAlongsideExtraMetadata() {
        CreateBooking booking = CreateBooking.of(
                        EventTypeRef.id(1001), START, new Attendee("Max", "max@example.com", null, BERLIN, "de"), "r1")
                .withMetadata(Map.of("callId", "call_42"));

        assertThat(booking.metadataToSend())
                .containsOnly(Map.entry("callId", "call_42"), Map.entry("slotlineRequestId", "r1"));
    }

    @Test
    void enforcesCalcomMetadataLimitsBeforeSending() {
        CreateBooking booking = CreateBooking.of(
                EventTypeRef.id(1001), START, new Attendee("Max", "max@example.com", null, BERLIN, "de"), "r1");
        Map<String, String> fifty = new HashMap<>();
        for (int i = 0; i < 50; i++) {
            fifty.put("k" + i, "v");
        }

        assertThatThrownBy(() -> booking.withMetadata(fifty)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> booking.withMetadata(Map.of("k".repeat(41), "v")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> booking.withMetadata(Map.of("k", "v".repeat(501))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> booking.withMetadata(Map.of("slotlineRequestId", "other")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
