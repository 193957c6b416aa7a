package io.slotline.admin;

import static io.slotline.admin.Fields.pick;
import static io.slotline.admin.Fields.pickNullable;

import io.slotline.admin.TenantRequests.BranchRequest;
import io.slotline.admin.TenantViews.BranchView;
import io.slotline.tenancy.Branch;
import io.slotline.tenancy.BranchSpec;
import io.slotline.tenancy.Company;
import io.slotline.tenancy.TenantDirectory;
import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A company's branches for the admin API (checked whole before writing, as {@link CompanyAdmin} says). */
@Component
@Transactional
class BranchAdmin {

    private final TenantDirectory directory;
    private final CompanyAdmin companies;

    BranchAdmin(TenantDirectory directory, CompanyAdmin companies) {
        this.directory = directory;
        this.companies = companies;
    }

    @Transactional(readOnly = true)
    List<BranchView> branches(long companyId) {
        companies.existing(companyId);
        return directory.allBranches(companyId).stream().map(BranchView::of).toList();
    }

    @Transactional(readOnly = true)
    BranchView branch(long companyId, long branchId) {
        return BranchView.of(existing(companyId, branchId));
    }

    BranchView createBranch(long companyId, BranchRequest request) {
        Company company = companies.existing(companyId);
        BranchSpec spec = branchSpec(request, null, company);
        requireFreeName(companyId, spec.name(), null);
        return branch(companyId, directory.createBranch(companyId, spec));
    }

    BranchView updateBranch(long companyId, long branchId, BranchRequest request, boolean partial) {
        Company company = companies.existing(companyId);
        Branch existing = existing(companyId, branchId);
        BranchSpec spec = branchSpec(request, partial ? existing : null, company);
        requireFreeName(companyId, spec.name(), branchId);
        directory.updateBranch(companyId, branchId, spec);
        return branch(companyId, branchId);
    }

    BranchView deactivateBranch(long companyId, long branchId) {
        Branch b = existing(companyId, branchId);
        directory.updateBranch(
                companyId, branchId, new BranchSpec(b.name(), b.timeZone(), b.address(), false, b.phone()));
        return branch(companyId, branchId);
    }

    /** A branch named in a request body: unknown is the body's fault (400), not a missing resource (404). */
    Branch referenced(long companyId, String field, @Nullable Long branchId) {
        long id = Fields.positive(field, branchId);
        return directory
                .branchUncached(companyId, id)
                .orElseThrow(() -> AdminException.invalid(field, "company " + companyId + " has no branch " + id));
    }

    private static BranchSpec branchSpec(BranchRequest r, @Nullable Branch base, Company company) {
        String name = Fields.text("name", pickNullable(r.name(), base == null ? null : base.name()), 200);
        ZoneId zone = Fields.zone(
                "timeZone", pick(r.timeZone(), (base == null ? company.defaultTimeZone() : base.timeZone()).getId()));
        String address =
                Fields.optionalText("address", pickNullable(r.address(), base == null ? null : base.address()), 500);
        boolean active = pick(r.active(), base == null || base.active());
        String phone = pickNullable(r.phone(), base == null ? null : base.phone());
        return new BranchSpec(name, zone, address, active, phone == null ? null : Fields.e164("phone", phone));
    }

    private void requireFreeName(long companyId, String name, @Nullable Long branchId) {
        directory
                .branchByName(companyId, name)
                .filter(b -> branchId == null || b.id() != branchId)
                .ifPresent(b -> {
                    throw AdminException.conflict("name", "branch '" + name + "' already exists (id " + b.id() + ")");
                });
    }

    private Branch existing(long companyId, long branchId) {
        companies.existing(companyId);
        return directory
                .branchUncached(companyId, branchId)
                .orElseThrow(() -> AdminException.notFound("branch " + branchId + " of company " + companyId));
    }
}
