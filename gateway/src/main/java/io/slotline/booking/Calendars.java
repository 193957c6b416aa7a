package io.slotline.booking;

import io.slotline.availability.CalendarRef;
import io.slotline.calcom.CalcomAccount;
import io.slotline.calcom.CalcomException;
import io.slotline.tenancy.Company;
import io.slotline.tenancy.Service;
import io.slotline.tenancy.ServiceStep;
import io.slotline.tenancy.Staff;
import io.slotline.tenancy.StaffEventType;
import io.slotline.tenancy.TenantDirectory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Which Cal.com calendar a service is: its event type for any host, or the staff member's own event type for it
 * when the caller asked for someone by name. Cal.com resolves {@code eventTypeSlug} + {@code username} only among
 * that user's own event types and answers 404 for a team event type, so one person is addressed by a managed
 * event type's child or their personal event type, by id. Always under the company's own Cal.com key.
 */
@Component
public class Calendars {

    private final TenantDirectory tenants;

    Calendars(TenantDirectory tenants) {
        this.tenants = tenants;
    }

    /**
     * @throws CalcomException.Unauthorized when the company has no Cal.com key (a setup problem the caller hears as
     *                                      "calendar unavailable")
     * @throws IllegalArgumentException     when the service has no event type, or staff is given but has no event
     *                                      type of their own for it (check {@link #bookable} first)
     */
    public CalendarRef of(Company company, Service service, @Nullable Staff staff) {
        Long eventTypeId = service.calcomEventTypeId();
        if (eventTypeId == null && service.inSteps()) {
            // a service in steps needs no event type of its own: its first step stands for it
            return staff == null ? ofStep(company, service, 0, null) : ofStep(company, service, 0, staff);
        }
        if (eventTypeId == null) {
            throw new IllegalArgumentException("service " + service.id() + " has no Cal.com event type");
        }
        if (staff == null) {
            return new CalendarRef(
                    company.id(),
                    account(company),
                    eventTypeId,
                    service.calcomEventTypeSlug(),
                    null,
                    service.durationMinutes(),
                    service.calcomTeamId(),
                    null,
                    null);
        }
        StaffEventType own = ownEventType(service, staff)
                .orElseThrow(() -> new IllegalArgumentException(
                        "staff " + staff.id() + " has no Cal.com event type of their own for service " + service.id()));
        return new CalendarRef(
                company.id(),
                account(company),
                eventTypeId,
                service.calcomEventTypeSlug(),
                staff.calcomUsername(),
                service.durationMinutes(),
                service.calcomTeamId(),
                own.eventTypeId(),
                own.slug());
    }

    /**
     * The service for one of its Cal.com hosts, by username: only a staff member with an event type of their own
     * for it can be asked for alone.
     */
    public Optional<CalendarRef> forHost(Company company, Service service, String username) {
        return tenants.staffForService(company.id(), service.id()).stream()
                .filter(staff -> staff.calcomUsername() != null
                        && CalendarRef.normalized(staff.calcomUsername()).equals(CalendarRef.normalized(username)))
                .filter(staff -> bookable(service, staff))
                .findFirst()
                .map(staff -> of(company, service, staff));
    }

    /**
     * A staff member can be asked for by name when they have their own event type for the service; for a service in
     * steps, for its first step (the later ones may go to another stylist).
     */
    public boolean bookable(Service service, Staff staff) {
        if (service.inSteps()) {
            return staff.calcomUsername() != null
                    && service.steps().get(0).ownEventType(staff.id()).isPresent();
        }
        return service.calcomEventTypeId() != null
                && staff.calcomUsername() != null
                && ownEventType(service, staff).isPresent();
    }

    /**
     * One step of a service in steps: its event type for any stylist ({@code staff} null), or the stylist's own
     * event type for it, where their slots are read and the step is booked.
     *
     * @throws IllegalArgumentException when the stylist has no event type of their own for the step
     */
    public CalendarRef ofStep(Company company, Service service, int index, @Nullable Staff staff) {
        ServiceStep step = service.steps().get(index);
        if (staff == null) {
            return new CalendarRef(
                    company.id(),
                    account(company),
                    step.calcomEventTypeId(),
                    step.calcomEventTypeSlug(),
                    null,
                    step.durationMinutes(),
                    step.calcomTeamId(),
                    null,
                    null);
        }
        StaffEventType own = step.ownEventType(staff.id())
                .filter(o -> staff.calcomUsername() != null)
                .orElseThrow(() -> new IllegalArgumentException("staff " + staff.id() + " has no Cal.com event type "
                        + "of their own for step " + index + " of service " + service.id()));
        return new CalendarRef(
                company.id(),
                account(company),
                step.calcomEventTypeId(),
                step.calcomEventTypeSlug(),
                staff.calcomUsername(),
                step.durationMinutes(),
                step.calcomTeamId(),
                own.eventTypeId(),
                own.slug());
    }

    /**
     * The stylists of the branch who can do a step of a service, each with their calendar for it, in a stable order
     * (by username): those who perform the service and have their own event type for the step.
     */
    public List<StepHost> stepHosts(Company company, Service service, int index, long branchId) {
        ServiceStep step = service.steps().get(index);
        List<StepHost> hosts = new ArrayList<>();
        for (Staff staff : tenants.staffForService(company.id(), service.id())) {
            if (staff.branchId() == branchId
                    && staff.calcomUsername() != null
                    && step.ownEventType(staff.id()).isPresent()) {
                hosts.add(new StepHost(
                        CalendarRef.normalized(staff.calcomUsername()), staff, ofStep(company, service, index, staff)));
            }
        }
        hosts.sort(Comparator.comparing(StepHost::username));
        return hosts;
    }

    /** A stylist who can do one step: their Cal.com username (normalised), and their own calendar for the step. */
    public record StepHost(String username, Staff staff, CalendarRef calendar) {}

    private Optional<StaffEventType> ownEventType(Service service, Staff staff) {
        return Optional.ofNullable(
                tenants.staffEventTypes(service.companyId(), service.id()).get(staff.id()));
    }

    public CalcomAccount account(Company company) {
        String key = tenants.calcomApiKey(company.id())
                .orElseThrow(() -> new CalcomException.Unauthorized(
                        CalcomException.Origin.of(company.slug(), "config"), "company has no Cal.com API key"));
        return new CalcomAccount(company.slug(), key);
    }
}
