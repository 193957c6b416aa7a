package io.slotline.admin;

import io.slotline.admin.TenantRequests.StaffEventTypeRequest;
import io.slotline.admin.TenantViews.StaffEventTypeView;
import io.slotline.admin.TenantViews.StaffView;
import io.slotline.tenancy.Service;
import io.slotline.tenancy.Staff;
import io.slotline.tenancy.StaffEventType;
import io.slotline.tenancy.TenantDirectory;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who performs which service, and the event type a staff member is booked on when asked for by name (checked whole
 * before writing, as {@link CompanyAdmin} says).
 */
@Component
@Transactional
class ServiceStaffAdmin {

    private final TenantDirectory directory;
    private final ServiceAdmin services;
    private final StaffAdmin staff;

    ServiceStaffAdmin(TenantDirectory directory, ServiceAdmin services, StaffAdmin staff) {
        this.directory = directory;
        this.services = services;
        this.staff = staff;
    }

    @Transactional(readOnly = true)
    List<StaffView> staffOfService(long companyId, long serviceId) {
        services.existing(companyId, serviceId);
        return directory.allStaffOfService(companyId, serviceId).stream()
                .map(StaffView::of)
                .toList();
    }

    /** @return whether the link is new */
    boolean link(long companyId, long serviceId, @Nullable Long staffId) {
        services.existing(companyId, serviceId);
        List<Long> ids = staff.referenced(companyId, "staffId", staffId == null ? null : List.of(staffId));
        if (ids == null) {
            throw AdminException.missing("staffId");
        }
        return directory.linkServiceStaff(companyId, serviceId, ids.get(0));
    }

    void unlink(long companyId, long serviceId, long staffId) {
        services.existing(companyId, serviceId);
        if (!directory.unlinkServiceStaff(companyId, serviceId, staffId)) {
            throw AdminException.notFound("staff member " + staffId + " on service " + serviceId);
        }
    }

    List<StaffView> replaceStaffOfService(long companyId, long serviceId, @Nullable List<Long> staffIds) {
        services.existing(companyId, serviceId);
        List<Long> wanted = staff.referenced(companyId, "staffIds", staffIds);
        if (wanted == null) {
            throw AdminException.missing("staffIds");
        }
        replaceLinks(directory, companyId, serviceId, wanted);
        return staffOfService(companyId, serviceId);
    }

    @Transactional(readOnly = true)
    StaffEventTypeView staffEventType(long companyId, long serviceId, long staffId) {
        services.existing(companyId, serviceId);
        Staff member = linkedStaff(companyId, serviceId, staffId);
        StaffEventType own = directory.staffEventTypes(companyId, serviceId).get(staffId);
        return new StaffEventTypeView(
                serviceId,
                staffId,
                member.name(),
                own == null ? null : own.eventTypeId(),
                own == null ? null : own.slug());
    }

    /**
     * Sets by hand where a staff member is booked when asked for by name (for when the Cal.com sync can't map them):
     * their own event type, never the service's team event type, and not one another staff member of the service has.
     */
    StaffEventTypeView setStaffEventType(long companyId, long serviceId, long staffId, StaffEventTypeRequest request) {
        Service service = services.existing(companyId, serviceId);
        linkedStaff(companyId, serviceId, staffId);
        Long eventTypeId = request.eventTypeId();
        if (eventTypeId == null) {
            throw AdminException.missing("eventTypeId");
        }
        if (eventTypeId <= 0) {
            throw AdminException.invalid("eventTypeId", "eventTypeId must be a positive Cal.com event type id");
        }
        String slug = request.slug() == null || request.slug().isBlank()
                ? null
                : request.slug().trim();
        if (slug != null && !slug.matches("[A-Za-z0-9][A-Za-z0-9_-]{0,99}")) {
            throw AdminException.invalid(
                    "slug", "slug must be a Cal.com event type slug (letters, digits, - and _, " + "at most 100)");
        }
        if (service.calcomTeamId() != null && eventTypeId.equals(service.calcomEventTypeId())) {
            throw AdminException.invalid(
                    "eventTypeId",
                    "event type " + eventTypeId + " is the service's team event "
                            + "type for any host; a staff member is booked alone only on an event type of their own "
                            + "(a managed child or their personal event type)");
        }
        directory.staffEventTypes(companyId, serviceId).values().stream()
                .filter(other -> other.staffId() != staffId && other.eventTypeId() == eventTypeId)
                .findFirst()
                .ifPresent(other -> {
                    throw AdminException.conflict(
                            "eventTypeId",
                            "event type " + eventTypeId + " is already staff " + "member " + other.staffId()
                                    + "'s own event type for this service");
                });
        directory.setStaffEventType(companyId, serviceId, staffId, eventTypeId, slug);
        return staffEventType(companyId, serviceId, staffId);
    }

    StaffEventTypeView clearStaffEventType(long companyId, long serviceId, long staffId) {
        services.existing(companyId, serviceId);
        linkedStaff(companyId, serviceId, staffId);
        directory.setStaffEventType(companyId, serviceId, staffId, null, null);
        return staffEventType(companyId, serviceId, staffId);
    }

    /** Links exactly the wanted staff to the service: unlinks the others, links the new ones. */
    static void replaceLinks(TenantDirectory directory, long companyId, long serviceId, List<Long> wanted) {
        List<Long> linked = directory.linkedStaffIds(companyId, serviceId);
        for (Long staffId : linked) {
            if (!wanted.contains(staffId)) {
                directory.unlinkServiceStaff(companyId, serviceId, staffId);
            }
        }
        for (Long staffId : wanted) {
            if (!linked.contains(staffId)) {
                directory.linkServiceStaff(companyId, serviceId, staffId);
            }
        }
    }

    private Staff linkedStaff(long companyId, long serviceId, long staffId) {
        Staff member = staff.existing(companyId, staffId);
        if (!directory.linkedStaffIds(companyId, serviceId).contains(staffId)) {
            throw AdminException.notFound(
                    "staff member " + staffId + " on service " + serviceId + " (link them to the service first)");
        }
        return member;
    }
}
