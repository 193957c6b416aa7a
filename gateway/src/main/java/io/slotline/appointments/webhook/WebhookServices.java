package io.slotline.appointments.webhook;

import io.slotline.calcom.CalcomWebhookEvent;
import io.slotline.calcom.CalcomWebhookEvent.Person;
import io.slotline.tenancy.Company;
import io.slotline.tenancy.Staff;
import io.slotline.tenancy.TenantDirectory;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What a Cal.com booking webhook names in our terms: the service its event type belongs to, the event type the
 * availability cache knows it by, and the staff member it was booked with.
 */
@Component
class WebhookServices {

    private final TenantDirectory directory;

    WebhookServices(TenantDirectory directory) {
        this.directory = directory;
    }

    @Nullable Long serviceId(Company company, CalcomWebhookEvent event) {
        io.slotline.tenancy.Service service = service(company, event.eventTypeId());
        return service == null ? null : service.id();
    }

    /**
     * The service a booked event type belongs to: its "any host" event type, or a staff member's own event type
     * for it (a managed child or a personal event type).
     */
    io.slotline.tenancy.@Nullable Service service(Company company, @Nullable Long eventTypeId) {
        if (eventTypeId == null) {
            return null;
        }
        List<io.slotline.tenancy.Service> services = directory.activeServices(company.id());
        return services.stream()
                .filter(service -> eventTypeId.equals(service.calcomEventTypeId()))
                .findFirst()
                .or(() -> services.stream()
                        .filter(service -> directory.staffEventTypes(company.id(), service.id()).values().stream()
                                .anyMatch(own -> own.eventTypeId() == eventTypeId))
                        .findFirst())
                .orElse(null);
    }

    /**
     * The event type the cache knows a booking by: a staff member's own event type counts as their service's
     * (whose buffers it shares); an event type of no service stays itself.
     */
    @Nullable Long serviceEventTypeId(Company company, @Nullable Long eventTypeId) {
        if (eventTypeId != null) {
            // a step's event type (or a stylist's own for it) counts as the step's "any stylist" event type
            for (io.slotline.tenancy.Service inSteps : directory.activeServices(company.id())) {
                for (io.slotline.tenancy.ServiceStep step : inSteps.steps()) {
                    if (step.calcomEventTypeId() == eventTypeId
                            || step.staffEventTypes().stream().anyMatch(own -> own.eventTypeId() == eventTypeId)) {
                        return step.calcomEventTypeId();
                    }
                }
            }
        }
        io.slotline.tenancy.Service service = service(company, eventTypeId);
        return service != null && service.calcomEventTypeId() != null ? service.calcomEventTypeId() : eventTypeId;
    }

    @Nullable Staff staff(Company company, CalcomWebhookEvent event, @Nullable Long serviceId) {
        Person organizer = event.organizer();
        if (serviceId == null || organizer == null || organizer.username() == null) {
            return null;
        }
        return directory.staffForService(company.id(), serviceId).stream()
                .filter(staff -> organizer.username().equalsIgnoreCase(staff.calcomUsername()))
                .findFirst()
                .orElse(null);
    }
}
