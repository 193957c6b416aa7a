package io.slotline.booking;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.slotline.availability.CalendarRef;
import io.slotline.availability.Prefetcher;
import io.slotline.retell.CallLifecycle;
import io.slotline.tenancy.Service;
import io.slotline.tenancy.TenantContext;
import io.slotline.tenancy.TenantDirectory;

/**
 * While the phone rings and the agent greets, the branch's services are fetched for the next days in the
 * background, so the caller's first "is Tuesday free?" is answered from memory. The prefetcher runs at background
 * priority, dedupes, and only uses spare Cal.com budget.
 */
@Component
class AvailabilityWarmUp implements CallLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AvailabilityWarmUp.class);

    private final Prefetcher prefetcher;
    private final TenantDirectory tenants;
    private final Calendars calendars;

    AvailabilityWarmUp(Prefetcher prefetcher, TenantDirectory tenants, Calendars calendars) {
        this.prefetcher = prefetcher;
        this.tenants = tenants;
        this.calendars = calendars;
    }

    @Override
    public void callIncoming(TenantContext tenant) {
        warm(tenant);
    }

    @Override
    public void callStarted(TenantContext tenant, String retellCallId) {
        warm(tenant);
    }

    private void warm(TenantContext tenant) {
        try {
            List<CalendarRef> refs = new ArrayList<>();
            for (Service service : tenants.activeServices(tenant.companyId())) {
                if (service.calcomEventTypeId() != null) {
                    refs.add(calendars.of(tenant.company(), service, null));
                }
            }
            prefetcher.prefetch(refs, tenant.branch().timeZone());
        } catch (RuntimeException e) {
            // warming is an optimisation: a call must never fail because of it
            log.debug("could not prefetch availability for {}: {}", tenant.company().slug(), e.getMessage());
        }
    }
}
