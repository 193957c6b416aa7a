package io.slotline.admin;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.slotline.calcom.CalcomAccount;
import io.slotline.calcom.CalcomApi;
import io.slotline.calcom.EventType;
import io.slotline.calcom.Host;
import io.slotline.tenancy.Company;
import io.slotline.tenancy.Service;
import io.slotline.tenancy.ServiceSpec;
import io.slotline.tenancy.Staff;
import io.slotline.tenancy.TenantDirectory;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Brings a company's services in line with its Cal.com event types: an event type matches the service that names
 * its id, else the service with its title; matched services get the event type's id, slug and length (their name,
 * synonyms and price stay the operator's), unmatched visible event types become new services, and hosts who are
 * known staff (by Cal.com user id or username) are linked to the service. Nothing is deleted or unlinked: services
 * whose event type is gone are reported as orphaned.
 */
@Component
class CalcomSync {

    private final TenantDirectory directory;
    private final CalcomApi calcom;
    private final TransactionTemplate transactions;

    CalcomSync(TenantDirectory directory, CalcomApi calcom, TransactionTemplate transactions) {
        this.directory = directory;
        this.calcom = calcom;
        this.transactions = transactions;
    }

    enum Action { CREATE, UPDATE, UNCHANGED, SKIP, ORPHANED }

    @Schema(name = "CalcomSyncItem")
    record Item(Action action, @Nullable Long serviceId, String serviceName, @Nullable Long eventTypeId,
            @Nullable String eventTypeSlug, List<String> changes, List<String> staffLinked, @Nullable String reason) {
    }

    @Schema(name = "CalcomSyncReport")
    record Report(long companyId, boolean dryRun, int eventTypes, int created, int updated, int unchanged,
            int skipped, int orphaned, int staffLinked, List<Item> items) {
    }

    Report sync(long companyId, boolean dryRun) {
        Company company = directory.companyUncached(companyId)
                .orElseThrow(() -> AdminException.notFound("company " + companyId));
        String apiKey = directory.calcomApiKey(companyId).orElseThrow(() -> new AdminException(HttpStatus.CONFLICT,
                "calcom_not_configured", "calcomApiKey", "company " + companyId + " has no Cal.com API key"));
        // outside the transaction: no connection is held while Cal.com answers
        List<EventType> eventTypes = calcom.eventTypes(new CalcomAccount(company.slug(), apiKey)).stream()
                .sorted(Comparator.comparingLong(EventType::id))
                .toList();
        Report report = transactions.execute(status -> {
            Report planned = plan(companyId, eventTypes, !dryRun);
            if (dryRun) {
                status.setRollbackOnly();
            }
            return planned;
        });
        if (report == null) {
            throw new IllegalStateException("Cal.com sync returned no report");
        }
        return new Report(report.companyId(), dryRun, report.eventTypes(), report.created(), report.updated(),
                report.unchanged(), report.skipped(), report.orphaned(), report.staffLinked(), report.items());
    }

    private Report plan(long companyId, List<EventType> eventTypes, boolean apply) {
        List<Service> services = directory.allServices(companyId);
        List<Staff> staff = directory.allStaff(companyId);
        Set<String> takenNames = new HashSet<>();
        services.forEach(s -> takenNames.add(s.name().toLowerCase(Locale.ROOT)));
        List<Item> items = new ArrayList<>();
        for (EventType eventType : eventTypes) {
            items.add(sync(companyId, eventType, services, staff, takenNames, apply));
        }
        Set<Long> present = new HashSet<>();
        eventTypes.forEach(e -> present.add(e.id()));
        for (Service service : services) {
            if (service.calcomEventTypeId() != null && !present.contains(service.calcomEventTypeId())) {
                items.add(new Item(Action.ORPHANED, service.id(), service.name(), service.calcomEventTypeId(),
                        service.calcomEventTypeSlug(), List.of(), List.of(),
                        "Cal.com has no event type " + service.calcomEventTypeId() + " for this API key any more"));
            }
        }
        return new Report(companyId, !apply, eventTypes.size(), count(items, Action.CREATE),
                count(items, Action.UPDATE), count(items, Action.UNCHANGED), count(items, Action.SKIP),
                count(items, Action.ORPHANED), items.stream().mapToInt(i -> i.staffLinked().size()).sum(), items);
    }

