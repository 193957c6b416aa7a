package io.slotline.sim.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The built-in scenarios. "demo" is the tenant pair fixed in CONTRACTS.md; its existing bookings are generated
 * relative to the simulator's now and are the same for the same day (seeded by the date).
 */
public final class Scenarios {

    public static final String DEMO = "demo";
    public static final String EMPTY = "empty";

    public static final String DEMO_KEY = "cal_demo";
    public static final String OTHER_KEY = "cal_other";
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final String SALON_ADDRESS = "Torstraße 1, 10119 Berlin";
    private static final int DAYS_BACK = 3;
    private static final int DAYS_AHEAD = 14;

    private static final List<String> GERMAN_NAMES = List.of(
            "Lukas Schmidt",
            "Mia Müller",
            "Jonas Weber",
            "Lea Fischer",
            "Finn Wagner",
            "Emma Becker",
            "Paul Hoffmann",
            "Hannah Schulz",
            "Leon Koch",
            "Sophie Richter",
            "Elias Klein",
            "Marie Wolf",
            "Noah Schröder",
            "Lina Neumann",
            "Felix Schwarz",
            "Clara Zimmermann");
    private static final List<String> ENGLISH_NAMES =
            List.of("Oliver Smith", "Amelia Jones", "George Taylor", "Isla Brown", "Harry Wilson", "Ava Davies");

    private Scenarios() {}

    public static boolean exists(String name) {
        return DEMO.equals(name) || EMPTY.equals(name);
    }

    public static ScenarioData named(String name, Instant now) {
        return switch (name) {
            case DEMO -> demo(now);
            case EMPTY -> ScenarioData.empty();
            default -> throw new IllegalArgumentException("unknown scenario " + name + " (known: demo, empty)");
        };
    }

