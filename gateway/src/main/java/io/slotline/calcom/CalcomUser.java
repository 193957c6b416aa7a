package io.slotline.calcom;

import org.jspecify.annotations.Nullable;

/** The user an API key belongs to ({@code GET /v2/me}); {@code organizationId} is null outside an organisation. */
public record CalcomUser(
        long id,
        @Nullable String username,
        @Nullable String email,
        @Nullable String name,
        @Nullable String timeZone,
        @Nullable Long organizationId) {}
