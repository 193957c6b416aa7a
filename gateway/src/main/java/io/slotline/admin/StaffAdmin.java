package io.slotline.admin;

import static io.slotline.admin.Fields.pick;
import static io.slotline.admin.Fields.pickNullable;

import io.slotline.admin.TenantRequests.StaffRequest;
import io.slotline.admin.TenantViews.StaffView;
import io.slotline.tenancy.Branch;
import io.slotline.tenancy.Staff;
import io.slotline.tenancy.StaffSpec;
import io.slotline.tenancy.TenantDirectory;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A company's staff for the admin API (checked whole before writing, as {@link CompanyAdmin} says). */
@Component
@Transactional
class StaffAdmin {

    private final TenantDirectory directory;
    private final CompanyAdmin companies;
    private final BranchAdmin branches;

    StaffAdmin(TenantDirectory directory, CompanyAdmin companies, BranchAdmin branches) {
        this.directory = directory;
        this.companies = companies;
        this.branches = branches;
    }

    @Transactional(readOnly = true)
    List<StaffView> staff(long companyId) {
        companies.existing(companyId);
        return directory.allStaff(companyId).stream().map(StaffView::of).toList();
    }

    @Transactional(readOnly = true)
    StaffView staffMember(long companyId, long staffId) {
        return StaffView.of(existing(companyId, staffId));
    }

    StaffView createStaff(long companyId, StaffRequest request) {
        companies.existing(companyId);
        StaffSpec spec = staffSpec(companyId, request, null);
        requireFreeName(companyId, spec.name(), null);
        return staffMember(companyId, directory.createStaff(companyId, spec));
    }

    StaffView updateStaff(long companyId, long staffId, StaffRequest request, boolean partial) {
        Staff existing = existing(companyId, staffId);
        StaffSpec spec = staffSpec(companyId, request, partial ? existing : null);
        requireFreeName(companyId, spec.name(), staffId);
        directory.updateStaff(companyId, staffId, spec);
        return staffMember(companyId, staffId);
    }

    StaffView deactivateStaff(long companyId, long staffId) {
        Staff s = existing(companyId, staffId);
        directory.updateStaff(
                companyId, staffId, new StaffSpec(s.branchId(), s.name(), s.calcomUsername(), s.calcomUserId(), false));
        return staffMember(companyId, staffId);
    }

    /** The staff member of a request's path (404 when the company or the staff member is unknown). */
    Staff existing(long companyId, long staffId) {
        companies.existing(companyId);
        return directory
                .staffMemberUncached(companyId, staffId)
                .orElseThrow(() -> AdminException.notFound("staff member " + staffId + " of company " + companyId));
    }

    /**
     * Staff ids named in a request body, without repeats, in the order given. Null stays null ("not given"); every
     * id must be a staff member of this company (400 naming the first that is not).
     */
    @Nullable List<Long> referenced(long companyId, String field, @Nullable List<Long> ids) {
        if (ids == null) {
            return null;
        }
        Set<Long> known = directory.existingStaffIds(
                companyId, ids.stream().filter(id -> id != null).toList());
        Set<Long> unique = new LinkedHashSet<>();
        for (Long id : ids) {
            if (id == null || !known.contains(id)) {
                throw AdminException.invalid(field, "company " + companyId + " has no staff member " + id);
            }
            unique.add(id);
        }
        return List.copyOf(unique);
    }

    private StaffSpec staffSpec(long companyId, StaffRequest r, @Nullable Staff base) {
        Branch branch = branches.referenced(
                companyId, "branchId", pickNullable(r.branchId(), base == null ? null : base.branchId()));
        String name = Fields.text("name", pickNullable(r.name(), base == null ? null : base.name()), 200);
        String username = Fields.optionalText(
                "calcomUsername", pickNullable(r.calcomUsername(), base == null ? null : base.calcomUsername()), 200);
        Long userId = pickNullable(r.calcomUserId(), base == null ? null : base.calcomUserId());
        if (userId != null) {
            Fields.positive("calcomUserId", userId);
        }
        boolean active = pick(r.active(), base == null || base.active());
        return new StaffSpec(branch.id(), name, username, userId, active);
    }

    private void requireFreeName(long companyId, String name, @Nullable Long staffId) {
        directory
                .staffMemberByName(companyId, name)
                .filter(s -> staffId == null || s.id() != staffId)
                .ifPresent(s -> {
                    throw AdminException.conflict(
                            "name",
                            "staff member '" + name + "' already exists (id " + s.id()
                                    + "); callers ask for staff by name");
                });
    }
}
