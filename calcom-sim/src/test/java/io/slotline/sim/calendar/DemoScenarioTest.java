package io.slotline.sim.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoScenarioTest {

    private static final Instant WEDNESDAY = Instant.parse("2026-03-25T08:00:00Z");

    @Test
    void demoHasTheContractTenantsHostsAndEventTypes() {
        ScenarioData demo = Scenarios.demo(WEDNESDAY);

        assertThat(demo.tenants()).extracting(Tenant::apiKey).containsExactly("cal_demo", "cal_other");
        assertThat(demo.hosts()).extracting(Host::username).containsExactly("anna-demo", "ben-demo", "carl-other");
        assertThat(demo.hosts()).extracting(Host::id).containsExactly(501L, 502L, 601L);
        assertThat(demo.eventTypes().stream()
                        .filter(e -> e.isRoundRobin() || !e.isTeam() && !e.isManagedChild())
                        .toList())
                .extracting(EventType::id, EventType::slug, EventType::lengthInMinutes, EventType::afterEventBuffer)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1001L, "herrenhaarschnitt", 30, 0),
                        org.assertj.core.groups.Tuple.tuple(1002L, "damenhaarschnitt", 60, 0),
                        org.assertj.core.groups.Tuple.tuple(1003L, "faerben", 90, 10),
                        org.assertj.core.groups.Tuple.tuple(1004L, "faerben-farbe", 45, 0),
                        org.assertj.core.groups.Tuple.tuple(1005L, "faerben-finish", 45, 0),
                        org.assertj.core.groups.Tuple.tuple(2001L, "haircut", 30, 0));
        assertThat(demo.eventTypes().get(0).hostIds()).containsExactly(501L, 502L);
    }

    @Test
    void theSalonIsATeamWithAManagedEventTypePerServiceAndAChildPerStylist() {
        ScenarioData demo = Scenarios.demo(WEDNESDAY);

        assertThat(demo.eventTypes().stream().filter(EventType::isManagedParent).toList())
                .extracting(EventType::id, EventType::slug, EventType::title, EventType::teamId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                1101L, "herrenhaarschnitt-stylist", "Herrenhaarschnitt", 900L),
                        org.assertj.core.groups.Tuple.tuple(
                                1102L, "damenhaarschnitt-stylist", "Damenhaarschnitt", 900L),
                        org.assertj.core.groups.Tuple.tuple(1103L, "faerben-stylist", "Färben", 900L),
                        org.assertj.core.groups.Tuple.tuple(
                                1104L, "faerben-farbe-stylist", "Färben: Farbe auftragen", 900L),
                        org.assertj.core.groups.Tuple.tuple(
                                1105L, "faerben-finish-stylist", "Färben: Waschen und Föhnen", 900L));
        assertThat(demo.eventTypes().stream().filter(EventType::isManagedChild).toList())
                .extracting(EventType::id, EventType::parentId, EventType::ownerUserId, EventType::teamId)
                .contains(
                        org.assertj.core.groups.Tuple.tuple(1111L, 1101L, 501L, null),
                        org.assertj.core.groups.Tuple.tuple(1121L, 1101L, 502L, null),
                        org.assertj.core.groups.Tuple.tuple(1113L, 1103L, 501L, null),
                        org.assertj.core.groups.Tuple.tuple(1114L, 1104L, 501L, null),
                        org.assertj.core.groups.Tuple.tuple(1125L, 1105L, 502L, null))
                .hasSize(10);
        // the steps of "Färben" in steps: hidden (nobody books one step on the web), a 15-minute slot grid
        assertThat(demo.eventTypes().stream().filter(e -> e.id() == 1004L || e.id() == 1005L))
                .allSatisfy(step -> {
                    assertThat(step.hidden()).isTrue();
                    assertThat(step.slotInterval()).isEqualTo(15);
                });
        assertThat(demo.eventTypes().stream()
                        .filter(e -> e.id() == 1113L)
                        .findFirst()
                        .orElseThrow()
                        .afterEventBuffer())
                .as("a child keeps its parent's settings")
                .isEqualTo(10);
    }

    @Test
    void demoBookingsAreDeterministicForTheSameDay() {
        List<Booking> morning = Scenarios.demo(WEDNESDAY).bookings();
        List<Booking> later = Scenarios.demo(WEDNESDAY.plusSeconds(3600)).bookings();

        assertThat(later)
                .extracting(Booking::uid)
                .containsExactlyElementsOf(morning.stream().map(Booking::uid).toList());
        assertThat(later)
                .extracting(Booking::start)
                .containsExactlyElementsOf(morning.stream().map(Booking::start).toList());
        assertThat(later)
                .extracting(Booking::attendee)
                .containsExactlyElementsOf(
                        morning.stream().map(Booking::attendee).toList());
    }

    @Test
    void bothHostsAreBusyAtTwoOClockOnWeekdaysSoThatTimeIsFullyTaken() {
        CalendarStore store = new CalendarStore();
        SimClock clock = SimClock.system();
        clock.fix(WEDNESDAY);
        store.load(Scenarios.demo(WEDNESDAY));
        Scheduler scheduler = new Scheduler(store, clock, new Ids(1));
        EventType mens = scheduler.eventType(1001).orElseThrow();
        Instant thursday =
                LocalDate.of(2026, 3, 26).atStartOfDay(Scenarios.BERLIN).toInstant();

        List<String> offered = scheduler.slots(mens, null, thursday, thursday.plusSeconds(86_399), 30, null).stream()
                .map(s -> s.atZone(Scenarios.BERLIN).toLocalTime().toString())
                .toList();

        assertThat(offered).doesNotContain("14:00", "14:30").contains("09:00", "16:00", "17:30");
        assertThat(store.bookings())
                .allMatch(b -> b.start().atZone(Scenarios.BERLIN).getDayOfWeek() != java.time.DayOfWeek.SUNDAY);
    }
}
