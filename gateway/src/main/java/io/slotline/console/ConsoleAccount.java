package io.slotline.console;

import io.slotline.tenancy.Language;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A console sign-in. The password hash never leaves this package's views.
 *
 * @param companyId the company a {@link AccountRole#COMPANY} account sees; null for operators
 * @param language  the console's language for this account; null: the browser's
 */
public record ConsoleAccount(
        long id,
        String username,
        AccountRole role,
        @Nullable Long companyId,
        @Nullable Language language,
        boolean active,
        @Nullable Instant lastSignInAt,
        Instant createdAt,
        Instant updatedAt) {}
