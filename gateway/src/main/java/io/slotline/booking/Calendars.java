package io.slotline.booking;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.slotline.availability.CalendarRef;
import io.slotline.calcom.CalcomAccount;
import io.slotline.calcom.CalcomException;
import io.slotline.tenancy.Company;
import io.slotline.tenancy.Service;
import io.slotline.tenancy.Staff;
import io.slotline.tenancy.StaffEventType;
import io.slotline.tenancy.TenantDirectory;

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
        if (eventTypeId == null) {
            throw new IllegalArgumentException("service " + service.id() + " has no Cal.com event type");
        }
        if (staff == null) {
            return new CalendarRef(company.id(), account(company), eventTypeId, service.calcomEventTypeSlug(), null,
                    service.durationMinutes(), service.calcomTeamId(), null, null);
        }
        StaffEventType own = ownEventType(service, staff).orElseThrow(() -> new IllegalArgumentException(
                "staff " + staff.id() + " has no Cal.com event type of their own for service " + service.id()));
        return new CalendarRef(company.id(), account(company), eventTypeId, service.calcomEventTypeSlug(),
                staff.calcomUsername(), service.durationMinutes(), service.calcomTeamId(), own.eventTypeId(),
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

    /** A staff member can be asked for by name when they have their own event type for the service. */
    public boolean bookable(Service service, Staff staff) {
        return service.calcomEventTypeId() != null && staff.calcomUsername() != null
                && ownEventType(service, staff).isPresent();
    }

    private Optional<StaffEventType> ownEventType(Service service, Staff staff) {
        return Optional.ofNullable(tenants.staffEventTypes(service.companyId(), service.id()).get(staff.id()));
    }

    public CalcomAccount account(Company company) {
        String key = tenants.calcomApiKey(company.id()).orElseThrow(() -> new CalcomException.Unauthorized(
                CalcomException.Origin.of(company.slug(), "config"), "company has no Cal.com API key"));
        return new CalcomAccount(company.slug(), key);
    }
}
