package io.slotline.tenancy;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * One step of a service booked in steps (a colouring: colour, processing, wash and finish). Each step is a booking
 * of its own Cal.com event type: {@code calcomEventTypeId} for any stylist (usually a round-robin team event type),
 * and each stylist's own event type for the step in {@code staffEventTypes}, the only way Cal.com books one person.
 * After the step comes a pause of {@code pauseMinMinutes..pauseMaxMinutes} in which the stylist is free for other
 * callers (the processing time); the next step starts when a stylist is free within that range.
 *
 * @param sameStaffNext the next step must be done by the stylist who did this one
 */
public record ServiceStep(
        String name,
        long calcomEventTypeId,
        @Nullable String calcomEventTypeSlug,
        @Nullable Long calcomTeamId,
        int durationMinutes,
        int pauseMinMinutes,
        int pauseMaxMinutes,
        boolean sameStaffNext,
        List<StaffEventType> staffEventTypes) {

    /** More would not be a service a caller books by phone; it also bounds the work of a plan. */
    public static final int MAX_STEPS = 6;
    /** From the first step's start to the last step's end, at most: one working day. */
    public static final int MAX_SPAN_MINUTES = 720;

    public ServiceStep {
        staffEventTypes = staffEventTypes == null ? List.of() : List.copyOf(staffEventTypes);
    }

    /** This stylist's own event type for the step, if they have one. */
    public Optional<StaffEventType> ownEventType(long staffId) {
        return staffEventTypes.stream().filter(own -> own.staffId() == staffId).findFirst();
    }

    public Map<Long, StaffEventType> staffEventTypesById() {
        return staffEventTypes.stream()
                .collect(Collectors.toUnmodifiableMap(StaffEventType::staffId, Function.identity(), (a, b) -> a));
    }

    /** The longest time from the first step's start to the last one's end. */
    public static int maxSpanMinutes(List<ServiceStep> steps) {
        int span = 0;
        for (int i = 0; i < steps.size(); i++) {
            span += steps.get(i).durationMinutes()
                    + (i < steps.size() - 1 ? steps.get(i).pauseMaxMinutes() : 0);
        }
        return span;
    }

    /** The shortest such time: every pause at its minimum. */
    public static int minSpanMinutes(List<ServiceStep> steps) {
        int span = 0;
        for (int i = 0; i < steps.size(); i++) {
            span += steps.get(i).durationMinutes()
                    + (i < steps.size() - 1 ? steps.get(i).pauseMinMinutes() : 0);
        }
        return span;
    }

    /**
     * Checks a service's steps; the problem names the field (service 'Färben': steps[1].pauseMaxMinutes ...).
     *
     * @throws IllegalArgumentException naming the first problem
     */
    static List<ServiceStep> validated(String service, @Nullable List<ServiceStep> steps) {
        if (steps == null || steps.isEmpty()) {
            return List.of();
        }
        if (steps.size() == 1) {
            throw new IllegalArgumentException("service '" + service + "': steps needs at least two steps "
                    + "(a service of one step is booked as one block)");
        }
        if (steps.size() > MAX_STEPS) {
            throw new IllegalArgumentException("service '" + service + "': at most " + MAX_STEPS + " steps");
        }
        for (int i = 0; i < steps.size(); i++) {
            ServiceStep step = steps.get(i);
            String field = "service '" + service + "': steps[" + i + "].";
            if (step == null) {
                throw new IllegalArgumentException(field.substring(0, field.length() - 1) + " is empty");
            }
            TenancyValidation.requireText(step.name(), field + "name", 200);
            if (step.calcomEventTypeId() <= 0) {
                throw new IllegalArgumentException(field + "calcomEventTypeId must be a positive Cal.com id");
            }
            if (step.durationMinutes() < 1 || step.durationMinutes() > 1440) {
                throw new IllegalArgumentException(field + "durationMinutes must be 1..1440");
            }
            boolean last = i == steps.size() - 1;
            if (last && (step.pauseMinMinutes() != 0 || step.pauseMaxMinutes() != 0 || step.sameStaffNext())) {
                throw new IllegalArgumentException(field + "pauseMinMinutes, pauseMaxMinutes and sameStaffNext "
                        + "belong to a step that has a next one; the last step has none");
            }
            if (step.pauseMinMinutes() < 0 || step.pauseMinMinutes() > 1440) {
                throw new IllegalArgumentException(field + "pauseMinMinutes must be 0..1440");
            }
            if (step.pauseMaxMinutes() < step.pauseMinMinutes() || step.pauseMaxMinutes() > 1440) {
                throw new IllegalArgumentException(
                        field + "pauseMaxMinutes must be pauseMinMinutes.." + "1440 (at least the minimum pause)");
            }
            Set<Long> staff = new HashSet<>();
            for (StaffEventType own : step.staffEventTypes()) {
                if (own == null || own.eventTypeId() <= 0) {
                    throw new IllegalArgumentException(field + "staffEventTypes needs a positive event type id");
                }
                if (!staff.add(own.staffId())) {
                    throw new IllegalArgumentException(field + "staffEventTypes names a staff member twice");
                }
            }
        }
        if (maxSpanMinutes(steps) > MAX_SPAN_MINUTES) {
            throw new IllegalArgumentException("service '" + service + "': the steps with their longest pauses "
                    + "last more than " + MAX_SPAN_MINUTES + " minutes");
        }
        return List.copyOf(steps);
    }
}
