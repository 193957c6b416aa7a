package io.slotline.admin;

import io.slotline.admin.TenantRequests.BranchRequest;
import io.slotline.admin.TenantRequests.CompanyRequest;
import io.slotline.admin.TenantRequests.LinkRequest;
import io.slotline.admin.TenantRequests.LinkSetRequest;
import io.slotline.admin.TenantRequests.PhoneNumberRequest;
import io.slotline.admin.TenantRequests.ServiceRequest;
import io.slotline.admin.TenantRequests.StaffEventTypeRequest;
import io.slotline.admin.TenantRequests.StaffRequest;
import io.slotline.admin.TenantViews.BranchView;
import io.slotline.admin.TenantViews.CompanyView;
import io.slotline.admin.TenantViews.PhoneNumberView;
import io.slotline.admin.TenantViews.ServiceView;
import io.slotline.admin.TenantViews.StaffEventTypeView;
import io.slotline.admin.TenantViews.StaffView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Companies and what belongs to them. POST creates (201), GET reads, PUT replaces (omitted optional fields take
 * their defaults, omitted secrets are kept), PATCH changes the given fields, DELETE deactivates (active=false; rows
 * are kept because calls and appointments refer to them).
 */
@RestController
@RequestMapping(path = AdminConfiguration.API_PREFIX + "/companies", produces = "application/json")
@Tag(name = "Tenants", description = "companies, branches, phone numbers, services, staff")
class TenantController {

    private final CompanyAdmin companies;
    private final BranchAdmin branches;
    private final PhoneNumberAdmin phoneNumbers;
    private final ServiceAdmin services;
    private final ServiceStaffAdmin serviceStaff;
    private final StaffAdmin staff;

    TenantController(
            CompanyAdmin companies,
            BranchAdmin branches,
            PhoneNumberAdmin phoneNumbers,
            ServiceAdmin services,
            ServiceStaffAdmin serviceStaff,
            StaffAdmin staff) {
        this.companies = companies;
        this.branches = branches;
        this.phoneNumbers = phoneNumbers;
        this.services = services;
        this.serviceStaff = serviceStaff;
        this.staff = staff;
    }

    // --- companies ---

    @GetMapping
    List<CompanyView> companies() {
        return companies.companies();
    }

    @GetMapping("/{companyId}")
    CompanyView company(@PathVariable long companyId) {
        return companies.company(companyId);
    }

    @PostMapping
    @Operation(summary = "Create a company (secrets are stored encrypted and never returned)")
    ResponseEntity<CompanyView> createCompany(@RequestBody CompanyRequest request) {
        CompanyView created = companies.createCompany(request);
        return ResponseEntity.created(URI.create(AdminConfiguration.API_PREFIX + "/companies/" + created.id()))
                .body(created);
    }

    @PutMapping("/{companyId}")
    CompanyView replaceCompany(@PathVariable long companyId, @RequestBody CompanyRequest request) {
        return companies.updateCompany(companyId, request, false);
    }

    @PatchMapping("/{companyId}")
    CompanyView patchCompany(@PathVariable long companyId, @RequestBody CompanyRequest request) {
        return companies.updateCompany(companyId, request, true);
    }

    @DeleteMapping("/{companyId}")
    @Operation(summary = "Deactivate a company: its numbers stop routing")
    CompanyView deactivateCompany(@PathVariable long companyId) {
        return companies.deactivateCompany(companyId);
    }

    // --- branches ---

    @GetMapping("/{companyId}/branches")
    List<BranchView> branches(@PathVariable long companyId) {
        return branches.branches(companyId);
    }

    @GetMapping("/{companyId}/branches/{branchId}")
    BranchView branch(@PathVariable long companyId, @PathVariable long branchId) {
        return branches.branch(companyId, branchId);
    }

    @PostMapping("/{companyId}/branches")
    ResponseEntity<BranchView> createBranch(@PathVariable long companyId, @RequestBody BranchRequest request) {
        BranchView created = branches.createBranch(companyId, request);
        return created(companyId, "branches", created.id(), created);
    }

    @PutMapping("/{companyId}/branches/{branchId}")
    BranchView replaceBranch(
            @PathVariable long companyId, @PathVariable long branchId, @RequestBody BranchRequest request) {
        return branches.updateBranch(companyId, branchId, request, false);
    }

