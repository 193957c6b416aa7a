package io.slotline.booking;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.slotline.availability.AvailabilityProperties;
import io.slotline.availability.CalendarRef;
import io.slotline.availability.Prefetcher;
import io.slotline.calls.CallIncoming;
import io.slotline.calls.CallStarted;
import io.slotline.tenancy.Service;
import io.slotline.tenancy.Staff;
import io.slotline.tenancy.TenantContext;
import io.slotline.tenancy.TenantDirectory;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * While the phone rings and the agent greets, the branch's calendars are fetched for the next days in the
 * background, so the caller's first "is Tuesday free?" is answered from memory: each service for any stylist (a
 * service in steps for each stylist's calendar of each step), then each stylist's own calendar of each service
 * (callers ask for someone by name, an answer for "anyone" holds a stylist free then, and a booking patches the
 * "any stylist" days through the other stylists' calendars), and the services' event types (buffers and hosts), a
 * team's in one request. With {@code slotline.availability.prefetch.staff-calendars=when-active} the stylists'
 * calendars wait until the business is active (another of its calls started within the hard expiry), for agencies
 * whose businesses share one Cal.com key. The prefetcher runs at background priority, skips what is fresh in memory,
 * and only uses spare Cal.com budget.
 */
@Component
class AvailabilityWarmUp {

    private static final Logger log = LoggerFactory.getLogger(AvailabilityWarmUp.class);
    /** Businesses remembered as active: an agency's thousands, each a few dozen bytes. */
    private static final int MAX_ACTIVE_BUSINESSES = 100_000;

    private final Prefetcher prefetcher;
    private final TenantDirectory tenants;
    private final Calendars calendars;
    private final EventTypeCatalog eventTypes;
    private final boolean staffCalendarsAlways;
    /** Per company, its last call that started: a ring after another call's start finds the business active. */
    private final Cache<Long, String> lastStarted;

    AvailabilityWarmUp(
            Prefetcher prefetcher,
            TenantDirectory tenants,
            Calendars calendars,
            EventTypeCatalog eventTypes,
            AvailabilityProperties properties) {
        this.prefetcher = prefetcher;
        this.tenants = tenants;
        this.calendars = calendars;
        this.eventTypes = eventTypes;
        this.staffCalendarsAlways =
                properties.prefetch().staffCalendars() == AvailabilityProperties.Prefetch.StaffCalendars.ALWAYS;
        this.lastStarted = Caffeine.newBuilder()
                .expireAfterWrite(properties.hardExpiry())
                .maximumSize(MAX_ACTIVE_BUSINESSES)
                .build();
    }

    @EventListener
    void on(CallIncoming incoming) {
        // the call has no id yet: any call started before this ring makes the business active
        warm(incoming.tenant(), lastStarted.getIfPresent(incoming.tenant().companyId()) != null);
    }

    @EventListener
    void on(CallStarted started) {
        String before = lastStarted.asMap().put(started.tenant().companyId(), started.retellCallId());
        warm(started.tenant(), before != null && !before.equals(started.retellCallId()));
    }

    private void warm(TenantContext tenant, boolean active) {
        try {
            List<CalendarRef> services = new ArrayList<>();
            List<CalendarRef> staffCalendars = new ArrayList<>();
            List<CalendarRef> withEventTypes = new ArrayList<>();
            for (Service service : tenants.activeServices(tenant.companyId())) {
                if (service.inSteps()) {
                    // a service in steps is answered from its stylists' calendars of each step
                    for (int step = 0; step < service.steps().size(); step++) {
                        // the step's "any stylist" event type: its hosts and buffers, no slots
                        withEventTypes.add(calendars.ofStep(tenant.company(), service, step, null));
                        for (Calendars.StepHost host : calendars.stepHosts(
                                tenant.company(), service, step, tenant.branch().id())) {
                            services.add(host.calendar());
                            withEventTypes.add(host.calendar());
                        }
                    }
                    continue;
                }
                if (service.calcomEventTypeId() == null) {
                    continue;
                }
                CalendarRef calendar = calendars.of(tenant.company(), service, null);
                services.add(calendar);
                withEventTypes.add(calendar);
                for (Staff staff : tenants.staffForService(tenant.companyId(), service.id())) {
                    if (staff.branchId() == tenant.branch().id() && calendars.bookable(service, staff)) {
                        staffCalendars.add(calendars.of(tenant.company(), service, staff));
                    }
                }
            }
            eventTypes.warm(withEventTypes);
            if (active || staffCalendarsAlways) {
                services.addAll(staffCalendars);
            }
            prefetcher.prefetch(services, tenant.branch().timeZone());
        } catch (RuntimeException e) {
            // warming is an optimisation: a call must never fail because of it
            log.debug(
                    "could not prefetch availability for {}: {}",
                    tenant.company().slug(),
                    e.getMessage());
        }
    }
}
