package io.slotline.sim.api;

import io.slotline.sim.calendar.EventType;
import io.slotline.sim.calendar.Host;
import io.slotline.sim.calendar.Scheduler;
import io.slotline.sim.calendar.Tenant;
import io.slotline.sim.web.ApiError;
import io.slotline.sim.web.ApiRequest;
import io.slotline.sim.web.Envelopes;
import io.slotline.sim.web.Json;
import io.slotline.sim.web.Reply;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The key's user and their team: {@code /v2/me}, {@code /v2/teams}, a team's event types and memberships. A
 * simulated tenant has at most one team, which its key's user owns; the team's members are that owner and the hosts
 * of its event types (simplified: Cal.com keeps Membership rows, pending invitations included).
 */
final class TeamsApi {

    private final Scheduler scheduler;

    TeamsApi(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** apps/api/v2/src/ee/me/me.controller.ts, outputs/me.output.ts. */
    Reply me(ApiRequest request) {
        Tenant caller = EventTypesApi.caller(request);
        ObjectNode me = Json.object();
        me.put("id", caller.userId());
        me.put("username", caller.username());
        me.put("email", caller.email());
        me.put("name", caller.name());
        me.put("timeFormat", 24);
        me.putNull("defaultScheduleId");
        me.put("weekStart", "Monday");
        me.put("timeZone", caller.timeZone());
        me.putNull("organizationId");
        me.putNull("organization");
        return Reply.json(200, Envelopes.success(me));
    }

    /** apps/api/v2/src/modules/teams/teams/controllers/teams.controller.ts: teams with a membership of the user. */
    Reply teams(ApiRequest request) {
        Tenant caller = EventTypesApi.caller(request);
        ArrayNode data = Json.array();
        if (caller.teamId() != null) {
            data.add(team(caller));
        }
        return Reply.json(200, Envelopes.success(data));
    }

    Reply team(ApiRequest request) {
        return Reply.json(200, Envelopes.success(team(memberTeam(request))));
    }

    /**
     * apps/api/v2/src/modules/teams/event-types/controllers/teams-event-types.controller.ts: round robin,
     * collective and managed parents ({@code findMany({teamId})}), never the children; optional {@code eventSlug}.
     * The route has no auth guard in the version read.
     */
    Reply eventTypes(ApiRequest request) {
        long teamId = teamId(request);
        Tenant owner = scheduler
                .teamOwner(teamId)
                .orElseThrow(() -> ApiError.notFound("Team with id=" + teamId + " not found"));
        String slug = request.query("eventSlug");
        ArrayNode data = Json.array();
        for (EventType eventType : scheduler.eventTypesOfTeam(teamId)) {
            if (slug == null || slug.equals(eventType.slug())) {
                data.add(EventTypeJson.eventType(eventType, scheduler.hosts(eventType), owner));
            }
        }
        return Reply.json(200, Envelopes.success(data));
    }

    /** Needs TEAM_ADMIN. */
    Reply eventType(ApiRequest request) {
        Tenant team = adminTeam(request);
        String raw = request.pathVariable("eventTypeId");
        EventType eventType = EventTypesApi.parseId(raw)
                .flatMap(scheduler::eventType)
                .filter(e -> Objects.equals(team.teamId(), e.teamId())) // adminTeam's caller has a teamId
                .orElseThrow(() -> ApiError.notFound("Event type with id " + raw + " not found"));
        return Reply.json(200, Envelopes.success(EventTypeJson.eventType(eventType, scheduler.hosts(eventType), team)));
    }

    /** .../teams/memberships/controllers/teams-memberships.controller.ts; needs TEAM_ADMIN. */
    Reply memberships(ApiRequest request) {
        Tenant team = adminTeam(request);
        ArrayNode data = Json.array();
        long id = 1;
        long teamId = Objects.requireNonNull(team.teamId()); // adminTeam's caller has a teamId
        data.add(membership(id++, teamId, team.userId(), "OWNER", team.name(), team.username(), team.email()));
        for (Host member : members(teamId).values()) {
            if (member.id() != team.userId()) {
                data.add(membership(
                        id++, team.teamId(), member.id(), "MEMBER", member.name(), member.username(), member.email()));
            }
        }
        return Reply.json(200, Envelopes.success(data));
    }

    private Map<Long, Host> members(long teamId) {
        Map<Long, Host> members = new LinkedHashMap<>();
        for (EventType eventType : scheduler.eventTypesOfTeam(teamId)) {
            scheduler.hosts(eventType).forEach(h -> members.putIfAbsent(h.id(), h));
        }
        return members;
    }

    private static ObjectNode membership(
            long id, long teamId, long userId, String role, String name, String username, String email) {
        ObjectNode json = Json.object();
        json.put("id", teamId * 1000 + id);
        json.put("userId", userId);
        json.put("teamId", teamId);
        json.put("accepted", true);
        json.put("role", role);
        json.put("disableImpersonation", false);
        ObjectNode user = json.putObject("user");
        user.putNull("avatarUrl");
        user.put("username", username);
        user.put("name", name);
        user.put("email", email);
        user.putNull("bio");
        user.putObject("metadata");
        return json;
    }

    private static ObjectNode team(Tenant owner) {
        ObjectNode json = Json.object();
        json.put("id", owner.teamId());
        json.put("name", owner.name());
        json.put("slug", owner.teamSlug());
        json.putNull("parentId");
        json.put("isOrganization", false);
        json.put("timeZone", owner.timeZone());
        json.put("weekStart", "Monday");
        json.put("hideBranding", false);
        json.put("isPrivate", false);
        return json;
    }

    private static long teamId(ApiRequest request) {
        String raw = request.pathVariable("teamId");
        return EventTypesApi.parseId(raw)
                .orElseThrow(() -> ApiError.badRequest("Validation failed (numeric string is expected)"));
    }

    /** The caller's own team, or 403 as Cal.com's RolesGuard answers a non-member. */
    private Tenant memberTeam(ApiRequest request) {
        return adminTeam(request);
    }

    private Tenant adminTeam(ApiRequest request) {
        Tenant caller = EventTypesApi.caller(request);
        long teamId = teamId(request);
        if (caller.teamId() == null || caller.teamId() != teamId) {
            throw new ApiError(
                    403,
                    "RolesGuard - user with id=" + caller.userId() + " is not part of the team with id=" + teamId
                            + ".");
        }
        return caller;
    }

    static @Nullable Tenant ownerOf(Scheduler scheduler, @Nullable Long teamId) {
        return teamId == null ? null : scheduler.teamOwner(teamId).orElse(null);
    }
}
