package io.slotline.tenancy;

import org.jspecify.annotations.Nullable;

public record StaffSpec(
        long branchId,
        String name,
        @Nullable String calcomUsername,
        @Nullable Long calcomUserId,
        boolean active) {

    public StaffSpec {
        TenancyValidation.requireText(name, "staff name", 200);
    }

    static StaffSpec of(Staff staff) {
        return new StaffSpec(
                staff.branchId(), staff.name(), staff.calcomUsername(), staff.calcomUserId(), staff.active());
    }
}
