package io.slotline.tenancy;

import java.time.ZoneId;

/** A tenant. Its API keys are not part of this record on purpose: ask {@link TenantDirectory} for them. */
public record Company(
        long id,
        String slug,
        String name,
        Language language,
        ZoneId defaultTimeZone,
        Policies policies,
        int bookingWindowDays,
        boolean active) {}
