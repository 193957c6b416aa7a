package io.slotline.admin;

import static io.slotline.admin.Fields.pick;
import static io.slotline.admin.Fields.pickNullable;

import io.slotline.admin.TenantRequests.PhoneNumberRequest;
import io.slotline.admin.TenantViews.PhoneNumberView;
import io.slotline.tenancy.Branch;
import io.slotline.tenancy.PhoneNumber;
import io.slotline.tenancy.TenantDirectory;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The numbers callers dial, each routed to one branch across all tenants (checked whole before writing, as
 * {@link CompanyAdmin} says).
 */
@Component
@Transactional
class PhoneNumberAdmin {

    private final TenantDirectory directory;
    private final CompanyAdmin companies;
    private final BranchAdmin branches;

    PhoneNumberAdmin(TenantDirectory directory, CompanyAdmin companies, BranchAdmin branches) {
        this.directory = directory;
        this.companies = companies;
        this.branches = branches;
    }

    @Transactional(readOnly = true)
    List<PhoneNumberView> phoneNumbers(long companyId) {
        companies.existing(companyId);
        return directory.allPhoneNumbers(companyId).stream()
                .map(PhoneNumberView::of)
                .toList();
    }

    @Transactional(readOnly = true)
    PhoneNumberView phoneNumber(long companyId, long numberId) {
        return PhoneNumberView.of(existing(companyId, numberId));
    }

    PhoneNumberView addPhoneNumber(long companyId, PhoneNumberRequest request) {
        companies.existing(companyId);
        String e164 = Fields.e164("e164", request.e164());
        Branch branch = branches.referenced(companyId, "branchId", request.branchId());
        boolean active = pick(request.active(), true);
        directory.phoneNumber(e164).ifPresent(taken -> {
            throw numberTaken(e164, taken);
        });
        long id = directory.addPhoneNumber(companyId, branch.id(), e164);
        if (!active) {
            directory.updatePhoneNumber(companyId, e164, branch.id(), false);
        }
        return phoneNumber(companyId, id);
    }

    /** The number itself is the identity: to change it, add the new one and deactivate the old one. */
    PhoneNumberView updatePhoneNumber(long companyId, long numberId, PhoneNumberRequest request, boolean partial) {
        PhoneNumber existing = existing(companyId, numberId);
        if (request.e164() != null && !Fields.e164("e164", request.e164()).equals(existing.e164())) {
            throw AdminException.invalid(
                    "e164",
                    "a number can't be renamed: add " + request.e164() + " as a new number and deactivate "
                            + existing.e164());
        }
        Branch branch = branches.referenced(
                companyId, "branchId", pickNullable(request.branchId(), partial ? existing.branchId() : null));
        boolean active = pick(request.active(), !partial || existing.active());
        directory.updatePhoneNumber(companyId, existing.e164(), branch.id(), active);
        return phoneNumber(companyId, numberId);
    }

    PhoneNumberView deactivatePhoneNumber(long companyId, long numberId) {
        PhoneNumber existing = existing(companyId, numberId);
        directory.updatePhoneNumber(companyId, existing.e164(), existing.branchId(), false);
        return phoneNumber(companyId, numberId);
    }

    private AdminException numberTaken(String e164, PhoneNumber taken) {
        String owner = directory
                .companyUncached(taken.companyId())
                .map(c -> "company '" + c.slug() + "'")
                .orElse("company " + taken.companyId());
        return AdminException.conflict(
                "e164",
                e164 + " already belongs to branch " + taken.branchId() + " of " + owner
                        + (taken.active() ? "" : " (inactive)") + "; a number routes to one branch only");
    }

    private PhoneNumber existing(long companyId, long numberId) {
        companies.existing(companyId);
        return directory
                .phoneNumber(companyId, numberId)
                .orElseThrow(() -> AdminException.notFound("phone number " + numberId + " of company " + companyId));
    }
}
