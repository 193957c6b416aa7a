package io.slotline.sim.api;

import io.slotline.sim.calendar.EventType;
import io.slotline.sim.calendar.Ids;
import io.slotline.sim.calendar.Scheduler;
import io.slotline.sim.calendar.Tenant;
import io.slotline.sim.web.ApiError;
import io.slotline.sim.web.ApiRequest;
import io.slotline.sim.web.Envelopes;
import io.slotline.sim.web.Json;
import io.slotline.sim.web.Reply;
import io.slotline.sim.webhook.WebhookSubscription;
import io.slotline.sim.webhook.WebhookSubscriptions;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Webhook subscriptions at Cal.com's levels: {@code /v2/webhooks} (the key's user,
 * apps/api/v2/src/modules/webhooks/controllers/webhooks.controller.ts), {@code /v2/event-types/{id}/webhooks} (one
 * of the user's own event types, IsUserEventTypeWebhookGuard) and
 * {@code /v2/teams/{teamId}/event-types/{eventTypeId}/webhooks} (a team event type, TEAM_ADMIN:
 * apps/api/v2/src/modules/teams/event-types/controllers/teams-event-types-webhooks.controller.ts and
 * apps/api/v2/src/modules/webhooks/guards/is-team-event-type-webhook-guard.ts).
 */
public final class WebhooksApi {

    private final WebhookSubscriptions subscriptions;
    private final Ids ids;
    private final Clock clock;
    private @Nullable Scheduler scheduler;

    public WebhooksApi(WebhookSubscriptions subscriptions, Ids ids, Clock clock) {
        this.subscriptions = subscriptions;
        this.ids = ids;
        this.clock = clock;
    }

    /** The event type routes need the calendar to check that the event type is the caller's. */
    public WebhooksApi withScheduler(Scheduler calendar) {
        this.scheduler = calendar;
        return this;
    }

    Reply createForEventType(ApiRequest request) {
        EventType eventType = ownedEventType(request);
        return Reply.json(
                201, Envelopes.success(subscribe(request.jsonObjectBody(), request.caller(), eventType.id())));
    }

    Reply listForEventType(ApiRequest request) {
        EventType eventType = ownedEventType(request);
        ArrayNode data = Json.array();
        subscriptions.all().stream()
                .filter(s -> s.eventTypeId() != null && s.eventTypeId() == eventType.id())
                .forEach(s -> data.add(render(s)));
        return Reply.json(200, Envelopes.success(data));
    }

    Reply deleteForEventType(ApiRequest request) {
        EventType eventType = ownedEventType(request);
        String id = request.pathVariable("webhookId");
        WebhookSubscription subscription = subscriptions
                .get(id)
                .filter(s -> s.eventTypeId() != null && s.eventTypeId() == eventType.id())
                .orElseThrow(() -> ApiError.notFound("Webhook with id " + id + " not found"));
        subscriptions.remove(id);
        return Reply.json(200, Envelopes.success(render(subscription)));
    }

    /**
     * The team route's guard: the caller administers the team and the event type is the team's; the user route's:
     * the event type is the caller's own (a managed child included).
     */
    private EventType ownedEventType(ApiRequest request) {
        Tenant caller = request.caller();
        if (caller == null || scheduler == null) {
            throw ApiError.unauthorized("ApiAuthStrategy - No authentication method provided.");
        }
        String raw = request.pathVariable("eventTypeId");
        EventType eventType = EventTypesApi.parseId(raw)
                .flatMap(scheduler::eventType)
                .orElseThrow(() -> ApiError.notFound("Event type with id " + raw + " not found"));
        if (request.path().startsWith("/v2/teams/")) {
            String team = request.pathVariable("teamId");
            if (caller.teamId() == null || !team.equals(caller.teamId().toString())) {
                throw new ApiError(
                        403,
                        "RolesGuard - user with id=" + caller.userId() + " is not part of the team with id=" + team
                                + ".");
            }
            if (!caller.teamId().equals(eventType.teamId())) {
                throw new ApiError(
                        403, "Event type with id=" + eventType.id() + " does not belong to team with id=" + team);
            }
        } else if (eventType.ownerUserId() == null || eventType.ownerUserId() != caller.userId()) {
            throw new ApiError(
                    403,
                    "Event type with id=" + eventType.id() + " does not belong to user with id=" + caller.userId());
        }
        return eventType;
    }

    Reply create(ApiRequest request) {
        // the route requires authentication: the caller is the owner (the nullable overload, same subscription)
        return Reply.json(201, Envelopes.success(subscribe(request.jsonObjectBody(), request.caller(), null)));
    }

    Reply list(ApiRequest request) {
        ArrayNode data = Json.array();
        Tenant caller = request.caller();
        subscriptions.ownedBy(caller == null ? null : caller.apiKey()).stream()
                .filter(s -> s.eventTypeId() == null)
                .forEach(s -> data.add(render(s)));
        return Reply.json(200, Envelopes.success(data));
    }

    Reply get(ApiRequest request) {
        return Reply.json(200, Envelopes.success(render(owned(request))));
    }

    Reply delete(ApiRequest request) {
        WebhookSubscription subscription = owned(request);
        subscriptions.remove(subscription.id());
        return Reply.json(200, Envelopes.success(render(subscription)));
    }

    private WebhookSubscription owned(ApiRequest request) {
        String id = request.pathVariable("id");
        Tenant caller = request.caller();
        return subscriptions
                .get(id)
                .filter(s -> caller != null && caller.apiKey().equals(s.ownerKey()))
                .orElseThrow(() -> ApiError.notFound("Webhook with id " + id + " not found"));
    }

    /** A user webhook of {@code owner} ({@code POST /v2/webhooks}). */
    public ObjectNode subscribe(ObjectNode body, Tenant owner) {
        return subscribe(body, owner, null, false);
    }

    /**
     * The control API's subscription, not one of Cal.com's levels: every booking of {@code owner}'s event types
     * (team and members' included), or of every tenant when {@code owner} is null.
     */
    public ObjectNode subscribeTenantWide(ObjectNode body, @Nullable Tenant owner) {
        return subscribe(body, owner, null, true);
    }

    ObjectNode subscribe(ObjectNode body, @Nullable Tenant owner, @Nullable Long eventTypeId) {
        return subscribe(body, owner, eventTypeId, false);
    }

    private ObjectNode subscribe(
            ObjectNode body, @Nullable Tenant owner, @Nullable Long eventTypeId, boolean tenantWide) {
        PipeErrors errors = new PipeErrors();
        JsonNode url = body.get("subscriberUrl");
        if (url == null || !url.isString() || !isHttpUrl(url.stringValue())) {
            errors.add("subscriberUrl", "isUrl", "subscriberUrl must be a URL address");
        }
        List<String> triggers = new ArrayList<>();
        JsonNode given = body.get("triggers");
        if (Values.present(given)) {
            boolean valid = given.isArray();
            if (valid) {
                for (JsonNode trigger : given) {
                    if (!trigger.isString() || !WebhookSubscription.TRIGGERS.contains(trigger.stringValue())) {
                        valid = false;
                    } else {
                        triggers.add(trigger.stringValue());
                    }
                }
            }
            if (!valid) {
                errors.add(
                        "triggers",
                        "isEnum",
                        "each value in triggers must be one of the following values: "
                                + String.join(", ", WebhookSubscription.TRIGGERS));
            }
        } else {
            triggers.addAll(List.of("BOOKING_CREATED", "BOOKING_RESCHEDULED", "BOOKING_CANCELLED"));
        }
        JsonNode active = body.get("active");
        if (Values.present(active) && !active.isBoolean()) {
            errors.add("active", "isBoolean", "active must be a boolean value");
        }
        for (String name : List.of("secret", "payloadTemplate", "version")) {
            if (Values.present(body.get(name)) && !body.get(name).isString()) {
                errors.add(name, "isString", name + " must be a string");
            }
        }
        errors.throwIfAny();
        String secret = Values.present(body.get("secret")) ? body.get("secret").stringValue() : null;
        String template = Values.present(body.get("payloadTemplate"))
                ? body.get("payloadTemplate").stringValue()
                : null;
        WebhookSubscription subscription = new WebhookSubscription(
                ids.uuid(),
                owner == null ? null : owner.apiKey(),
                owner == null || tenantWide ? null : owner.userId(),
                url.stringValue(),
                triggers,
                !Values.present(active) || active.asBoolean(),
                secret,
                template,
                clock.instant(),
                eventTypeId);
        subscriptions.add(subscription);
        return render(subscription);
    }

    public static ObjectNode render(WebhookSubscription subscription) {
        ObjectNode json = Json.object();
        json.put("id", subscription.id());
        if (subscription.userId() == null) {
            json.putNull("userId");
        } else {
            json.put("userId", subscription.userId());
        }
        json.put("subscriberUrl", subscription.subscriberUrl());
        ArrayNode triggers = json.putArray("triggers");
        subscription.triggers().forEach(triggers::add);
        if (subscription.eventTypeId() != null) {
            json.put("eventTypeId", subscription.eventTypeId());
        }
        json.put("active", subscription.active());
        if (subscription.payloadTemplate() == null) {
            json.putNull("payloadTemplate");
        } else {
            json.put("payloadTemplate", subscription.payloadTemplate());
        }
        if (subscription.secret() == null) {
            json.putNull("secret");
        } else {
            json.put("secret", subscription.secret());
        }
        return json;
    }

    private static boolean isHttpUrl(String text) {
        try {
            URI uri = URI.create(text);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