    public static ScenarioData demo(Instant now) {
        WeeklySchedule salonHours = WeeklySchedule.parse(Map.of(
                "mon",
                List.of("09:00-18:00"),
                "tue",
                List.of("09:00-18:00"),
                "wed",
                List.of("09:00-18:00"),
                "thu",
                List.of("09:00-18:00"),
                "fri",
                List.of("09:00-18:00"),
                "sat",
                List.of("09:00-14:00")));
        WeeklySchedule londonHours = WeeklySchedule.parse(Map.of(
                "mon",
                List.of("09:00-17:00"),
                "tue",
                List.of("09:00-17:00"),
                "wed",
                List.of("09:00-17:00"),
                "thu",
                List.of("09:00-17:00"),
                "fri",
                List.of("09:00-17:00")));
        Host anna = new Host(501, "anna-demo", "Anna", "anna@demo-salon.example", BERLIN, salonHours);
        Host ben = new Host(502, "ben-demo", "Ben", "ben@demo-salon.example", BERLIN, salonHours);
        Host carl = new Host(601, "carl-other", "Carl", "carl@other-barber.example", LONDON, londonHours);

        Tenant salon = new Tenant(
                DEMO_KEY,
                500,
                "Demo Salon",
                "demo-salon",
                "owner@demo-salon.example",
                900L,
                "demo-salon",
                BERLIN.getId());
        Tenant other = new Tenant(
                OTHER_KEY, 601, "Carl", "carl-other", "carl@other-barber.example", null, null, LONDON.getId());

        // The salon as a Cal.com team (apps/api/v2/src/modules/teams): round-robin team event types for "any
        // stylist", and one managed event type per service whose children are each stylist's own event type, so a
        // caller asking for Anna is booked on Anna's child (the slots and bookings routes resolve a username only
        // among that user's own event types).
        List<Long> salonHosts = List.of(anna.id(), ben.id());
        EventType mens = salonType(1001, "Herrenhaarschnitt", "herrenhaarschnitt", 30, 30, 0, false, salonHosts);
        EventType womens = salonType(1002, "Damenhaarschnitt", "damenhaarschnitt", 60, 30, 0, false, salonHosts);
        EventType colour = salonType(1003, "Färben", "faerben", 90, 30, 10, false, salonHosts);
        // "Färben" in steps (Slotline issue 20): the colour applied by a stylist, a processing time in which the
        // stylist serves someone else, then washing and finishing by the same or any stylist. Cal.com has no such
        // event type, so each step is its own round-robin team event type (hidden: nobody books a step alone on the
        // web) with a managed child per stylist; a 15-minute slot interval lets the processing time be 30-60 min.
        EventType colourStep = salonType(1004, "Färben: Farbe auftragen", "faerben-farbe", 45, 15, 0, true, salonHosts);
        EventType finishStep =
                salonType(1005, "Färben: Waschen und Föhnen", "faerben-finish", 45, 15, 0, true, salonHosts);
        List<EventType> salonTypes = new ArrayList<>(List.of(mens, womens, colour, colourStep, finishStep));
        long parentId = 1101;
        for (EventType service : List.of(mens, womens, colour, colourStep, finishStep)) {
            EventType parent = managedParent(service, parentId, service.slug() + "-stylist", salonHosts);
            salonTypes.add(parent);
            long childId = parentId + 10;
            for (Host stylist : List.of(anna, ben)) {
                salonTypes.add(managedChild(parent, childId, stylist));
                childId += 10;
            }
            parentId++;
        }
        EventType haircut = new EventType(
                2001,
                OTHER_KEY,
                601L,
                null,
                "Haircut",
                "haircut",
                "",
                30,
                List.of(),
                30,
                60,
                0,
                0,
                List.of(carl.id()),
                null,
                false,
                "10 Example Road, London");

        LocalDate today = now.atZone(BERLIN).toLocalDate();
        Generator generator =
                new Generator(now, new Ids(4242L + today.toEpochDay()), new Random(17L * today.toEpochDay()));
        for (int offset = -DAYS_BACK; offset < DAYS_AHEAD; offset++) {
            LocalDate day = today.plusDays(offset);
            DayOfWeek weekday = day.getDayOfWeek();
            if (weekday == DayOfWeek.SUNDAY) {
                continue;
            }
            if (weekday == DayOfWeek.SATURDAY) {
                generator.book(day, anna, mens, "10:00", GERMAN_NAMES, "+49151");
                generator.book(day, anna, womens, "11:00", GERMAN_NAMES, "+49151");
                generator.book(day, ben, mens, "09:30", GERMAN_NAMES, "+49151");
                generator.book(day, ben, mens, "12:00", GERMAN_NAMES, "+49151");
            } else {
                generator.book(day, anna, mens, "10:00", GERMAN_NAMES, "+49151");
                generator.book(day, anna, mens, "14:00", GERMAN_NAMES, "+49151");
                generator.book(day, anna, mens, "14:30", GERMAN_NAMES, "+49151");
                generator.book(day, anna, womens, "16:00", GERMAN_NAMES, "+49151");
                generator.book(day, ben, mens, "11:00", GERMAN_NAMES, "+49151");
                generator.book(day, ben, womens, "14:00", GERMAN_NAMES, "+49151");
                generator.book(day, ben, mens, "15:00", GERMAN_NAMES, "+49151");
            }
            generator.maybeBookExtra(day, anna, mens, GERMAN_NAMES, "+49151");
            generator.maybeBookExtra(day, ben, mens, GERMAN_NAMES, "+49151");
        }
        LocalDate londonToday = now.atZone(LONDON).toLocalDate();
        for (int offset = -DAYS_BACK; offset < DAYS_AHEAD; offset++) {
            LocalDate day = londonToday.plusDays(offset);
            if (carl.schedule().isOpen(day.getDayOfWeek())) {
                generator.book(day, carl, haircut, "10:00", ENGLISH_NAMES, "+447700");
                generator.book(day, carl, haircut, "13:00", ENGLISH_NAMES, "+447700");
            }
        }
        List<EventType> eventTypes = new ArrayList<>(salonTypes);
        eventTypes.add(haircut);
        return new ScenarioData(List.of(salon, other), List.of(anna, ben, carl), eventTypes, generator.bookings);
    }

    /** A round-robin event type of the demo salon's team: an hour's notice, no buffer before, at the salon. */
    private static EventType salonType(
            long id,
            String title,
            String slug,
            int lengthInMinutes,
            int slotInterval,
            int afterEventBuffer,
            boolean hidden,
            List<Long> hosts) {
        return new EventType(
                id,
                DEMO_KEY,
                null,
                900L,
                title,
                slug,
                "",
                lengthInMinutes,
                List.of(),
                slotInterval,
                60,
                0,
                afterEventBuffer,
                hosts,
                null,
                hidden,
                SALON_ADDRESS);
    }

