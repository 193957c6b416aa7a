package io.slotline.sim.api;

import java.util.List;

import io.slotline.sim.calendar.EventType;
import io.slotline.sim.calendar.Host;
import io.slotline.sim.calendar.Scheduler;
import io.slotline.sim.calendar.Tenant;
import io.slotline.sim.web.ApiError;
import io.slotline.sim.web.ApiRequest;
import io.slotline.sim.web.Envelopes;
import io.slotline.sim.web.Json;
import io.slotline.sim.web.Reply;
import tools.jackson.databind.node.ArrayNode;

/** {@code /v2/event-types} of cal-api-version 2024-06-14: the calling key's own event types, hidden included. */
final class EventTypesApi {

    private final Scheduler scheduler;

    EventTypesApi(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    Reply list(ApiRequest request) {
        Tenant caller = caller(request);
        String username = request.query("username");
        String slug = request.query("eventSlug");
        ArrayNode data = Json.array();
        for (EventType eventType : scheduler.eventTypesOwnedBy(caller.apiKey())) {
            List<Host> hosts = scheduler.hosts(eventType);
            if (username != null && hosts.stream().noneMatch(h -> h.username().equals(username))) {
                continue;
            }
            if (slug != null && !eventType.slug().equals(slug)) {
                continue;
            }
            data.add(EventTypeJson.eventType(eventType, hosts));
        }
        if (data.isEmpty()) {
            throw ApiError.notFound("Event types not found");
        }
        return Reply.json(200, Envelopes.success(data));
    }

    Reply get(ApiRequest request) {
        Tenant caller = caller(request);
        String raw = request.pathVariable("id");
        EventType eventType = parseId(raw)
                .flatMap(scheduler::eventType)
                .filter(e -> e.ownerKey().equals(caller.apiKey()))
                .orElseThrow(() -> ApiError.notFound("Event type with id " + raw + " not found"));
        return Reply.json(200, Envelopes.success(EventTypeJson.eventType(eventType, scheduler.hosts(eventType))));
    }

    private static java.util.Optional<Long> parseId(String raw) {
        try {
            return java.util.Optional.of(Long.parseLong(raw));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    private static Tenant caller(ApiRequest request) {
        Tenant caller = request.caller();
        if (caller == null) {
            throw new IllegalStateException("event types are an authenticated route");
        }
        return caller;
    }
}
