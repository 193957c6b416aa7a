package io.slotline.booking;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotline.tenancy.ServiceStep;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Where a service in steps fits, from the stylists' free starts per step, in the branch's zone. */
class StepPlannerTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final LocalDate TUESDAY = LocalDate.of(2026, 11, 17);
    /** Colour 45 min, processing 30-60 min (the stylist free), wash and finish 45 min by anyone. */
    private static final List<ServiceStep> COLOURING = List.of(
            new ServiceStep("Farbe", 1004, "faerben-farbe", 900L, 45, 30, 60, false, List.of()),
            new ServiceStep("Waschen", 1005, "faerben-finish", 900L, 45, 0, 0, false, List.of()));

    private static final List<List<String>> BOTH = List.of(List.of("anna", "ben"), List.of("anna", "ben"));

    /** Free starts per step and stylist; each stylist busy in the given local intervals, on a 15-minute grid. */
    private static final class Calendar implements StepPlanner.FreeStarts {
        private final Map<String, NavigableSet<Instant>> starts = new HashMap<>();
        private final List<Object[]> holds = new java.util.ArrayList<>();

        /** Starts every 15 real minutes from {@code from} until a step of {@code length} no longer fits. */
        Calendar open(int step, String host, LocalDate day, String from, String to, int length, String... busy) {
            NavigableSet<Instant> free = starts.computeIfAbsent(step + ":" + host, k -> new TreeSet<>());
            Instant close = at(day, to);
            for (Instant start = at(day, from);
                    !start.plus(Duration.ofMinutes(length)).isAfter(close);
                    start = start.plus(Duration.ofMinutes(15))) {
                Instant end = start.plus(Duration.ofMinutes(length));
                boolean clash = false;
                for (String interval : busy) {
                    String[] parts = interval.split("-");
                    clash |= start.isBefore(at(day, parts[1])) && end.isAfter(at(day, parts[0]));
                }
                if (!clash) {
                    free.add(start);
                }
            }
            return this;
        }

        Calendar hold(String host, Instant start, Instant end) {
            holds.add(new Object[] {host, start, end});
            return this;
        }

        @Override
        public NavigableSet<Instant> starts(int step, String host, Instant from, Instant to) {
            NavigableSet<Instant> all = starts.getOrDefault(step + ":" + host, new TreeSet<>());
            return all.subSet(from, true, to, true);
        }

        @Override
        public boolean held(String host, Instant start, Instant end) {
            return holds.stream()
                    .anyMatch(h ->
                            h[0].equals(host) && ((Instant) h[1]).isBefore(end) && ((Instant) h[2]).isAfter(start));
        }
    }

    private static Instant at(LocalDate day, LocalTime time) {
        return LocalDateTime.of(day, time).atZone(BERLIN).toInstant();
    }

    private static Instant at(LocalDate day, String time) {
        return at(day, LocalTime.parse(time));
    }

    @Test
    void theNextStepStartsAsEarlyAsThePauseAllowsWithTheSameStylistFirst() {
        Calendar free = new Calendar()
                .open(0, "anna", TUESDAY, "09:00", "18:00", 45)
                .open(0, "ben", TUESDAY, "09:00", "18:00", 45)
                .open(1, "anna", TUESDAY, "09:00", "18:00", 45)
                .open(1, "ben", TUESDAY, "09:00", "18:00", 45);

        StepPlanner.Plan plan = new StepPlanner(COLOURING, BOTH)
                .planAt(at(TUESDAY, "10:00"), null, free)
                .orElseThrow();

        assertThat(plan.steps())
                .containsExactly(
                        new StepPlanner.PlannedStep(0, "anna", at(TUESDAY, "10:00"), at(TUESDAY, "10:45")),
                        new StepPlanner.PlannedStep(1, "anna", at(TUESDAY, "11:15"), at(TUESDAY, "12:00")));
        assertThat(plan.end()).isEqualTo(at(TUESDAY, "12:00"));
    }

    @Test
    void aLongerPauseWithinItsRangeIsChosenWhenTheStylistIsBusyAtItsShortest() {
        // Anna and Ben have customers 11:00-11:30; the wash waits until 11:30 (a 45-minute pause)
        Calendar free = new Calendar()
                .open(0, "anna", TUESDAY, "09:00", "18:00", 45)
                .open(1, "anna", TUESDAY, "09:00", "18:00", 45, "11:00-11:30")
                .open(1, "ben", TUESDAY, "09:00", "18:00", 45, "11:00-11:30");

        StepPlanner.Plan plan = new StepPlanner(COLOURING, BOTH)
                .planAt(at(TUESDAY, "10:00"), null, free)
                .orElseThrow();

        assertThat(plan.steps().get(1).start()).isEqualTo(at(TUESDAY, "11:30"));
        assertThat(Duration.between(
                        plan.steps().get(0).end(), plan.steps().get(1).start()))
                .isEqualTo(Duration.ofMinutes(45));
    }

    @Test
    void anotherStylistFinishesWhenTheFirstIsBusyAndTheStepAllowsIt() {
        Calendar free = new Calendar()
                .open(0, "anna", TUESDAY, "09:00", "18:00", 45)
                .open(1, "anna", TUESDAY, "09:00", "18:00", 45, "11:00-13:00")
                .open(1, "ben", TUESDAY, "09:00", "18:00", 45);

        StepPlanner.Plan plan = new StepPlanner(COLOURING, BOTH)
                .planAt(at(TUESDAY, "10:00"), null, free)
                .orElseThrow();

        assertThat(plan.steps().get(0).host()).isEqualTo("anna");
        assertThat(plan.steps().get(1).host()).isEqualTo("ben");
        assertThat(plan.steps().get(1).start()).isEqualTo(at(TUESDAY, "11:15"));
    }

    @Test
    void theSameStylistIsRequiredWhereTheStepSaysSo() {
        List<ServiceStep> sameStylist = List.of(
                new ServiceStep("Farbe", 1004, null, null, 45, 30, 60, true, List.of()),
                new ServiceStep("Waschen", 1005, null, null, 45, 0, 0, false, List.of()));
        Calendar free = new Calendar()
                .open(0, "anna", TUESDAY, "09:00", "18:00", 45)
                .open(1, "anna", TUESDAY, "09:00", "18:00", 45, "11:00-13:00")
                .open(1, "ben", TUESDAY, "09:00", "18:00", 45);

        StepPlanner planner = new StepPlanner(sameStylist, BOTH);

        assertThat(planner.planAt(at(TUESDAY, "10:00"), null, free))
                .as("Ben may not finish Anna's colour")
                .isEmpty();
        // at 9:00 Anna can wash from 10:15 to 11:00, before her 11:00 customer
        assertThat(planner.planAt(at(TUESDAY, "09:00"), null, free))
                .get()
                .extracting(plan -> plan.steps().get(1).host())
                .isEqualTo("anna");
    }

    @Test
    void noStartIsOfferedWhereNoStylistIsFreeWithinThePauseRange() {
        Calendar free = new Calendar()
                .open(0, "anna", TUESDAY, "09:00", "18:00", 45)
                .open(1, "anna", TUESDAY, "09:00", "18:00", 45, "11:00-12:15")
                .open(1, "ben", TUESDAY, "09:00", "18:00", 45, "11:00-12:15");

        // the colour ends 10:45, the wash would have to start by 11:45: nobody is free then
        assertThat(new StepPlanner(COLOURING, BOTH).planAt(at(TUESDAY, "10:00"), null, free))
                .isEmpty();
    }

    @Test
    void theStylistsPauseStaysFreeSoAnotherCallersHoldThenChangesNothing() {
        Calendar free = new Calendar()
                .open(0, "anna", TUESDAY, "09:00", "18:00", 45)
                .open(1, "anna", TUESDAY, "09:00", "18:00", 45);
        StepPlanner planner = new StepPlanner(COLOURING, List.of(List.of("anna"), List.of("anna")));
        StepPlanner.Plan first =
                planner.planAt(at(TUESDAY, "10:00"), null, free).orElseThrow();

        // another caller holds Anna in the processing time of the first plan (10:45-11:15): a men's haircut
        free.hold("anna", at(TUESDAY, "10:45"), at(TUESDAY, "11:15"));
        StepPlanner.Plan again =
                planner.planAt(at(TUESDAY, "10:00"), null, free).orElseThrow();
        assertThat(again).isEqualTo(first);

        // a hold of the wash's time moves the wash later, within the pause range
        free.hold("anna", at(TUESDAY, "11:15"), at(TUESDAY, "11:45"));
        assertThat(planner.planAt(at(TUESDAY, "10:00"), null, free))
                .get()
                .extracting(plan -> plan.steps().get(1).start())
                .isEqualTo(at(TUESDAY, "11:45"));
    }

    @Test
    void aNamedStylistDoesTheFirstStep() {
        Calendar free = new Calendar()
                .open(0, "anna", TUESDAY, "09:00", "18:00", 45)
                .open(0, "ben", TUESDAY, "09:00", "18:00", 45)
                .open(1, "anna", TUESDAY, "09:00", "18:00", 45)
                .open(1, "ben", TUESDAY, "09:00", "18:00", 45);

        List<StepPlanner.Plan> plans =
                new StepPlanner(COLOURING, BOTH).plans(at(TUESDAY, "09:00"), at(TUESDAY, "10:00"), "ben", free);

        assertThat(plans)
                .isNotEmpty()
                .allSatisfy(plan -> assertThat(plan.firstHost()).isEqualTo("ben"));
        assertThat(plans)
                .extracting(StepPlanner.Plan::start)
                .containsExactly(
                        at(TUESDAY, "09:00"),
                        at(TUESDAY, "09:15"),
                        at(TUESDAY, "09:30"),
                        at(TUESDAY, "09:45"),
                        at(TUESDAY, "10:00"));
    }

    @Test
    void acrossTheChangeToWinterTimeThePauseIsRealTimeAndTheEndIsItsWallClockTime() {
        // 25 October 2026: Berlin's clocks go back from 03:00 CEST to 02:00 CET; a night shop opens 00:00-06:00
        LocalDate night = LocalDate.of(2026, 10, 25);
        Calendar free = new Calendar()
                .open(0, "anna", night, "00:00", "06:00", 45)
                .open(1, "anna", night, "00:00", "06:00", 45);
        StepPlanner planner = new StepPlanner(COLOURING, List.of(List.of("anna"), List.of("anna")));

        StepPlanner.Plan plan = planner.planAt(at(night, "01:45"), null, free).orElseThrow();

        // colour 01:45-02:30 CEST, 30 minutes of processing (one of them the repeated hour), wash 02:00 CET
        assertThat(Duration.between(plan.start(), plan.end())).isEqualTo(Duration.ofMinutes(120));
        assertThat(plan.steps().get(1).start().atZone(BERLIN).toLocalTime()).isEqualTo(LocalTime.of(2, 0));
        assertThat(plan.steps().get(1).start().atZone(BERLIN).getOffset().getTotalSeconds())
                .isEqualTo(3600);
        assertThat(plan.end().atZone(BERLIN).toLocalTime()).isEqualTo(LocalTime.of(2, 45));
        assertThat(Set.of(plan.start().atZone(BERLIN).getOffset().getTotalSeconds()))
                .containsExactly(7200);
    }
}
