package io.slotline.admin;

import io.slotline.calcom.CalcomAccount;
import io.slotline.calcom.CalcomApi;
import io.slotline.calcom.EventType;
import io.slotline.calcom.Host;
import io.slotline.tenancy.Company;
import io.slotline.tenancy.Service;
import io.slotline.tenancy.ServiceSpec;
import io.slotline.tenancy.Staff;
import io.slotline.tenancy.StaffEventType;
import io.slotline.tenancy.TenantDirectory;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings a company's services in line with its Cal.com account as Cal.com lists it: the key's user
 * ({@code /v2/me}), their teams ({@code /v2/teams}), each team's event types ({@code /v2/teams/{id}/event-types}:
 * round robin, collective and managed parents) and each member's own event types ({@code /v2/event-types?username=}:
 * managed children and personal event types). {@code GET /v2/event-types} alone lists only the key user's own.
 * <p>
 * A round-robin or collective team event type is a service for any of its hosts; so is an event type of the key's
 * user that is not one of their per-service event types. A service is matched by event type id, else by title; it
 * gets the event type's id, slug, team and length (name, synonyms and price stay the operator's). Each host who is
 * known staff (Cal.com user id or username) is linked, with their own event type for the service: among their own
 * event types the one with the service's slug, else one whose slug starts with it (e.g. a managed type
 * {@code herrenhaarschnitt-stylist}), else the one with the service's title. Nothing is deleted or unlinked: a
 * service whose event type Cal.com no longer lists is reported orphaned, and a staff member's own event type that is
 * gone from their list is cleared (they can't be booked by name until they have one again).
 */
@Component
class CalcomSync {

    private final TenantDirectory directory;
    private final CalcomApi calcom;
    private final TransactionTemplate transactions;
    private final CalcomStepSync steps;

    CalcomSync(TenantDirectory directory, CalcomApi calcom, TransactionTemplate transactions) {
        this.directory = directory;
        this.calcom = calcom;
        this.transactions = transactions;
        this.steps = new CalcomStepSync(directory);
    }

    enum Action {
        CREATE,
        UPDATE,
        UNCHANGED,
        SKIP,
        ORPHANED
    }

    /**
     * @param staffLinked   staff newly linked because they host the event type
     * @param staffCalendars each linked host's own event type, as "Anna: 1111" (or why there is none)
     * @param warnings      what the phone flow can't do with the event type (e.g. seats), for the operator
     */
    @Schema(name = "CalcomSyncItem")
    record Item(
            Action action,
            @Nullable Long serviceId,
            String serviceName,
            @Nullable Long eventTypeId,
            @Nullable String eventTypeSlug,
            List<String> changes,
            List<String> staffLinked,
            List<String> staffCalendars,
            @Nullable String reason,
            List<String> warnings) {}

    /** What voice booking can't handle in an event type, said so the operator knows what to change. */
    static List<String> warnings(EventType eventType) {
        List<String> warnings = new ArrayList<>();
        if (eventType.isSeated()) {
            warnings.add(seatedWarning(eventType));
        }
        return warnings;
    }

    static String seatedWarning(EventType eventType) {
        return "event type " + eventType.id() + " is seated (" + eventType.seatsPerTimeSlot() + " seats per time "
                + "slot): Cal.com puts several callers into one booking, which phone booking can't book or cancel "
                + "seat by seat, so Slotline does not book it by phone";
    }

    /** @param webhooks the subscriptions checked again after a sync that created services (null otherwise) */
    @Schema(name = "CalcomSyncReport")
    record Report(
            long companyId,
            boolean dryRun,
            @Nullable String calcomUser,
            List<String> teams,
            int eventTypes,
            int created,
            int updated,
            int unchanged,
            int skipped,
            int orphaned,
            int staffLinked,
            List<Item> items,
            CalcomWebhooks.@Nullable Report webhooks) {

        Report withWebhooks(CalcomWebhooks.@Nullable Report checked) {
            return new Report(
                    companyId,
                    dryRun,
                    calcomUser,
                    teams,
                    eventTypes,
                    created,
                    updated,
                    unchanged,
                    skipped,
                    orphaned,
                    staffLinked,
                    items,
                    checked);
        }
    }

    Report sync(long companyId, boolean dryRun) {
        Company company =
                directory.companyUncached(companyId).orElseThrow(() -> AdminException.notFound("company " + companyId));
        String apiKey = directory
                .calcomApiKey(companyId)
                .orElseThrow(() -> AdminException.calcomNotConfigured(
                        "calcomApiKey", "company " + companyId + " has no Cal.com API key"));
        // outside the transaction: no connection is held while Cal.com answers
        CalcomListing account = CalcomListing.discover(calcom, new CalcomAccount(company.slug(), apiKey));
        Report report = transactions.execute(status -> {
            Report planned = plan(companyId, account, !dryRun);
            if (dryRun) {
                status.setRollbackOnly();
            }
            return planned;
        });
        if (report == null) {
            throw new IllegalStateException("Cal.com sync returned no report");
        }
        return report;
    }

    private Report plan(long companyId, CalcomListing account, boolean apply) {
        List<Service> services = directory.allServices(companyId);
        List<Staff> staff = directory.allStaff(companyId);
        Set<String> takenNames = new HashSet<>();
        services.forEach(s -> takenNames.add(s.name().toLowerCase(Locale.ROOT)));
        List<Item> items = new ArrayList<>();
        // the event types of services' steps are no services of their own (usually hidden in Cal.com)
        Set<Long> stepTypes = new HashSet<>();
        services.forEach(s -> s.steps().forEach(step -> stepTypes.add(step.calcomEventTypeId())));
        for (EventType eventType : account.serviceTypes()) {
            if (stepTypes.contains(eventType.id())) {
                continue;
            }
            items.add(sync(companyId, account, eventType, services, staff, takenNames, apply));
        }
        for (Service service : services) {
            if (service.inSteps()) {
                Item stepsItem = steps.syncSteps(companyId, account, service, staff, apply);
                int at = -1;
                for (int i = 0; i < items.size(); i++) {
                    if (java.util.Objects.equals(items.get(i).serviceId(), service.id())) {
                        at = i;
                    }
                }
                if (at < 0) {
                    items.add(stepsItem);
                } else {
                    Item found = items.get(at);
                    List<String> changes = new ArrayList<>(found.changes());
                    changes.addAll(stepsItem.changes());
                    List<String> calendars = new ArrayList<>(found.staffCalendars());
                    calendars.addAll(stepsItem.staffCalendars());
                    items.set(
                            at,
                            new Item(
                                    changes.isEmpty() ? found.action() : Action.UPDATE,
                                    found.serviceId(),
                                    found.serviceName(),
                                    found.eventTypeId(),
                                    found.eventTypeSlug(),
                                    changes,
                                    found.staffLinked(),
                                    calendars,
                                    found.reason(),
                                    List.of()));
                }
            }
        }
        Set<Long> present = new HashSet<>();
        account.serviceTypes().forEach(e -> present.add(e.id()));
        for (Service service : services) {
            if (service.calcomEventTypeId() != null && !present.contains(service.calcomEventTypeId())) {
                items.add(new Item(
                        Action.ORPHANED,
                        service.id(),
                        service.name(),
                        service.calcomEventTypeId(),
                        service.calcomEventTypeSlug(),
                        List.of(),
                        List.of(),
                        List.of(),
                        "Cal.com lists no event type " + service.calcomEventTypeId() + " for this account (user, "
                                + "teams) any more",
                        List.of()));
            }
        }
        return new Report(
                companyId,
                !apply,
                account.user().username(),
                account.teams().stream()
                        .map(team -> team.slug() != null ? team.slug() : team.name())
                        .toList(),
                account.serviceTypes().size(),
                count(items, Action.CREATE),
                count(items, Action.UPDATE),
                count(items, Action.UNCHANGED),
                count(items, Action.SKIP),
                count(items, Action.ORPHANED),
                items.stream().mapToInt(i -> i.staffLinked().size()).sum(),
                items,
                null);
    }

    private Item sync(
            long companyId,
            CalcomListing account,
            EventType eventType,
            List<Service> services,
            List<Staff> staff,
            Set<String> takenNames,
            boolean apply) {
        Optional<Service> byId = services.stream()
                .filter(s -> Long.valueOf(eventType.id()).equals(s.calcomEventTypeId()))
                .findFirst();
        Optional<Service> byName = services.stream()
                .filter(s -> s.name().equalsIgnoreCase(eventType.title().trim()))
                .findFirst();
        if (byId.isEmpty() && byName.isPresent() && byName.get().calcomEventTypeId() != null) {
            return skip(
                    eventType,
                    "service '" + byName.get().name() + "' has the same name but books event type "
                            + byName.get().calcomEventTypeId());
        }
        if (eventType.lengthInMinutes() < 1 || eventType.lengthInMinutes() > 1440) {
            return skip(eventType, "length " + eventType.lengthInMinutes() + " min is outside 1..1440");
        }
        Optional<Service> match = byId.or(() -> byName);
        if (match.isEmpty()) {
            if (eventType.hidden()) {
                return skip(eventType, "hidden in Cal.com");
            }
            String name = eventType.title().trim();
            if (name.isEmpty() || name.length() > 200 || !takenNames.add(name.toLowerCase(Locale.ROOT))) {
                return skip(eventType, "title '" + name + "' can't name a new service (blank, too long or taken)");
            }
            ServiceSpec spec = new ServiceSpec(
                    name,
                    List.of(),
                    eventType.lengthInMinutes(),
                    null,
                    "EUR",
                    eventType.id(),
                    eventType.slug(),
                    true,
                    eventType.teamId(),
                    List.of());
            Long serviceId = apply ? directory.createService(companyId, spec) : null;
            List<String> linked = new ArrayList<>();
            List<String> calendars = new ArrayList<>();
            linkHosts(companyId, serviceId, account, eventType, staff, linked, calendars, new ArrayList<>(), apply);
            return new Item(
                    Action.CREATE,
                    serviceId,
                    name,
                    eventType.id(),
                    eventType.slug(),
                    List.of("new service, " + eventType.lengthInMinutes() + " min"),
                    linked,
                    calendars,
                    null,
                    warnings(eventType));
        }
        Service service = match.get();
        List<String> changes = new ArrayList<>();
        if (!Long.valueOf(eventType.id()).equals(service.calcomEventTypeId())) {
            changes.add("calcomEventTypeId " + service.calcomEventTypeId() + " -> " + eventType.id());
        }
        if (!eventType.slug().equals(service.calcomEventTypeSlug())) {
            changes.add("calcomEventTypeSlug " + service.calcomEventTypeSlug() + " -> " + eventType.slug());
        }
        if (!java.util.Objects.equals(eventType.teamId(), service.calcomTeamId())) {
            changes.add("calcomTeamId " + service.calcomTeamId() + " -> " + eventType.teamId());
        }
        // a length the event type offers among several is the service's to choose
        boolean offered =
                eventType.hasMultipleLengths() && eventType.lengthOptions().contains(service.durationMinutes());
        int duration = offered ? service.durationMinutes() : eventType.lengthInMinutes();
        if (duration != service.durationMinutes()) {
            changes.add("durationMinutes " + service.durationMinutes() + " -> " + eventType.lengthInMinutes()
                    + " (the event type's length: Cal.com books that, whatever the service said)");
        }
        if (apply && !changes.isEmpty()) {
            directory.updateService(
                    companyId,
                    service.id(),
                    new ServiceSpec(
                            service.name(),
                            service.synonyms(),
                            duration,
                            service.priceCents(),
                            service.currency(),
                            eventType.id(),
                            eventType.slug(),
                            service.active(),
                            eventType.teamId(),
                            service.steps()));
        }
        List<String> linked = new ArrayList<>();
        List<String> calendars = new ArrayList<>();
        linkHosts(companyId, service.id(), account, eventType, staff, linked, calendars, changes, apply);
        return new Item(
                changes.isEmpty() ? Action.UNCHANGED : Action.UPDATE,
                service.id(),
                service.name(),
                eventType.id(),
                eventType.slug(),
                changes,
                linked,
                calendars,
                null,
                warnings(eventType));
    }

    /**
     * Links the hosts who are known staff and records each one's own event type for the service. A personal event
     * type of the key's user is its own host's own event type.
     */
    private void linkHosts(
            long companyId,
            @Nullable Long serviceId,
            CalcomListing account,
            EventType eventType,
            List<Staff> staff,
            List<String> linkedNames,
            List<String> calendars,
            List<String> changes,
            boolean apply) {
        List<Long> linked = serviceId == null ? List.of() : directory.linkedStaffIds(companyId, serviceId);
        Map<Long, StaffEventType> known =
                serviceId == null ? Map.of() : directory.staffEventTypes(companyId, serviceId);
        List<Host> hosts = eventType.teamId() != null
                ? eventType.hosts()
                : List.of(new Host(
                        account.user().id(),
                        account.user().name(),
                        account.user().email(),
                        account.user().username(),
                        null));
        for (Host host : hosts) {
            Optional<Staff> member = staff.stream()
                    .filter(s -> s.calcomUserId() != null
                            ? s.calcomUserId() == host.id()
                            : s.calcomUsername() != null && s.calcomUsername().equalsIgnoreCase(host.username()))
                    .findFirst();
            if (member.isEmpty()) {
                continue;
            }
            Staff person = member.get();
            if (!linked.contains(person.id())) {
                if (apply && serviceId != null) {
                    directory.linkServiceStaff(companyId, serviceId, person.id());
                }
                linkedNames.add(person.name());
            }
            Optional<EventType> own = eventType.teamId() != null
                    ? CalcomListing.ownEventTypeFor(eventType, account.ownOf(host.username()))
                    : Optional.of(eventType);
            StaffEventType current = known.get(person.id());
            if (own.isEmpty()) {
                calendars.add(person.name() + ": none (no event type of their own for this service: callers can't "
                        + "ask for them by name)");
                if (current != null) {
                    changes.add(person.name() + "'s own event type " + current.eventTypeId() + " is gone from Cal.com");
                    if (apply && serviceId != null) {
                        directory.setStaffEventType(companyId, serviceId, person.id(), null, null);
                    }
                }
                continue;
            }
            calendars.add(person.name() + ": " + own.get().id());
            if (current == null
                    || current.eventTypeId() != own.get().id()
                    || !own.get().slug().equals(current.slug())) {
                if (linked.contains(person.id())) {
                    changes.add(person.name() + "'s own event type " + (current == null ? null : current.eventTypeId())
                            + " -> " + own.get().id());
                }
                if (apply && serviceId != null) {
                    directory.setStaffEventType(
                            companyId,
                            serviceId,
                            person.id(),
                            own.get().id(),
                            own.get().slug());
                }
            }
        }
    }

    private static Item skip(EventType eventType, String reason) {
        return new Item(
                Action.SKIP,
                null,
                eventType.title(),
                eventType.id(),
                eventType.slug(),
                List.of(),
                List.of(),
                List.of(),
                reason,
                List.of());
    }

    private static int count(List<Item> items, Action action) {
        return (int) items.stream().filter(item -> item.action() == action).count();
    }
}