    @PatchMapping("/{companyId}/branches/{branchId}")
    BranchView patchBranch(
            @PathVariable long companyId, @PathVariable long branchId, @RequestBody BranchRequest request) {
        return branches.updateBranch(companyId, branchId, request, true);
    }

    @DeleteMapping("/{companyId}/branches/{branchId}")
    BranchView deactivateBranch(@PathVariable long companyId, @PathVariable long branchId) {
        return branches.deactivateBranch(companyId, branchId);
    }

    // --- phone numbers ---

    @GetMapping("/{companyId}/phone-numbers")
    List<PhoneNumberView> phoneNumbers(@PathVariable long companyId) {
        return phoneNumbers.phoneNumbers(companyId);
    }

    @GetMapping("/{companyId}/phone-numbers/{numberId}")
    PhoneNumberView phoneNumber(@PathVariable long companyId, @PathVariable long numberId) {
        return phoneNumbers.phoneNumber(companyId, numberId);
    }

    @PostMapping("/{companyId}/phone-numbers")
    @Operation(summary = "Route a dialled number to a branch (409 when any tenant already has it)")
    ResponseEntity<PhoneNumberView> addPhoneNumber(
            @PathVariable long companyId, @RequestBody PhoneNumberRequest request) {
        PhoneNumberView created = phoneNumbers.addPhoneNumber(companyId, request);
        return created(companyId, "phone-numbers", created.id(), created);
    }

    @PutMapping("/{companyId}/phone-numbers/{numberId}")
    PhoneNumberView replacePhoneNumber(
            @PathVariable long companyId, @PathVariable long numberId, @RequestBody PhoneNumberRequest request) {
        return phoneNumbers.updatePhoneNumber(companyId, numberId, request, false);
    }

    @PatchMapping("/{companyId}/phone-numbers/{numberId}")
    PhoneNumberView patchPhoneNumber(
            @PathVariable long companyId, @PathVariable long numberId, @RequestBody PhoneNumberRequest request) {
        return phoneNumbers.updatePhoneNumber(companyId, numberId, request, true);
    }

    @DeleteMapping("/{companyId}/phone-numbers/{numberId}")
    PhoneNumberView deactivatePhoneNumber(@PathVariable long companyId, @PathVariable long numberId) {
        return phoneNumbers.deactivatePhoneNumber(companyId, numberId);
    }

    // --- services ---

    @GetMapping("/{companyId}/services")
    List<ServiceView> services(@PathVariable long companyId) {
        return services.services(companyId);
    }

    @GetMapping("/{companyId}/services/{serviceId}")
    ServiceView service(@PathVariable long companyId, @PathVariable long serviceId) {
        return services.service(companyId, serviceId);
    }

    @PostMapping("/{companyId}/services")
    ResponseEntity<ServiceView> createService(@PathVariable long companyId, @RequestBody ServiceRequest request) {
        ServiceView created = services.createService(companyId, request);
        return created(companyId, "services", created.id(), created);
    }

    @PutMapping("/{companyId}/services/{serviceId}")
    ServiceView replaceService(
            @PathVariable long companyId, @PathVariable long serviceId, @RequestBody ServiceRequest request) {
        return services.updateService(companyId, serviceId, request, false);
    }

    @PatchMapping("/{companyId}/services/{serviceId}")
    ServiceView patchService(
            @PathVariable long companyId, @PathVariable long serviceId, @RequestBody ServiceRequest request) {
        return services.updateService(companyId, serviceId, request, true);
    }

    @DeleteMapping("/{companyId}/services/{serviceId}")
    ServiceView deactivateService(@PathVariable long companyId, @PathVariable long serviceId) {
        return services.deactivateService(companyId, serviceId);
    }

    // --- who performs which service ---

    @GetMapping("/{companyId}/services/{serviceId}/staff")
    List<StaffView> staffOfService(@PathVariable long companyId, @PathVariable long serviceId) {
        return serviceStaff.staffOfService(companyId, serviceId);
    }

