package io.slotline.admin;

import io.slotline.calcom.CalcomAccount;
import io.slotline.calcom.CalcomApi;
import io.slotline.calcom.CalcomException;
import io.slotline.calcom.CalcomWebhook;
import io.slotline.calcom.EventType;
import io.slotline.calcom.EventTypeKey;
import io.slotline.tenancy.Company;
import io.slotline.tenancy.Service;
import io.slotline.tenancy.Staff;
import io.slotline.tenancy.StaffEventType;
import io.slotline.tenancy.TenantDirectory;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The webhook subscriptions a company needs, at the level Cal.com delivers bookings at: one per team event type
 * behind its services (round robin, collective) and per managed parent behind its staff members' own event types (a
 * parent's webhook fires for its children's bookings). User webhooks ({@code POST /v2/webhooks}) are not used: they
 * never fire for round-robin or collective team bookings (RegularBookingService: {@code triggerForUser = !teamId ||
 * parentId}). Each subscription carries the company's webhook secret and no payload template.
 */
@Component
class CalcomWebhooks {

    static final List<String> TRIGGERS = List.of(
            "BOOKING_CREATED", "BOOKING_REQUESTED", "BOOKING_RESCHEDULED", "BOOKING_CANCELLED", "BOOKING_REJECTED");

    private final TenantDirectory directory;
    private final CalcomApi calcom;
    private final @Nullable String publicBaseUrl;

    CalcomWebhooks(
            TenantDirectory directory,
            CalcomApi calcom,
            @Value("${slotline.public-base-url:}") @Nullable String publicBaseUrl) {
        this.directory = directory;
        this.calcom = calcom;
        this.publicBaseUrl = publicBaseUrl == null || publicBaseUrl.isBlank() ? null : publicBaseUrl.trim();
    }

    enum Action {
        SUBSCRIBED,
        WOULD_SUBSCRIBE,
        PRESENT,
        NOT_POSSIBLE
    }

    @Schema(name = "CalcomWebhookItem")
    record Item(
            Action action,
            long eventTypeId,
            @Nullable Long teamId,
            String covers,
            @Nullable String webhookId,
            @Nullable String reason) {}

    @Schema(name = "CalcomWebhooksReport")
    record Report(
            long companyId,
            boolean dryRun,
            String subscriberUrl,
            int subscribed,
            int present,
            int notPossible,
            List<Item> items) {}

    /** Subscribes what is missing ({@code dryRun}: only says what), verifies what is there. */
    Report ensure(long companyId, String baseUrl, boolean dryRun) {
        Company company =
                directory.companyUncached(companyId).orElseThrow(() -> AdminException.notFound("company " + companyId));
        String apiKey = directory
                .calcomApiKey(companyId)
                .orElseThrow(() -> AdminException.calcomNotConfigured(
                        "calcomApiKey", "company " + companyId + " has no Cal.com API key"));
        String secret = directory
                .calcomWebhookSecret(companyId)
                .orElseThrow(() -> AdminException.calcomNotConfigured(
                        "calcomWebhookSecret",
                        "company " + companyId + " has no Cal.com webhook secret to sign the webhooks with"));
        String url = subscriberUrl(company, baseUrl);
        CalcomAccount account = new CalcomAccount(company.slug(), apiKey);
        CalcomListing found = CalcomListing.discover(calcom, account);
        List<Item> items = new ArrayList<>();
        for (Map.Entry<EventType, String> needed : needed(companyId, found).entrySet()) {
            items.add(ensureOne(account, needed.getKey(), needed.getValue(), url, secret, dryRun));
        }
        return new Report(
                companyId,
                dryRun,
                url,
                (int) items.stream()
                        .filter(i -> i.action() == Action.SUBSCRIBED || i.action() == Action.WOULD_SUBSCRIBE)
                        .count(),
                (int) items.stream().filter(i -> i.action() == Action.PRESENT).count(),
                (int) items.stream()
                        .filter(i -> i.action() == Action.NOT_POSSIBLE)
                        .count(),
                items);
    }

