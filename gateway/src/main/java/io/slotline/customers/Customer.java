package io.slotline.customers;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A caller known to one company, identified there by phone number. */
public record Customer(
        long id,
        long companyId,
        @Nullable String name,
        @Nullable String phone,
        @Nullable String email,
        Instant createdAt,
        Instant updatedAt) {}