    /** A managed team event type with the service's settings, assigned to {@code members}. */
    static EventType managedParent(EventType template, long id, String slug, List<Long> members) {
        return new EventType(
                id,
                template.ownerKey(),
                null,
                template.teamId(),
                template.title(),
                slug,
                template.description(),
                template.lengthInMinutes(),
                template.lengthOptions(),
                template.slotInterval(),
                template.minimumBookingNotice(),
                template.beforeEventBuffer(),
                template.afterEventBuffer(),
                members,
                template.bookingWindowDays(),
                template.hidden(),
                template.locationAddress(),
                EventType.SchedulingType.MANAGED,
                null,
                template.settings());
    }

    /**
     * The member's child of a managed event type: their own event type with the parent's slug and settings
     * (packages/features/ee/managed-event-types/lib/handleChildrenEventTypes.ts).
     */
    static EventType managedChild(EventType parent, long id, Host member) {
        return new EventType(
                id,
                parent.ownerKey(),
                member.id(),
                null,
                parent.title(),
                parent.slug(),
                parent.description(),
                parent.lengthInMinutes(),
                parent.lengthOptions(),
                parent.slotInterval(),
                parent.minimumBookingNotice(),
                parent.beforeEventBuffer(),
                parent.afterEventBuffer(),
                List.of(member.id()),
                parent.bookingWindowDays(),
                parent.hidden(),
                parent.locationAddress(),
                null,
                parent.id(),
                parent.settings());
    }

    private static final class Generator {
        private final Instant now;
        private final Ids ids;
        private final Random random;
        private final List<Booking> bookings = new ArrayList<>();
        private long nextId = 10001;

        Generator(Instant now, Ids ids, Random random) {
            this.now = now;
            this.ids = ids;
            this.random = random;
        }

        void book(
                LocalDate day,
                Host host,
                EventType eventType,
                String localTime,
                List<String> names,
                String phonePrefix) {
            Instant start = day.atTime(LocalTime.parse(localTime))
                    .atZone(host.timeZone())
                    .toInstant();
            add(host, eventType, start, names, phonePrefix);
        }

        /** Half of the days, one more booking at a free half hour, so the pattern is not too regular. */
        void maybeBookExtra(LocalDate day, Host host, EventType eventType, List<String> names, String phonePrefix) {
            if (!random.nextBoolean()) {
                return;
            }
            List<Instant> free = new ArrayList<>();
            Duration length = Duration.ofMinutes(eventType.lengthInMinutes());
            for (WeeklySchedule.Window window : host.schedule().windows(day.getDayOfWeek())) {
                for (int minute = window.startMinute();
                        minute + eventType.lengthInMinutes() <= window.endMinute();
                        minute += 30) {
                    Instant start = WeeklySchedule.at(day, minute, host.timeZone());
                    Instant end = start.plus(length);
                    boolean clash = bookings.stream()
                            .anyMatch(
                                    b -> b.hostId() == host.id() && b.start().isBefore(end) && start.isBefore(b.end()));
                    if (!clash) {
                        free.add(start);
                    }
                }
            }
            if (!free.isEmpty()) {
                add(host, eventType, free.get(random.nextInt(free.size())), names, phonePrefix);
            }
        }

        private void add(Host host, EventType eventType, Instant start, List<String> names, String phonePrefix) {
            String name = names.get(random.nextInt(names.size()));
            String phone = phonePrefix + String.format(Locale.ROOT, "%07d", random.nextInt(10_000_000));
            String email = random.nextInt(3) == 0 ? emailOf(name) : null;
            boolean german = phonePrefix.startsWith("+49");
            Attendee attendee = Attendee.of(name, email, host.timeZone().getId(), german ? "de" : "en", phone);
            Instant createdAt = now.minus(Duration.ofHours(1 + random.nextInt(24 * 10)));
            bookings.add(new Booking(
                    nextId++,
                    ids.bookingUid(),
                    eventType.id(),
                    eventType.ownerKey(),
                    host.id(),
                    start,
                    start.plus(Duration.ofMinutes(eventType.lengthInMinutes())),
                    Booking.ACCEPTED,
                    attendee,
                    null,
                    Map.of(),
                    Map.of(),
                    eventType.location(),
                    createdAt,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null));
        }

        private static String emailOf(String name) {
            String ascii = name.toLowerCase(Locale.ROOT)
                    .replace("ä", "ae")
                    .replace("ö", "oe")
                    .replace("ü", "ue")
                    .replace("ß", "ss")
                    .replace(' ', '.');
            return ascii + "@example.com";
        }
    }
}
