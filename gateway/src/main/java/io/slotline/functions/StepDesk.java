package io.slotline.functions;

import io.slotline.appointments.SlotHold;
import io.slotline.availability.Availability;
import io.slotline.availability.CalendarRef;
import io.slotline.availability.FreeSlot;
import io.slotline.booking.Calendars;
import io.slotline.booking.SlotHoldService;
import io.slotline.booking.StepPlanner;
import io.slotline.speech.ZonedTimes;
import io.slotline.tenancy.Service;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;

/**
 * Availability of a service in steps: a start is free where every step finds a stylist within the pause after the
 * step before ({@link StepPlanner}), read from each stylist's calendar of each step, the same cached days as any
 * service (warm: no Cal.com request). Other calls' holds take their stylist only at the held step's time, never
 * during a pause, so a stylist's processing time stays free for other callers and services.
 */
@Component
class StepDesk {

    private static final Logger log = LoggerFactory.getLogger(StepDesk.class);

    private final SlotDesk desk;
    private final Calendars calendars;

    StepDesk(SlotDesk desk, Calendars calendars) {
        this.desk = desk;
        this.calendars = calendars;
    }

    /** The stylists' free starts for each step over some days, and the holds of other calls then. */
    record Loaded(
            StepPlanner planner,
            StepPlanner.FreeStarts free,
            boolean stale,
            LocalDate from,
            LocalDate to,
            @Nullable String firstHost,
            Map<String, Calendars.StepHost> hostsByStepAndName) {

        /** The plan starting at {@code start}, if every step fits. */
        Optional<StepPlanner.Plan> planAt(Instant start) {
            return planner.planAt(start, firstHost, free);
        }

        /** The stylist's calendar of one step, where it is booked; null for a stylist the step does not offer. */
        Calendars.@Nullable StepHost host(int step, String username) {
            return hostsByStepAndName.get(step + ":" + username);
        }
    }

    /**
     * Loads the days from..to of every step's stylists (one range read per calendar, from memory when warm) and
     * other calls' holds.
     */
    Loaded load(CallContext context, SlotDesk.Subject subject, LocalDate from, LocalDate to) {
        Service service = subject.service();
        int count = service.steps().size();
        List<List<String>> hosts = new ArrayList<>();
        Map<String, Calendars.StepHost> byName = new HashMap<>();
        Map<String, NavigableSet<Instant>> starts = new HashMap<>();
        boolean stale = false;
        for (int step = 0; step < count; step++) {
            List<String> names = new ArrayList<>();
            for (Calendars.StepHost host : calendars.stepHosts(
                    context.company(), service, step, context.branch().id())) {
                names.add(host.username());
                byName.put(step + ":" + host.username(), host);
                Availability days = desk.freeSlots(context, host.calendar(), from, to);
                stale |= days.stale();
                NavigableSet<Instant> free = new TreeSet<>();
                days.all()
                        .filter(slot -> slot.start().isAfter(context.receivedAt()))
                        .forEach(slot -> free.add(slot.start()));
                starts.put(step + ":" + host.username(), free);
            }
            hosts.add(names);
        }
        List<SlotHold> others = others(context, from, to);
        StepPlanner.FreeStarts free = new StepPlanner.FreeStarts() {
            @Override
            public NavigableSet<Instant> starts(int step, String host, Instant first, Instant last) {
                NavigableSet<Instant> all = starts.get(step + ":" + host);
                return all == null ? Collections.emptyNavigableSet() : all.subSet(first, true, last, true);
            }

            @Override
            public boolean held(String host, Instant start, Instant end) {
                return others.stream().anyMatch(hold -> host.equals(hold.host()) && hold.overlaps(start, end));
            }
        };
        String firstHost = subject.staff() == null || subject.staff().calcomUsername() == null
                ? null
                : CalendarRef.normalized(subject.staff().calcomUsername());
        return new Loaded(new StepPlanner(service.steps(), hosts), free, stale, from, to, firstHost, byName);
    }

    /**
     * The starts of the days from..to where the whole service fits, as slots from the first step's start to the
     * last step's end: what the ranking of alternatives and the next free slots work on.
     */
    Availability availability(CallContext context, SlotDesk.Subject subject, LocalDate from, LocalDate to) {
        return availability(context, load(context, subject, from, to));
    }

    Availability availability(CallContext context, Loaded loaded) {
        TreeMap<LocalDate, List<FreeSlot>> days = new TreeMap<>();
        for (LocalDate day = loaded.from(); !day.isAfter(loaded.to()); day = day.plusDays(1)) {
            days.put(day, new ArrayList<>());
        }
        for (StepPlanner.Plan plan : loaded.planner()
                .plans(
                        ZonedTimes.startOfDay(loaded.from(), context.zone()),
                        ZonedTimes.startOfDay(loaded.to().plusDays(1), context.zone())
                                .minusNanos(1),
                        loaded.firstHost(),
                        loaded.free())) {
            LocalDate day = plan.start().atZone(context.zone()).toLocalDate();
            days.computeIfAbsent(day, d -> new ArrayList<>()).add(new FreeSlot(plan.start(), plan.end()));
        }
        return new Availability(days, loaded.stale());
    }

    /**
     * The steps to book from the call's holds of them (one per step, in order): who does each step when, with the
     * stylist's calendar of it. Empty when a hold's stylist can no longer do the step.
     */
    Optional<List<io.slotline.booking.BookingService.StepBooking>> bookingsOf(
            CallContext context, SlotDesk.Subject subject, List<SlotHold> held) {
        Service service = subject.service();
        if (held.size() != service.steps().size()) {
            return Optional.empty();
        }
        List<io.slotline.booking.BookingService.StepBooking> planned = new ArrayList<>();
        for (int step = 0; step < held.size(); step++) {
            SlotHold hold = held.get(step);
            Optional<Calendars.StepHost> host =
                    calendars
                            .stepHosts(
                                    context.company(),
                                    service,
                                    step,
                                    context.branch().id())
                            .stream()
                            .filter(h -> h.username().equals(hold.host()))
                            .findFirst();
            if (host.isEmpty()) {
                return Optional.empty();
            }
            planned.add(new io.slotline.booking.BookingService.StepBooking(
                    step,
                    host.get().staff(),
                    host.get().username(),
                    host.get().calendar(),
                    hold.startsAt(),
                    hold.endsAt()));
        }
        return Optional.of(planned);
    }

    /** Other calls' holds overlapping the days; with the database away none can be known (nor taken). */
    private List<SlotHold> others(CallContext context, LocalDate from, LocalDate to) {
        try {
            SlotHoldService holds = desk.holds();
            return holds.heldByOthers(
                    context.companyId(),
                    context.retellCallId(),
                    ZonedTimes.startOfDay(from, context.zone()),
                    ZonedTimes.startOfDay(to.plusDays(1), context.zone()));
        } catch (DataAccessResourceFailureException | TransientDataAccessException databaseAway) {
            log.debug(
                    "holds of company {} unknown, database unavailable: {}",
                    context.companyId(),
                    databaseAway.getMessage());
            return List.of();
        }
    }
}
