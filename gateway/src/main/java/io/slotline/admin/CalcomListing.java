package io.slotline.admin;

import io.slotline.calcom.CalcomAccount;
import io.slotline.calcom.CalcomApi;
import io.slotline.calcom.CalcomTeam;
import io.slotline.calcom.CalcomUser;
import io.slotline.calcom.EventType;
import io.slotline.calcom.Host;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What Cal.com lists for a company's key, read before any database work: the key's user, their teams (organizations
 * left out), the event types that are services (team event types other than managed parents, and the user's own
 * that are not their per-service event type of one of those) and each host's own event types by lower-case username.
 * The Cal.com sync, the Cal.com check and the webhook subscriptions all work from it.
 *
 * @param teamTypes every event type of those teams, managed parents included
 */
record CalcomListing(
        CalcomUser user,
        List<CalcomTeam> teams,
        List<EventType> teamTypes,
        List<EventType> serviceTypes,
        Map<String, List<EventType>> ownByUsername) {

    List<EventType> ownOf(@Nullable String username) {
        return username == null ? List.of() : ownByUsername.getOrDefault(username.toLowerCase(Locale.ROOT), List.of());
    }

    /** The user's own event type with that id, if Cal.com lists it among theirs. */
    Optional<EventType> ownType(@Nullable String username, long eventTypeId) {
        return byId(ownOf(username), eventTypeId);
    }

    /** A service's event type or, failing that, any team event type with that id. */
    Optional<EventType> listed(long eventTypeId) {
        return byId(serviceTypes, eventTypeId).or(() -> teamType(eventTypeId));
    }

    Optional<EventType> teamType(long eventTypeId) {
        return byId(teamTypes, eventTypeId);
    }

    Optional<EventType> serviceType(long eventTypeId) {
        return byId(serviceTypes, eventTypeId);
    }

    /** The managed team event type a member's child belongs to (the same slug); none for a personal event type. */
    Optional<EventType> managedParentOf(EventType child) {
        return teamTypes.stream()
                .filter(e -> e.isManagedParent() && e.slug().equals(child.slug()))
                .findFirst();
    }

    private static Optional<EventType> byId(List<EventType> types, long eventTypeId) {
        return types.stream().filter(e -> e.id() == eventTypeId).findFirst();
    }

    /** Reads the account whole or fails: a partial listing must not make anything look gone. */
    static CalcomListing discover(CalcomApi calcom, CalcomAccount account) {
        CalcomUser user = calcom.me(account);
        List<CalcomTeam> teams = calcom.teams(account).stream()
                .filter(team -> !team.organization())
                .toList();
        List<EventType> teamTypes = new ArrayList<>();
        for (CalcomTeam team : teams) {
            teamTypes.addAll(calcom.teamEventTypes(account, team.id()));
        }
        List<EventType> own = calcom.eventTypes(account);
        Map<String, List<EventType>> ownByUsername = new LinkedHashMap<>();
        if (user.username() != null) {
            ownByUsername.put(user.username().toLowerCase(Locale.ROOT), own);
        }
        for (EventType teamType : teamTypes) {
            for (Host host : teamType.hosts()) {
                if (host.username() != null) {
                    String username = host.username().toLowerCase(Locale.ROOT);
                    if (!ownByUsername.containsKey(username)) {
                        ownByUsername.put(username, calcom.userEventTypes(account, host.username()));
                    }
                }
            }
        }
        List<EventType> serviceTypes = new ArrayList<>();
        teamTypes.stream().filter(type -> !type.isManagedParent()).forEach(serviceTypes::add);
        for (EventType mine : own) {
            boolean perServiceOfMine = serviceTypes.stream()
                    .anyMatch(service -> service.hosts().stream().anyMatch(h -> h.id() == user.id())
                            && ownEventTypeFor(service, own)
                                    .map(o -> o.id() == mine.id())
                                    .orElse(false));
            if (!perServiceOfMine) {
                serviceTypes.add(mine);
            }
        }
        serviceTypes.sort(Comparator.comparingLong(EventType::id));
        return new CalcomListing(user, teams, List.copyOf(teamTypes), serviceTypes, ownByUsername);
    }

    /**
     * A host's own event type for a service among {@code own} (their managed children and personal event types):
     * the same slug, else a slug that starts with the service's slug and a dash, else the same title. Ambiguity at
     * the deciding rule means none.
     */
    static Optional<EventType> ownEventTypeFor(EventType service, List<EventType> own) {
        List<List<EventType>> byRule = List.of(
                own.stream()
                        .filter(e -> e.id() != service.id() && e.slug().equals(service.slug()))
                        .toList(),
                own.stream()
                        .filter(e -> e.id() != service.id() && e.slug().startsWith(service.slug() + "-"))
                        .toList(),
                own.stream()
                        .filter(e -> e.id() != service.id()
                                && e.title()
                                        .trim()
                                        .equalsIgnoreCase(service.title().trim()))
                        .toList());
        for (List<EventType> found : byRule) {
            if (!found.isEmpty()) {
                return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
            }
        }
        return Optional.empty();
    }
}
