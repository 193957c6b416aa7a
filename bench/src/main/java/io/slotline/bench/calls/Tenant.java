package io.slotline.bench.calls;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A business as its callers see it: the number they dial, what they ask for, when they want to come. */
public record Tenant(
        String name,
        String apiKey,
        String dialledNumber,
        String agentId,
        ZoneId zone,
        String callerPrefix,
        List<Service> services,
        List<String> staff,
        Map<DayOfWeek, Hours> openingHours) {

    public record Service(String name, double weight, List<String> spokenAs) {}

    public record Hours(LocalTime open, LocalTime close) {}

    /** Contract tenant "Demo Salon" (Berlin). */
    public static final Tenant DEMO_SALON = new Tenant(
            "Demo Salon",
            "key_demo",
            "+4930120000",
            "agent_demo_salon",
            ZoneId.of("Europe/Berlin"),
            "+49151",
            List.of(
                    new Service("Herrenhaarschnitt", 0.45, List.of("Herrenschnitt", "Männerhaarschnitt")),
                    new Service("Damenhaarschnitt", 0.35, List.of()),
                    // a service in steps: colour, processing (the stylist free for others), wash and finish
                    new Service("Färben", 0.20, List.of())),
            List.of("Anna", "Ben"),
            weekdays(LocalTime.of(9, 0), LocalTime.of(18, 0), new Hours(LocalTime.of(9, 0), LocalTime.of(14, 0))));

    /** Contract tenant "Other Cuts" (London). */
    public static final Tenant OTHER_CUTS = new Tenant(
            "Other Cuts",
            "key_other",
            "+442071230000",
            "agent_other_cuts",
            ZoneId.of("Europe/London"),
            "+447700",
            List.of(new Service("Haircut", 1.0, List.of())),
            List.of("Carl"),
            weekdays(LocalTime.of(9, 0), LocalTime.of(17, 0), null));

    public Tenant {
        services = List.copyOf(services);
        staff = List.copyOf(staff);
        openingHours = Map.copyOf(openingHours);
    }

    public boolean isOpen(LocalDate date) {
        return openingHours.containsKey(date.getDayOfWeek());
    }

    /**
     * Times callers ask for on {@code date}: the half-hour grid of that day's opening hours (the last start half
     * an hour before closing), afternoons weighted up because that is when salons are busy. Closed days fall
     * back to the first open weekday's grid (Monday's, for most): callers do ask for closed days.
     */
    public List<WeightedTime> requestedTimes(LocalDate date) {
        // firstOpenDay() is a day with hours
        Hours hours = Objects.requireNonNull(
                openingHours.getOrDefault(date.getDayOfWeek(), openingHours.get(firstOpenDay())));
        List<WeightedTime> grid = new ArrayList<>();
        for (LocalTime t = hours.open(); t.isBefore(hours.close().minusMinutes(29)); t = t.plusMinutes(30)) {
            grid.add(new WeightedTime(t, demandWeight(t)));
        }
        return grid;
    }

    private DayOfWeek firstOpenDay() {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (openingHours.containsKey(day)) {
                return day;
            }
        }
        throw new IllegalStateException(name + " is never open");
    }

    public record WeightedTime(LocalTime time, double weight) {}

    static double demandWeight(LocalTime time) {
        if (time.isBefore(LocalTime.NOON)) {
            return 1.0;
        }
        if (time.isBefore(LocalTime.of(14, 0))) {
            return 1.3;
        }
        if (time.isBefore(LocalTime.of(17, 0))) {
            return 2.2;
        }
        return 1.6;
    }

    private static Map<DayOfWeek, Hours> weekdays(LocalTime open, LocalTime close, @Nullable Hours saturday) {
        Map<DayOfWeek, Hours> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(
                DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            hours.put(day, new Hours(open, close));
        }
        if (saturday != null) {
            hours.put(DayOfWeek.SATURDAY, saturday);
        }
        return hours;
    }
}
