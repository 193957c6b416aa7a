package io.slotline.tenancy;

import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

public record BranchSpec(
        String name,
        ZoneId timeZone,
        @Nullable String address,
        boolean active,
        @Nullable String phone) {

    public BranchSpec {
        TenancyValidation.requireText(name, "branch name", 200);
        TenancyValidation.requireNonNull(timeZone, "branch timeZone");
        if (address != null && address.length() > 500) {
            throw new IllegalArgumentException("branch address is longer than 500 characters");
        }
        if (phone != null) {
            TenancyValidation.requireE164(phone);
        }
    }

    static BranchSpec of(Branch branch) {
        return new BranchSpec(branch.name(), branch.timeZone(), branch.address(), branch.active(), branch.phone());
    }
}