    @PostMapping("/{companyId}/services/{serviceId}/staff")
    @Operation(summary = "Let a staff member perform the service (201 when new, 200 when already linked)")
    ResponseEntity<List<StaffView>> link(
            @PathVariable long companyId, @PathVariable long serviceId, @RequestBody LinkRequest request) {
        boolean created = serviceStaff.link(companyId, serviceId, request.staffId());
        List<StaffView> staff = serviceStaff.staffOfService(companyId, serviceId);
        return created
                ? ResponseEntity.created(URI.create(AdminConfiguration.API_PREFIX + "/companies/" + companyId
                                + "/services/" + serviceId + "/staff/" + request.staffId()))
                        .body(staff)
                : ResponseEntity.ok(staff);
    }

    @PutMapping("/{companyId}/services/{serviceId}/staff")
    @Operation(summary = "Replace the set of staff who perform the service")
    List<StaffView> replaceStaffOfService(
            @PathVariable long companyId, @PathVariable long serviceId, @RequestBody LinkSetRequest request) {
        return serviceStaff.replaceStaffOfService(companyId, serviceId, request.staffIds());
    }

    @DeleteMapping("/{companyId}/services/{serviceId}/staff/{staffId}")
    @Operation(summary = "Stop a staff member performing the service (the link is removed)")
    List<StaffView> unlink(@PathVariable long companyId, @PathVariable long serviceId, @PathVariable long staffId) {
        serviceStaff.unlink(companyId, serviceId, staffId);
        return serviceStaff.staffOfService(companyId, serviceId);
    }

    @GetMapping("/{companyId}/services/{serviceId}/staff/{staffId}/event-type")
    @Operation(summary = "The staff member's own Cal.com event type for the service (null when none)")
    StaffEventTypeView staffEventType(
            @PathVariable long companyId, @PathVariable long serviceId, @PathVariable long staffId) {
        return serviceStaff.staffEventType(companyId, serviceId, staffId);
    }

    @PutMapping("/{companyId}/services/{serviceId}/staff/{staffId}/event-type")
    @Operation(
            summary = "Set by hand the staff member's own Cal.com event type for the service (where callers "
                    + "asking for them are booked), for when the Cal.com sync can't map it")
    StaffEventTypeView setStaffEventType(
            @PathVariable long companyId,
            @PathVariable long serviceId,
            @PathVariable long staffId,
            @RequestBody StaffEventTypeRequest request) {
        return serviceStaff.setStaffEventType(companyId, serviceId, staffId, request);
    }

    @DeleteMapping("/{companyId}/services/{serviceId}/staff/{staffId}/event-type")
    @Operation(summary = "Forget the staff member's own event type for the service (they can't be asked for by name)")
    StaffEventTypeView clearStaffEventType(
            @PathVariable long companyId, @PathVariable long serviceId, @PathVariable long staffId) {
        return serviceStaff.clearStaffEventType(companyId, serviceId, staffId);
    }

    // --- staff ---

    @GetMapping("/{companyId}/staff")
    List<StaffView> staff(@PathVariable long companyId) {
        return staff.staff(companyId);
    }

    @GetMapping("/{companyId}/staff/{staffId}")
    StaffView staffMember(@PathVariable long companyId, @PathVariable long staffId) {
        return staff.staffMember(companyId, staffId);
    }

    @PostMapping("/{companyId}/staff")
    ResponseEntity<StaffView> createStaff(@PathVariable long companyId, @RequestBody StaffRequest request) {
        StaffView created = staff.createStaff(companyId, request);
        return created(companyId, "staff", created.id(), created);
    }

    @PutMapping("/{companyId}/staff/{staffId}")
    StaffView replaceStaff(
            @PathVariable long companyId, @PathVariable long staffId, @RequestBody StaffRequest request) {
        return staff.updateStaff(companyId, staffId, request, false);
    }

    @PatchMapping("/{companyId}/staff/{staffId}")
    StaffView patchStaff(@PathVariable long companyId, @PathVariable long staffId, @RequestBody StaffRequest request) {
        return staff.updateStaff(companyId, staffId, request, true);
    }

    @DeleteMapping("/{companyId}/staff/{staffId}")
    StaffView deactivateStaff(@PathVariable long companyId, @PathVariable long staffId) {
        return staff.deactivateStaff(companyId, staffId);
    }

    private static <T> ResponseEntity<T> created(long companyId, String collection, long id, T body) {
        return ResponseEntity.created(URI.create(
                        AdminConfiguration.API_PREFIX + "/companies/" + companyId + "/" + collection + "/" + id))
                .body(body);
    }
}
