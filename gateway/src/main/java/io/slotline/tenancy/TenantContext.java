package io.slotline.tenancy;

import org.jspecify.annotations.Nullable;

/**
 * Who a call is for: resolved from the number the caller dialled, or, for web and test calls, from the Retell agent.
 *
 * @param phoneNumber the dialled number; null for a call routed by its agent
 */
public record TenantContext(
        Company company, Branch branch, @Nullable PhoneNumber phoneNumber) {

    public long companyId() {
        return company.id();
    }

    public long branchId() {
        return branch.id();
    }
}
