package io.slotline.tenancy;

import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/**
 * A location of a company; its time zone is the one callers' wall-clock times mean.
 *
 * @param phone where a person answers (E.164): Retell's transfer_call goes there
 */
public record Branch(
        long id,
        long companyId,
        String name,
        ZoneId timeZone,
        @Nullable String address,
        boolean active,
        @Nullable String phone) {}
