package io.slotline.booking;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.slotline.availability.CalendarRef;
import io.slotline.calcom.CalcomAccount;
import io.slotline.calcom.CalcomException;
import io.slotline.tenancy.Company;
import io.slotline.tenancy.Service;
import io.slotline.tenancy.Staff;
import io.slotline.tenancy.TenantDirectory;

/**
 * Which Cal.com calendar a service is: its event type for any host, or the event type's slug plus a staff member's
 * username when the caller asked for someone by name. Always under the company's own Cal.com key.
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
     * @throws IllegalArgumentException     when the service has no event type, or staff is given but cannot be
     *                                      addressed in Cal.com (check {@link #bookable(Service, Staff)} first)
     */
    public CalendarRef of(Company company, Service service, @Nullable Staff staff) {
        Long eventTypeId = service.calcomEventTypeId();
        if (eventTypeId == null) {
            throw new IllegalArgumentException("service " + service.id() + " has no Cal.com event type");
        }
        if (staff != null && !bookable(service, staff)) {
            throw new IllegalArgumentException("staff " + staff.id() + " cannot be booked for service " + service.id());
        }
        return new CalendarRef(company.id(), account(company), eventTypeId, service.calcomEventTypeSlug(),
                staff == null ? null : staff.calcomUsername(), service.durationMinutes());
    }

    /** The service for one of its Cal.com hosts, by username (whether or not they are set up as staff here). */
    public CalendarRef forHost(Company company, Service service, String username) {
        Long eventTypeId = service.calcomEventTypeId();
        if (eventTypeId == null || service.calcomEventTypeSlug() == null) {
            throw new IllegalArgumentException("service " + service.id() + " has no Cal.com event type slug");
        }
        return new CalendarRef(company.id(), account(company), eventTypeId, service.calcomEventTypeSlug(), username,
                service.durationMinutes());
    }

    /** A staff member can be asked for by name when Cal.com can address them: event type slug plus username. */
    public static boolean bookable(Service service, Staff staff) {
        return service.calcomEventTypeSlug() != null && staff.calcomUsername() != null;
    }

    public CalcomAccount account(Company company) {
        String key = tenants.calcomApiKey(company.id()).orElseThrow(() -> new CalcomException.Unauthorized(
                CalcomException.Origin.of(company.slug(), "config"), "company has no Cal.com API key"));
        return new CalcomAccount(company.slug(), key);
    }
}
