package io.slotline.sim.api;

import io.slotline.sim.calendar.EventType;
import io.slotline.sim.calendar.Scheduler;
import io.slotline.sim.calendar.Tenant;
import io.slotline.sim.web.ApiError;
import io.slotline.sim.web.ApiRequest;
import io.slotline.sim.web.Envelopes;
import io.slotline.sim.web.Json;
import io.slotline.sim.web.Reply;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.node.ArrayNode;

/**
 * {@code /v2/event-types} of cal-api-version 2024-06-14, routed as Cal.com's controller does
 * (apps/api/v2/src/ee/event-types/event-types_2024_06_14/controllers/event-types.controller.ts):
 * {@code username} + {@code eventSlug} gives that user's event type with that slug, {@code username} that user's
 * event types, otherwise the key's user's own ({@code where: {userId}}). Team event types never appear here (they
 * are under {@code /v2/teams/{teamId}/event-types}); managed children do, as their member's own. Nothing found is
 * {@code 200 []}.
 */
final class EventTypesApi {

    private final Scheduler scheduler;

    EventTypesApi(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    Reply list(ApiRequest request) {
        Tenant caller = caller(request);
        String username = request.query("username");
        String slug = request.query("eventSlug");
        List<EventType> found;
        if (username != null) {
            found = scheduler
                    .userIdByUsername(username)
                    .map(scheduler::eventTypesOfUser)
                    .orElse(List.of());
            if (slug != null) {
                found = found.stream().filter(e -> e.slug().equals(slug)).toList();
            }
        } else {
            found = scheduler.eventTypesOfUser(caller.userId());
        }
        ArrayNode data = Json.array();
        found.forEach(e -> data.add(EventTypeJson.eventType(e, scheduler.hosts(e))));
        return Reply.json(200, Envelopes.success(data));
    }

    /** getUserEventType(userId, id) finds only the key user's own event type: a team event type is 404 here. */
    Reply get(ApiRequest request) {
        Tenant caller = caller(request);
        String raw = request.pathVariable("id");
        EventType eventType = parseId(raw)
                .flatMap(scheduler::eventType)
                .filter(e -> e.ownerUserId() != null && e.ownerUserId() == caller.userId())
                .orElseThrow(() -> ApiError.notFound("Event type with id " + raw + " not found"));
        return Reply.json(200, Envelopes.success(EventTypeJson.eventType(eventType, scheduler.hosts(eventType))));
    }

    static Optional<Long> parseId(String raw) {
        try {
            return Optional.of(Long.parseLong(raw));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static Tenant caller(ApiRequest request) {
        Tenant caller = request.caller();
        if (caller == null) {
            throw new IllegalStateException("an authenticated route");
        }
        return caller;
    }
}
