package io.slotline.sim.calendar;

import org.jspecify.annotations.Nullable;

/**
 * The owner of a Cal.com API key: one business's user ({@code GET /v2/me}). Its team (when it has one) owns the team
 * event types, and the key's user is the team's owner.
 */
public record Tenant(
        String apiKey,
        long userId,
        String name,
        String username,
        String email,
        @Nullable Long teamId,
        @Nullable String teamSlug,
        String timeZone) {

    public Tenant(
            String apiKey,
            long userId,
            String name,
            String username,
            String email,
            @Nullable Long teamId,
            @Nullable String teamSlug) {
        this(apiKey, userId, name, username, email, teamId, teamSlug, "UTC");
    }
}
