package io.slotline.tenancy;

/** Who a call is for, resolved from the number the caller dialled. */
public record TenantContext(Company company, Branch branch, PhoneNumber phoneNumber) {

    public long companyId() {
        return company.id();
    }

    public long branchId() {
        return branch.id();
    }
}
