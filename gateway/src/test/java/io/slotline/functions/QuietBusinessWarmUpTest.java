package io.slotline.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.slotline.availability.CalendarRef;
import io.slotline.availability.SlotRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.test.context.TestPropertySource;

/**
 * While the phone rings, the business's calendars are fetched so that the caller's first question is answered from
 * memory: each service for any stylist (a service in steps for each stylist of each step) and their event types, a
 * team's in one request, and each stylist's own calendar of each service, by default on every ring ({@code always},
 * as in every {@link LiveCallTest}). This class runs with {@code when-active} in an application context of its
 * own: a quiet business's first ring warms its services only, and once another of its calls has started, a ring
 * warms the stylists' calendars too. The order matters: the salon is quiet only until its first call starts.
 */
@TestPropertySource(properties = "slotline.availability.prefetch.staff-calendars=when-active")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QuietBusinessWarmUpTest extends LiveCallTest {

    private static final String TEAM_EVENT_TYPES = "GET /v2/teams/{teamId}/event-types";
    private static final String TEAM_EVENT_TYPE = "GET /v2/teams/{teamId}/event-types/{eventTypeId}";

    @Test
    @Order(1)
    void aQuietBusinessFirstRingWarmsItsServicesOnlyAndReadsTheirEventTypesInOneRequest() {
        List<CalendarRef> services = salonCalendars(false);
        List<CalendarRef> stylists = salonCalendars().stream()
                .filter(calendar -> !services.contains(calendar))
                .toList();
        assertThat(services)
                .as("Herrenhaarschnitt and Damenhaarschnitt for any host; Färben in two steps, each for Anna and Ben")
                .hasSize(6);
        assertThat(stylists).as("both haircuts for Anna, for Ben").hasSize(4);
        long teamListings = simRequests(TEAM_EVENT_TYPES);
        long teamReads = simRequests(TEAM_EVENT_TYPE);

        Call call = salonCall();
        assertThat(call.inbound().status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).until(() -> services.stream().allMatch(this::warm));
        CalendarRef haircut = services.stream()
                .filter(calendar -> calendar.staffUsername() == null)
                .findFirst()
                .orElseThrow();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> eventTypes.known(haircut.companyId(), haircut.eventTypeId()) != null);
        assertThat(stylists)
                .as("a stylist's own calendar waits until the business is active")
                .noneMatch(this::warm);
        assertThat(simRequests(TEAM_EVENT_TYPES) - teamListings)
                .as("the team's event types in one listing")
                .isEqualTo(1);
        assertThat(simRequests(TEAM_EVENT_TYPE) - teamReads)
                .as("no team event type read on its own")
                .isZero();
    }

    @Test
    @Order(2)
    void onceAnotherCallHasStartedARingAlsoWarmsEachStylistsCalendar() {
        Call first = salonCall();
        assertThat(first.webhook("call_started").status()).isBetween(200, 204);
        Call second = salonCall();
        assertThat(second.inbound().status()).isEqualTo(200);
        awaitSalonWarmedUp();
        long before = slotsRequests();

        Reply answer = second.function(
                "check_availability",
                Map.of("service", "Herrenhaarschnitt", "date", "morgen", "time", "10:30", "staff", "Ben"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().has("available")).isTrue();
        assertThat(slotsRequests()).as("answered from the prefetched days").isEqualTo(before);
    }

    private boolean warm(CalendarRef calendar) {
        LocalDate today = LocalDate.ofInstant(CLOCK.instant(), BERLIN);
        return availability
                .peek(new SlotRequest(
                        calendar,
                        BERLIN,
                        today,
                        today.plusDays(27),
                        SlotRequest.Priority.LIVE,
                        Instant.now().plusSeconds(5)))
                .isPresent();
    }
}
