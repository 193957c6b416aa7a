package io.slotline.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.slotline.availability.AvailabilityMetrics;
import io.slotline.availability.CalendarRef;
import io.slotline.calcom.CalcomAccount;
import io.slotline.calcom.CalcomApi;
import io.slotline.calcom.EventType;
import io.slotline.calcom.EventTypeKey;
import io.slotline.calcom.FakeCalcom;
import io.slotline.calcom.Host;
import io.slotline.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Event types are read as a business's team in one request while the phone rings, serve from memory afterwards,
 * and are renewed in the background once older than the TTL, never making a booking wait for a known one.
 */
class EventTypeCatalogTest {

    private static final long COMPANY = 7;
    private static final long TEAM = 900;
    private static final CalcomAccount ACCOUNT = new CalcomAccount("salon", "cal_key");
    private static final CalendarRef HAIRCUT = calendar(1001, 30);
    private static final CalendarRef COLOUR = calendar(1002, 60);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-16T07:00:00Z"));
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final CalcomApi calcom = mock(CalcomApi.class);
    private final EventTypeCatalog catalog =
            new EventTypeCatalog(calcom, BookingProperties.defaults(), new AvailabilityMetrics(registry), clock);

    @AfterEach
    void stop() {
        catalog.destroy();
    }

    @Test
    void aRingReadsTheTeamsEventTypesInOneRequest() {
        when(calcom.teamEventTypes(ACCOUNT, TEAM)).thenReturn(List.of(eventType(1001, 30, 5), eventType(1002, 60, 0)));

        catalog.warm(List.of(HAIRCUT, COLOUR));

        await().atMost(Duration.ofSeconds(5)).until(() -> catalog.known(COMPANY, 1002) != null);
        assertThat(catalog.known(COMPANY, 1001)).isNotNull();
        assertThat(catalog.known(COMPANY, 1001).afterBufferMinutes()).isEqualTo(5);
        verify(calcom, times(1)).teamEventTypes(ACCOUNT, TEAM);
        verify(calcom, never()).eventType(any(), any(EventTypeKey.class));
        assertThat(catalog.get(HAIRCUT)).isNotNull();
        catalog.warm(List.of(HAIRCUT, COLOUR));
        verify(calcom, times(1)).teamEventTypes(ACCOUNT, TEAM);
    }

    @Test
    void anEventTypeTheTeamListingLacksIsReadOnItsOwn() {
        when(calcom.teamEventTypes(ACCOUNT, TEAM)).thenReturn(List.of(eventType(1001, 30, 0)));
        when(calcom.eventType(ACCOUNT, EventTypeKey.team(TEAM, 1002))).thenReturn(eventType(1002, 60, 10));

        catalog.warm(List.of(HAIRCUT, COLOUR));

        await().atMost(Duration.ofSeconds(5)).until(() -> catalog.known(COMPANY, 1002) != null);
        assertThat(catalog.known(COMPANY, 1002).afterBufferMinutes()).isEqualTo(10);
    }

    @Test
    void anUnknownEventTypeIsReadWhileTheBookingWaitsAndAKnownOneNever() {
        when(calcom.eventType(ACCOUNT, EventTypeKey.team(TEAM, 1001))).thenReturn(eventType(1001, 30, 0));

        assertThat(catalog.get(HAIRCUT)).isNotNull();
        assertThat(catalog.get(HAIRCUT)).isNotNull();

        verify(calcom, times(1)).eventType(ACCOUNT, EventTypeKey.team(TEAM, 1001));
    }

    @Test
    void pastTheTtlTheKnownEventTypeServesWhileOneBackgroundReadRenewsIt() {
        when(calcom.eventType(ACCOUNT, EventTypeKey.team(TEAM, 1001))).thenReturn(eventType(1001, 30, 0));
        assertThat(catalog.get(HAIRCUT).afterEventBuffer()).isZero();
        when(calcom.teamEventTypes(ACCOUNT, TEAM)).thenReturn(List.of(eventType(1001, 30, 15)));
        clock.advance(BookingProperties.defaults().eventTypeCacheTtl().plusSeconds(1));

        EventType served = catalog.get(HAIRCUT);

        assertThat(served).as("the known one, at once").isNotNull();
        assertThat(served.afterEventBuffer()).isZero();
        await().atMost(Duration.ofSeconds(5)).until(() -> catalog.get(HAIRCUT).afterEventBuffer() == 15);
        verify(calcom, times(1)).teamEventTypes(ACCOUNT, TEAM);
    }

    @Test
    void whenCalcomCannotAnswerAnUnknownEventTypeIsNull() {
        when(calcom.eventType(eq(ACCOUNT), any(EventTypeKey.class))).thenThrow(FakeCalcom.serverError(ACCOUNT.name()));

        assertThat(catalog.get(HAIRCUT)).isNull();
    }

    private static CalendarRef calendar(long eventTypeId, int minutes) {
        return new CalendarRef(COMPANY, ACCOUNT, eventTypeId, "slug-" + eventTypeId, null, minutes, TEAM, null, null);
    }

    private static EventType eventType(long id, int minutes, int afterBuffer) {
        return new EventType(
                id,
                "Service " + id,
                "slug-" + id,
                minutes,
                null,
                0,
                0,
                afterBuffer,
                List.of(),
                List.of(new Host(1L, "Anna", null, "anna", ZoneId.of("Europe/Berlin"))),
                TEAM,
                false,
                EventType.SchedulingType.ROUND_ROBIN,
                null,
                List.of(),
                false);
    }
}