    private Item sync(long companyId, EventType eventType, List<Service> services, List<Staff> staff,
            Set<String> takenNames, boolean apply) {
        Optional<Service> byId = services.stream()
                .filter(s -> Long.valueOf(eventType.id()).equals(s.calcomEventTypeId())).findFirst();
        Optional<Service> byName = services.stream()
                .filter(s -> s.name().equalsIgnoreCase(eventType.title().trim())).findFirst();
        if (byId.isEmpty() && byName.isPresent() && byName.get().calcomEventTypeId() != null) {
            return skip(eventType, "service '" + byName.get().name() + "' has the same name but books event type "
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
            ServiceSpec spec = new ServiceSpec(name, List.of(), eventType.lengthInMinutes(), null, "EUR",
                    eventType.id(), eventType.slug(), true);
            Long serviceId = apply ? directory.createService(companyId, spec) : null;
            List<String> linked = linkHosts(companyId, serviceId, eventType, staff, List.of(), apply);
            return new Item(Action.CREATE, serviceId, name, eventType.id(), eventType.slug(),
                    List.of("new service, " + eventType.lengthInMinutes() + " min"), linked, null);
        }
        Service service = match.get();
        List<String> changes = new ArrayList<>();
        if (!Long.valueOf(eventType.id()).equals(service.calcomEventTypeId())) {
            changes.add("calcomEventTypeId " + service.calcomEventTypeId() + " -> " + eventType.id());
        }
        if (!eventType.slug().equals(service.calcomEventTypeSlug())) {
            changes.add("calcomEventTypeSlug " + service.calcomEventTypeSlug() + " -> " + eventType.slug());
        }
        if (eventType.lengthInMinutes() != service.durationMinutes()) {
            changes.add("durationMinutes " + service.durationMinutes() + " -> " + eventType.lengthInMinutes());
        }
        if (apply && !changes.isEmpty()) {
            directory.updateService(companyId, service.id(), new ServiceSpec(service.name(), service.synonyms(),
                    eventType.lengthInMinutes(), service.priceCents(), service.currency(), eventType.id(),
                    eventType.slug(), service.active()));
        }
        List<String> linked = linkHosts(companyId, service.id(), eventType, staff,
                directory.linkedStaffIds(companyId, service.id()), apply);
        return new Item(changes.isEmpty() ? Action.UNCHANGED : Action.UPDATE, service.id(), service.name(),
                eventType.id(), eventType.slug(), changes, linked, null);
    }

    /** Names of known staff newly linked because they host the event type. */
    private List<String> linkHosts(long companyId, @Nullable Long serviceId, EventType eventType, List<Staff> staff,
            List<Long> linked, boolean apply) {
        List<String> names = new ArrayList<>();
        for (Host host : eventType.hosts()) {
            staff.stream()
                    .filter(member -> member.calcomUserId() != null ? member.calcomUserId() == host.id()
                            : member.calcomUsername() != null && member.calcomUsername().equals(host.username()))
                    .filter(member -> !linked.contains(member.id()))
                    .findFirst()
                    .ifPresent(member -> {
                        if (apply && serviceId != null) {
                            directory.linkServiceStaff(companyId, serviceId, member.id());
                        }
                        names.add(member.name());
                    });
        }
        return names;
    }

    private static Item skip(EventType eventType, String reason) {
        return new Item(Action.SKIP, null, eventType.title(), eventType.id(), eventType.slug(), List.of(), List.of(),
                reason);
    }

    private static int count(List<Item> items, Action action) {
        return (int) items.stream().filter(item -> item.action() == action).count();
    }
}
