package io.slotline.admin;

import io.slotline.admin.CalcomSync.Action;
import io.slotline.admin.CalcomSync.Item;
import io.slotline.calcom.EventType;
import io.slotline.tenancy.Service;
import io.slotline.tenancy.ServiceSpec;
import io.slotline.tenancy.ServiceStep;
import io.slotline.tenancy.Staff;
import io.slotline.tenancy.StaffEventType;
import io.slotline.tenancy.TenantDirectory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The Cal.com sync's part for a service in steps (run inside {@link CalcomSync}'s transaction). */
final class CalcomStepSync {

    private final TenantDirectory directory;

    CalcomStepSync(TenantDirectory directory) {
        this.directory = directory;
    }

    /**
     * The steps of a service in steps: each step's event type as Cal.com lists it now (slug, team, length) and each
     * stylist's own event type for it, found like a service's ({@link CalcomListing#ownEventTypeFor}). A step whose event type is
     * gone is reported and left as it is (its bookings would fail: the operator decides).
     */
    Item syncSteps(long companyId, CalcomListing account, Service service, List<Staff> staff, boolean apply) {
        List<String> changes = new ArrayList<>();
        List<String> calendars = new ArrayList<>();
        List<Long> linked = directory.linkedStaffIds(companyId, service.id());
        List<ServiceStep> updated = new ArrayList<>();
        for (int index = 0; index < service.steps().size(); index++) {
            ServiceStep step = service.steps().get(index);
            String field = "steps[" + index + "]";
            Optional<EventType> found = account.serviceTypes().stream()
                    .filter(e -> e.id() == step.calcomEventTypeId())
                    .findFirst();
            if (found.isEmpty()) {
                changes.add(field + " (" + step.name() + "): Cal.com lists no event type " + step.calcomEventTypeId()
                        + " any more; the step can't be booked");
                updated.add(step);
                continue;
            }
            EventType type = found.get();
            if (!type.slug().equals(step.calcomEventTypeSlug())) {
                changes.add(field + ".calcomEventTypeSlug " + step.calcomEventTypeSlug() + " -> " + type.slug());
            }
            if (!java.util.Objects.equals(type.teamId(), step.calcomTeamId())) {
                changes.add(field + ".calcomTeamId " + step.calcomTeamId() + " -> " + type.teamId());
            }
            int length = step.durationMinutes();
            if (type.lengthInMinutes() >= 1
                    && type.lengthInMinutes() <= 1440
                    && type.lengthInMinutes() != step.durationMinutes()) {
                changes.add(field + ".durationMinutes " + step.durationMinutes() + " -> " + type.lengthInMinutes()
                        + " (the event type's length: Cal.com books that)");
                length = type.lengthInMinutes();
            }
            List<StaffEventType> own = new ArrayList<>();
            for (Staff person : staff) {
                if (!linked.contains(person.id()) || person.calcomUsername() == null) {
                    continue;
                }
                boolean hosts = type.teamId() == null
                        || type.hosts().stream()
                                .anyMatch(h -> person.calcomUserId() != null
                                        ? person.calcomUserId() == h.id()
                                        : person.calcomUsername().equalsIgnoreCase(h.username()));
                Optional<EventType> theirs = hosts
                        ? (type.teamId() != null
                                ? CalcomListing.ownEventTypeFor(type, account.ownOf(person.calcomUsername()))
                                : Optional.of(type))
                        : Optional.empty();
                Optional<StaffEventType> current = step.ownEventType(person.id());
                if (theirs.isEmpty()) {
                    calendars.add(person.name() + ": " + field + " none (no event type of their own for this step)");
                    if (current.isPresent()) {
                        changes.add(person.name() + "'s own event type of " + field + " "
                                + current.get().eventTypeId() + " is gone from Cal.com");
                    }
                    continue;
                }
                calendars.add(person.name() + ": " + field + " " + theirs.get().id());
                StaffEventType now = new StaffEventType(
                        person.id(), theirs.get().id(), theirs.get().slug());
                if (current.isEmpty() || !current.get().equals(now)) {
                    changes.add(person.name() + "'s own event type of " + field + " "
                            + current.map(StaffEventType::eventTypeId).orElse(null) + " -> " + now.eventTypeId());
                }
                own.add(now);
            }
            updated.add(new ServiceStep(
                    step.name(),
                    step.calcomEventTypeId(),
                    type.slug(),
                    type.teamId(),
                    length,
                    step.pauseMinMinutes(),
                    step.pauseMaxMinutes(),
                    step.sameStaffNext(),
                    own));
        }
        if (apply && !updated.equals(service.steps())) {
            // read again: the service's own event type may have been updated by this sync just before
            Service current = directory.serviceUncached(companyId, service.id()).orElse(service);
            directory.updateService(
                    companyId, service.id(), ServiceSpec.of(current).withSteps(updated));
        }
        return new Item(
                changes.isEmpty() ? Action.UNCHANGED : Action.UPDATE,
                service.id(),
                service.name(),
                service.calcomEventTypeId(),
                service.calcomEventTypeSlug(),
                changes,
                List.of(),
                calendars,
                null,
                List.of());
    }
}
