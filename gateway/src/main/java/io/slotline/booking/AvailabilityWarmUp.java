package io.slotline.booking;

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
 * While the phone rings and the agent greets, the branch's services are fetched for the next days in the
 * background, so the caller's first "is Tuesday free?" is answered from memory: each service for any host first,
 * then for each of its staff (callers ask for someone by name, and a booking is applied to the cache through the
 * other hosts' calendars); a service in steps for each stylist's calendar of each step. The event types are read too, for their buffers and hosts. The prefetcher runs at
 * background priority, dedupes (a calendar in memory costs nothing), and only uses spare Cal.com budget.
 */
@Component
class AvailabilityWarmUp {

    private static final Logger log = LoggerFactory.getLogger(AvailabilityWarmUp.class);

    private final Prefetcher prefetcher;
    private final TenantDirectory tenants;
    private final Calendars calendars;

    private final EventTypeCatalog eventTypes;

    AvailabilityWarmUp(
            Prefetcher prefetcher, TenantDirectory tenants, Calendars calendars, EventTypeCatalog eventTypes) {
        this.prefetcher = prefetcher;
        this.tenants = tenants;
        this.calendars = calendars;
        this.eventTypes = eventTypes;
    }

    @EventListener
    void on(CallIncoming incoming) {
        warm(incoming.tenant());
    }

    @EventListener
    void on(CallStarted started) {
        warm(started.tenant());
    }

    private void warm(TenantContext tenant) {
        try {
            List<CalendarRef> anyHost = new ArrayList<>();
            List<CalendarRef> perStaff = new ArrayList<>();
            for (Service service : tenants.activeServices(tenant.companyId())) {
                if (service.inSteps()) {
                    // a service in steps is answered from its stylists' calendars of each step
                    for (int step = 0; step < service.steps().size(); step++) {
                        // the step's "any stylist" event type: its hosts and buffers, no slots
                        eventTypes.warm(calendars.ofStep(tenant.company(), service, step, null));
                        for (Calendars.StepHost host : calendars.stepHosts(
                                tenant.company(), service, step, tenant.branch().id())) {
                            perStaff.add(host.calendar());
                            eventTypes.warm(host.calendar());
                        }
                    }
                    continue;
                }
                if (service.calcomEventTypeId() == null) {
                    continue;
                }
                CalendarRef calendar = calendars.of(tenant.company(), service, null);
                anyHost.add(calendar);
                eventTypes.warm(calendar);
                for (Staff staff : tenants.staffForService(tenant.companyId(), service.id())) {
                    if (staff.branchId() == tenant.branch().id() && calendars.bookable(service, staff)) {
                        perStaff.add(calendars.of(tenant.company(), service, staff));
                    }
                }
            }
            anyHost.addAll(perStaff);
            prefetcher.prefetch(anyHost, tenant.branch().timeZone());
        } catch (RuntimeException e) {
            // warming is an optimisation: a call must never fail because of it
            log.debug(
                    "could not prefetch availability for {}: {}",
                    tenant.company().slug(),
                    e.getMessage());
        }
    }
}
