package io.slotline.sim.calendar;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A small hand-made calendar for scheduler tests: one tenant, two Berlin hosts, a frozen clock. */
final class CalendarFixture {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final String KEY = "cal_test";

    final SimClock clock = SimClock.system();
    final CalendarStore store = new CalendarStore();
    final Scheduler scheduler = new Scheduler(store, clock, new Ids(7));
    final List<Tenant> tenants = new ArrayList<>(
            List.of(new Tenant(KEY, 100, "Test Salon", "test-salon", "owner@test.example", 10L, "test-team")));
    final List<Host> hosts = new ArrayList<>();
    final List<EventType> eventTypes = new ArrayList<>();

    CalendarFixture(Instant now) {
        clock.fix(now);
    }

    Host host(long id, String username, ZoneId zone, Map<String, List<String>> schedule) {
        Host host = new Host(id, username, username, username + "@test.example", zone, WeeklySchedule.parse(schedule));
        hosts.add(host);
        return host;
    }

    static Map<String, List<String>> weekdays(String window) {
        return Map.of(
                "mon",
                List.of(window),
                "tue",
                List.of(window),
                "wed",
                List.of(window),
                "thu",
                List.of(window),
                "fri",
                List.of(window));
    }

    static Map<String, List<String>> everyDay(String window) {
        return Map.of(
                "mon",
                List.of(window),
                "tue",
                List.of(window),
                "wed",
                List.of(window),
                "thu",
                List.of(window),
                "fri",
                List.of(window),
                "sat",
                List.of(window),
                "sun",
                List.of(window));
    }

    EventType eventType(long id, int length, Integer interval, int notice, int before, int after, Host... hosts) {
        List<Long> ids = java.util.Arrays.stream(hosts).map(Host::id).toList();
        EventType eventType = new EventType(
                id,
                KEY,
                hosts.length == 1 ? hosts[0].id() : null,
                hosts.length == 1 ? null : 10L,
                "Type " + id,
                "type-" + id,
                "",
                length,
                List.of(),
                interval,
                notice,
                before,
                after,
                ids,
                null,
                false,
                null);
        eventTypes.add(eventType);
        return eventType;
    }

    CalendarFixture load() {
        store.load(new ScenarioData(tenants, hosts, eventTypes, List.of()));
        return this;
    }

    Booking book(EventType eventType, Host host, Instant start) {
        return scheduler.create(request(eventType, host, start, null));
    }

    static Scheduler.BookingRequest request(EventType eventType, Host host, Instant start, String reservedSlotUid) {
        return new Scheduler.BookingRequest(
                eventType,
                host,
                start,
                eventType.lengthInMinutes(),
                Attendee.of("Guest", null, "Europe/Berlin", "de", "+4915112345678"),
                null,
                Map.of(),
                Map.of(),
                null,
                reservedSlotUid);
    }

    static Scheduler.BookingRequest anyHost(EventType eventType, Instant start) {
        return new Scheduler.BookingRequest(
                eventType,
                null,
                start,
                eventType.lengthInMinutes(),
                Attendee.of("Guest", "guest@example.com", "Europe/Berlin", "de", null),
                null,
                Map.of(),
                Map.of(),
                null,
                null);
    }

    static Instant berlin(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    }
}
