package io.slotline.tenancy;

import org.jspecify.annotations.Nullable;

/** A person whose Cal.com calendar takes bookings; names are unique within a company (callers ask by name). */
public record Staff(
        long id,
        long companyId,
        long branchId,
        String name,
        @Nullable String calcomUsername,
        @Nullable Long calcomUserId,
        boolean active) {}
