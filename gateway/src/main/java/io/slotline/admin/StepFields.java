package io.slotline.admin;

import io.slotline.tenancy.ServiceStep;
import io.slotline.tenancy.StaffEventType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The steps of a service in steps, as a request gives them: checked field by field before anything is written. */
final class StepFields {

    private StepFields() {}

    /**
     * The steps of a request, each field checked with its name ({@code steps[1].pauseMaxMinutes}); absent: the
     * stored ones (PATCH) or none. A stylist's own event type must belong to someone who performs the service.
     */
    static List<ServiceStep> steps(
            long companyId,
            @Nullable List<TenantRequests.StepRequest> requested,
            List<ServiceStep> stored,
            List<Long> performers) {
        if (requested == null) {
            return stored;
        }
        if (requested.size() == 1) {
            throw AdminException.invalid(
                    "steps", "a service in steps has at least two steps; send [] to book it " + "as one block");
        }
        if (requested.size() > ServiceStep.MAX_STEPS) {
            throw AdminException.invalid("steps", "at most " + ServiceStep.MAX_STEPS + " steps");
        }
        List<ServiceStep> steps = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            String field = "steps[" + i + "]";
            TenantRequests.StepRequest r = Fields.required(field, requested.get(i));
            String name = Fields.text(field + ".name", r.name(), 200);
            long eventTypeId = Fields.positive(
                    field + ".calcomEventTypeId", Fields.required(field + ".calcomEventTypeId", r.calcomEventTypeId()));
            String slug = Fields.optionalText(field + ".calcomEventTypeSlug", r.calcomEventTypeSlug(), 200);
            if (r.calcomTeamId() != null) {
                Fields.positive(field + ".calcomTeamId", r.calcomTeamId());
            }
            int duration = Fields.range(field + ".durationMinutes", r.durationMinutes(), 1, 1440);
            boolean last = i == requested.size() - 1;
            int pauseMin = r.pauseMinMinutes() == null ? 0 : r.pauseMinMinutes();
            int pauseMax = r.pauseMaxMinutes() == null ? pauseMin : r.pauseMaxMinutes();
            boolean same = r.sameStaffNext() != null && r.sameStaffNext();
            if (last && (pauseMin != 0 || pauseMax != 0 || same)) {
                throw AdminException.invalid(field, "the last step has no pause after it and no next step");
            }
            Fields.range(field + ".pauseMinMinutes", pauseMin, 0, 1440);
            Fields.range(field + ".pauseMaxMinutes", pauseMax, pauseMin, 1440);
            List<StaffEventType> own = new ArrayList<>();
            Set<Long> named = new HashSet<>();
            List<TenantRequests.StepStaffEventType> given =
                    r.staffEventTypes() == null ? List.of() : r.staffEventTypes();
            for (int j = 0; j < given.size(); j++) {
                String ownField = field + ".staffEventTypes[" + j + "]";
                TenantRequests.StepStaffEventType e = Fields.required(ownField, given.get(j));
                long staffId =
                        Fields.positive(ownField + ".staffId", Fields.required(ownField + ".staffId", e.staffId()));
                if (!performers.contains(staffId)) {
                    throw AdminException.invalid(
                            ownField + ".staffId",
                            "staff member " + staffId + " does not perform this service (company " + companyId + ")");
                }
                if (!named.add(staffId)) {
                    throw AdminException.invalid(ownField + ".staffId", "staff member " + staffId + " is named twice");
                }
                own.add(new StaffEventType(
                        staffId,
                        Fields.positive(
                                ownField + ".eventTypeId", Fields.required(ownField + ".eventTypeId", e.eventTypeId())),
                        Fields.optionalText(ownField + ".slug", e.slug(), 200)));
            }
            steps.add(new ServiceStep(
                    name, eventTypeId, slug, r.calcomTeamId(), duration, pauseMin, pauseMax, same, own));
        }
        if (ServiceStep.maxSpanMinutes(steps) > ServiceStep.MAX_SPAN_MINUTES) {
            throw AdminException.invalid(
                    "steps",
                    "the steps with their longest pauses last more than " + ServiceStep.MAX_SPAN_MINUTES + " minutes");
        }
        return steps;
    }
}
