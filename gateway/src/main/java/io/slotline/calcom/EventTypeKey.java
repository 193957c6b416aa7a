package io.slotline.calcom;

import org.jspecify.annotations.Nullable;

/**
 * Where Cal.com lets the company's key read one event type: a team event type under its team
 * ({@code /v2/teams/{teamId}/event-types/{id}}), a staff member's own event type (a managed child or a personal
 * event type, not the key user's) by its owner's username and slug ({@code /v2/event-types?username=&eventSlug=}),
 * otherwise as the key user's own ({@code /v2/event-types/{id}}, which finds only those).
 */
public record EventTypeKey(
        long id,
        @Nullable Long teamId,
        @Nullable String ownerUsername,
        @Nullable String slug) {

    public static EventTypeKey own(long id) {
        return new EventTypeKey(id, null, null, null);
    }

    public static EventTypeKey team(long teamId, long id) {
        return new EventTypeKey(id, teamId, null, null);
    }

    public static EventTypeKey member(String username, String slug, long id) {
        return new EventTypeKey(id, null, username, slug);
    }
}
