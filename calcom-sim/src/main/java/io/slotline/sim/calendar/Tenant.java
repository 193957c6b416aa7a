package io.slotline.sim.calendar;

import org.jspecify.annotations.Nullable;

/**
 * The owner of a Cal.com API key: one business. Its team (when it has one) owns the team event types.
 */
public record Tenant(String apiKey, long userId, String name, String username, String email,
        @Nullable Long teamId, @Nullable String teamSlug) {
}
