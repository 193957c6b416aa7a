package io.slotline.admin;

import static io.slotline.admin.Fields.pick;
import static io.slotline.admin.Fields.pickNullable;

import io.slotline.admin.TenantRequests.ServiceRequest;
import io.slotline.admin.TenantViews.ServiceView;
import io.slotline.tenancy.Service;
import io.slotline.tenancy.ServiceSpec;
import io.slotline.tenancy.TenantDirectory;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A company's services for the admin API, with their steps ({@link StepFields}) and, when the request names them,
 * who performs them (checked whole before writing, as {@link CompanyAdmin} says).
 */
@Component
@Transactional
class ServiceAdmin {

    private final TenantDirectory directory;
    private final CompanyAdmin companies;
    private final StaffAdmin staff;

    ServiceAdmin(TenantDirectory directory, CompanyAdmin companies, StaffAdmin staff) {
        this.directory = directory;
        this.companies = companies;
        this.staff = staff;
    }

    @Transactional(readOnly = true)
    List<ServiceView> services(long companyId) {
        companies.existing(companyId);
        return directory.allServices(companyId).stream().map(this::view).toList();
    }

    @Transactional(readOnly = true)
    ServiceView service(long companyId, long serviceId) {
        return view(existing(companyId, serviceId));
    }

    ServiceView createService(long companyId, ServiceRequest request) {
        companies.existing(companyId);
        List<Long> staffIds = staff.referenced(companyId, "staffIds", request.staffIds());
        ServiceSpec spec = serviceSpec(request, null)
                .withSteps(StepFields.steps(
                        companyId, request.steps(), List.of(), staffIds == null ? List.of() : staffIds));
        requireFreeName(companyId, spec.name(), null);
        long id = directory.createService(companyId, spec);
        if (staffIds != null) {
            ServiceStaffAdmin.replaceLinks(directory, companyId, id, staffIds);
        }
        return service(companyId, id);
    }

    ServiceView updateService(long companyId, long serviceId, ServiceRequest request, boolean partial) {
        Service existing = existing(companyId, serviceId);
        List<Long> staffIds = staff.referenced(companyId, "staffIds", request.staffIds());
        List<Long> performers = staffIds != null ? staffIds : directory.linkedStaffIds(companyId, serviceId);
        ServiceSpec spec = serviceSpec(request, partial ? existing : null)
                .withSteps(StepFields.steps(
                        companyId, request.steps(), partial ? existing.steps() : List.of(), performers));
        requireFreeName(companyId, spec.name(), serviceId);
        directory.updateService(companyId, serviceId, spec);
        if (staffIds != null) {
            ServiceStaffAdmin.replaceLinks(directory, companyId, serviceId, staffIds);
        }
        return service(companyId, serviceId);
    }

    ServiceView deactivateService(long companyId, long serviceId) {
        Service s = existing(companyId, serviceId);
        directory.updateService(
                companyId,
                serviceId,
                new ServiceSpec(
                        s.name(),
                        s.synonyms(),
                        s.durationMinutes(),
                        s.priceCents(),
                        s.currency(),
                        s.calcomEventTypeId(),
                        s.calcomEventTypeSlug(),
                        false,
                        s.calcomTeamId(),
                        s.steps()));
        return service(companyId, serviceId);
    }

    /** The service of a request's path (404 when the company or the service is unknown). */
    Service existing(long companyId, long serviceId) {
        companies.existing(companyId);
        return directory
                .serviceUncached(companyId, serviceId)
                .orElseThrow(() -> AdminException.notFound("service " + serviceId + " of company " + companyId));
    }

    private static ServiceSpec serviceSpec(ServiceRequest r, @Nullable Service base) {
        String name = Fields.text("name", pickNullable(r.name(), base == null ? null : base.name()), 200);
        List<String> synonyms = pick(r.synonyms(), base == null ? List.<String>of() : base.synonyms());
        List<String> cleanSynonyms = new ArrayList<>();
        for (int i = 0; i < synonyms.size(); i++) {
            String synonym = Fields.optionalText("synonyms[" + i + "]", synonyms.get(i), 200);
            if (synonym != null) {
                cleanSynonyms.add(synonym);
            }
        }
        if (cleanSynonyms.size() > 50) {
            throw AdminException.invalid("synonyms", "at most 50 synonyms");
        }
        int duration = Fields.range(
                "durationMinutes",
                pickNullable(r.durationMinutes(), base == null ? null : base.durationMinutes()),
                1,
                1440);
        Integer price = pickNullable(r.priceCents(), base == null ? null : base.priceCents());
        if (price != null) {
            Fields.range("priceCents", price, 0, CompanyAdmin.MAX_PRICE_CENTS);
        }
        String currency = Fields.currency("currency", pick(r.currency(), base == null ? "EUR" : base.currency()));
        Long eventTypeId = pickNullable(r.calcomEventTypeId(), base == null ? null : base.calcomEventTypeId());
        if (eventTypeId != null) {
            Fields.positive("calcomEventTypeId", eventTypeId);
        }
        String eventTypeSlug = Fields.optionalText(
                "calcomEventTypeSlug",
                pickNullable(r.calcomEventTypeSlug(), base == null ? null : base.calcomEventTypeSlug()),
                200);
        boolean active = pick(r.active(), base == null || base.active());
        // the team is the sync's to set (the request has no field for it): a PATCH keeps it; the steps follow
        return new ServiceSpec(
                name,
                cleanSynonyms,
                duration,
                price,
                currency,
                eventTypeId,
                eventTypeSlug,
                active,
                base == null ? null : base.calcomTeamId(),
                List.of());
    }

    private void requireFreeName(long companyId, String name, @Nullable Long serviceId) {
        directory
                .serviceByName(companyId, name)
                .filter(s -> serviceId == null || s.id() != serviceId)
                .ifPresent(s -> {
                    throw AdminException.conflict("name", "service '" + name + "' already exists (id " + s.id() + ")");
                });
    }

    private ServiceView view(Service service) {
        return ServiceView.of(service, directory.linkedStaffIds(service.companyId(), service.id()));
    }
}