    /** The event types whose bookings Slotline must hear of, with what they cover. */
    private Map<EventType, String> needed(long companyId, CalcomListing found) {
        Map<EventType, String> needed = new LinkedHashMap<>();
        for (Service service : directory.activeServices(companyId)) {
            for (int index = 0; index < service.steps().size(); index++) {
                // each step of a service in steps is booked in its own event types: their bookings matter too
                io.slotline.tenancy.ServiceStep step = service.steps().get(index);
                String what = service.name() + " step " + (index + 1) + " (" + step.name() + ")";
                found.teamType(step.calcomEventTypeId()).ifPresent(type -> needed.putIfAbsent(type, "service " + what));
                for (var staff : directory.staffForService(companyId, service.id())) {
                    step.ownEventType(staff.id())
                            .ifPresent(staffType ->
                                    coverOwn(needed, found, staff, staffType, staff.name() + "'s " + what));
                }
            }
            Long id = service.calcomEventTypeId();
            if (id == null) {
                continue;
            }
            found.serviceType(id).ifPresent(type -> needed.putIfAbsent(type, "service " + service.name()));
            Map<Long, StaffEventType> own = directory.staffEventTypes(companyId, service.id());
            for (var staff : directory.staffForService(companyId, service.id())) {
                StaffEventType staffType = own.get(staff.id());
                if (staffType != null) {
                    coverOwn(needed, found, staff, staffType, staff.name() + "'s " + service.name());
                }
            }
        }
        return needed;
    }

    /**
     * A staff member's own event type is covered by its managed parent's webhook (which fires for every child), else
     * by one of its own.
     */
    private static void coverOwn(
            Map<EventType, String> needed, CalcomListing found, Staff staff, StaffEventType staffType, String covers) {
        Optional<EventType> child = found.ownType(staff.calcomUsername(), staffType.eventTypeId());
        Optional<EventType> parent = child.flatMap(found::managedParentOf);
        if (parent.isPresent()) {
            needed.merge(parent.get(), covers, (a, b) -> a + ", " + b);
        } else if (child.isPresent()) {
            needed.putIfAbsent(child.get(), covers);
        }
    }

    private Item ensureOne(
            CalcomAccount account, EventType type, String covers, String url, String secret, boolean dryRun) {
        if (type.teamId() == null) {
            return new Item(
                    Action.NOT_POSSIBLE,
                    type.id(),
                    null,
                    covers,
                    null,
                    "a personal event type: only its "
                            + "owner's key may subscribe it (use a managed team event type instead)");
        }
        EventTypeKey key = EventTypeKey.team(type.teamId(), type.id());
        try {
            Optional<CalcomWebhook> present = calcom.eventTypeWebhooks(account, key).stream()
                    .filter(hook -> delivers(hook, url))
                    .findFirst();
            if (present.isPresent()) {
                return new Item(
                        Action.PRESENT,
                        type.id(),
                        type.teamId(),
                        covers,
                        present.get().id(),
                        null);
            }
            if (dryRun) {
                return new Item(Action.WOULD_SUBSCRIBE, type.id(), type.teamId(), covers, null, null);
            }
            CalcomWebhook created = calcom.createEventTypeWebhook(account, key, url, TRIGGERS, secret);
            return new Item(Action.SUBSCRIBED, type.id(), type.teamId(), covers, created.id(), null);
        } catch (CalcomException.Unauthorized e) {
            throw new AdminException(
                    HttpStatus.BAD_GATEWAY,
                    "calcom_unauthorized",
                    "calcomApiKey",
                    "Cal.com refuses the company's API key");
        } catch (CalcomException e) {
            return new Item(
                    Action.NOT_POSSIBLE,
                    type.id(),
                    type.teamId(),
                    covers,
                    null,
                    "Cal.com refused: " + e.getMessage() + " (the key's user must be an admin of the team)");
        }
    }

    /** Where Cal.com sends the company's bookings: this gateway's public address, else the one it was asked at. */
    String subscriberUrl(Company company, String baseUrl) {
        return stripTrailingSlash(publicBaseUrl != null ? publicBaseUrl : baseUrl) + "/calcom/webhook?company="
                + company.slug();
    }

    /** An active webhook to that URL with every trigger Slotline needs. */
    static boolean delivers(CalcomWebhook hook, String url) {
        return hook.active()
                && sameUrl(hook.subscriberUrl(), url)
                && hook.triggers().containsAll(CalcomCheck.NEEDED_TRIGGERS);
    }

    private static boolean sameUrl(String a, String b) {
        return stripTrailingSlash(a).equalsIgnoreCase(stripTrailingSlash(b));
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
