package io.slotline.booking;

import io.slotline.tenancy.ServiceStep;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Where a service in steps fits: a start of the first step where every step finds a stylist, each step starting
 * within the pause range after the one before (the earliest such start, so the caller waits least), the same
 * stylist where a step demands it, and no stylist held by another call at a step's time. During a pause nobody is
 * taken: the stylist serves other callers meanwhile. Pure: the stylists' free starts per step come from the same
 * cached days as any service ({@link FreeStarts}).
 */
public final class StepPlanner {

    /** The starts Cal.com offers a stylist for one step (their own event type for it), and other calls' holds. */
    public interface FreeStarts {

        /** The starts offered to {@code host} for step {@code step} within [from, to], ascending. */
        NavigableSet<Instant> starts(int step, String host, Instant from, Instant to);

        /** Another call holds {@code host} at an overlapping time. */
        boolean held(String host, Instant start, Instant end);
    }

    /** One step of a plan: who does it, and when. */
    public record PlannedStep(int step, String host, Instant start, Instant end) {}

    /** Every step placed: the appointment runs from the first step's start to the last step's end. */
    public record Plan(List<PlannedStep> steps) {
        public Plan {
            steps = List.copyOf(steps);
        }

        public Instant start() {
            return steps.get(0).start();
        }

        public Instant end() {
            return steps.get(steps.size() - 1).end();
        }

        public String firstHost() {
            return steps.get(0).host();
        }
    }

    private final List<ServiceStep> steps;
    private final List<List<String>> hosts;

    /**
     * @param hosts per step, the stylists (usernames) who can do it, in order of preference
     */
    public StepPlanner(List<ServiceStep> steps, List<List<String>> hosts) {
        if (steps.size() != hosts.size() || steps.isEmpty()) {
            throw new IllegalArgumentException("one host list per step");
        }
        this.steps = List.copyOf(steps);
        this.hosts = hosts.stream().map(List::copyOf).toList();
    }

    /**
     * The plan starting at {@code start}, its first step done by {@code firstHost} (or the first stylist who can),
     * each later step as early as its pause allows, the previous stylist preferred.
     */
    public Optional<Plan> planAt(Instant start, @Nullable String firstHost, FreeStarts free) {
        List<String> first =
                firstHost == null ? hosts.get(0) : hosts.get(0).contains(firstHost) ? List.of(firstHost) : List.of();
        Instant end = start.plus(duration(0));
        for (String host : first) {
            if (free.starts(0, host, start, start).contains(start) && !free.held(host, start, end)) {
                List<PlannedStep> placed = new ArrayList<>();
                placed.add(new PlannedStep(0, host, start, end));
                if (placeNext(1, placed, free)) {
                    return Optional.of(new Plan(placed));
                }
            }
        }
        return Optional.empty();
    }

    /** Every start in [from, to] of the first step that makes a whole plan, ascending. */
    public List<Plan> plans(Instant from, Instant to, @Nullable String firstHost, FreeStarts free) {
        NavigableSet<Instant> starts = new TreeSet<>();
        for (String host : firstHost == null ? hosts.get(0) : List.of(firstHost)) {
            if (hosts.get(0).contains(host)) {
                starts.addAll(free.starts(0, host, from, to));
            }
        }
        List<Plan> plans = new ArrayList<>();
        for (Instant start : starts) {
            planAt(start, firstHost, free).ifPresent(plans::add);
        }
        return plans;
    }

    private boolean placeNext(int index, List<PlannedStep> placed, FreeStarts free) {
        if (index == steps.size()) {
            return true;
        }
        PlannedStep previous = placed.get(placed.size() - 1);
        ServiceStep before = steps.get(index - 1);
        Instant earliest = previous.end().plus(Duration.ofMinutes(before.pauseMinMinutes()));
        Instant latest = previous.end().plus(Duration.ofMinutes(before.pauseMaxMinutes()));
        List<String> candidates =
                before.sameStaffNext() ? List.of(previous.host()) : preferring(hosts.get(index), previous.host());
        record Option(Instant start, int rank, String host) {}
        List<Option> options = new ArrayList<>();
        for (int rank = 0; rank < candidates.size(); rank++) {
            String host = candidates.get(rank);
            if (!hosts.get(index).contains(host)) {
                continue;
            }
            for (Instant start : free.starts(index, host, earliest, latest)) {
                options.add(new Option(start, rank, host));
            }
        }
        // the earliest start first (the caller's appointment ends soonest), the same stylist before another
        options.sort(Comparator.comparing(Option::start).thenComparingInt(Option::rank));
        Duration length = duration(index);
        for (Option option : options) {
            Instant end = option.start().plus(length);
            if (free.held(option.host(), option.start(), end)) {
                continue;
            }
            placed.add(new PlannedStep(index, option.host(), option.start(), end));
            if (placeNext(index + 1, placed, free)) {
                return true;
            }
            placed.remove(placed.size() - 1);
        }
        return false;
    }

    private Duration duration(int index) {
        return Duration.ofMinutes(steps.get(index).durationMinutes());
    }

    private static List<String> preferring(List<String> hosts, String preferred) {
        if (!hosts.contains(preferred)) {
            return hosts;
        }
        List<String> ordered = new ArrayList<>(hosts);
        ordered.remove(preferred);
        ordered.add(0, preferred);
        return Collections.unmodifiableList(ordered);
    }
}
