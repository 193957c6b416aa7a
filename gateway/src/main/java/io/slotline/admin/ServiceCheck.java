package io.slotline.admin;

import io.slotline.admin.CalcomCheck.Finding;
import io.slotline.calcom.CalcomAccount;
import io.slotline.calcom.CalcomApi;
import io.slotline.calcom.CalcomException;
import io.slotline.calcom.CalcomWebhook;
import io.slotline.calcom.EventType;
import io.slotline.calcom.EventTypeKey;
import io.slotline.tenancy.Service;
import io.slotline.tenancy.Staff;
import io.slotline.tenancy.StaffEventType;
import io.slotline.tenancy.TenantDirectory;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The part of the {@link CalcomCheck} about one service: its event type (or each step's) is listed and bookable by
 * phone, each stylist who performs it has an event type of their own, and Cal.com sends the bookings of all of them
 * to Slotline.
 */
@Component
class ServiceCheck {

    private final TenantDirectory directory;
    private final CalcomApi calcom;

    ServiceCheck(TenantDirectory directory, CalcomApi calcom) {
        this.directory = directory;
        this.calcom = calcom;
    }

    /** The service's event type (or its steps'), and each stylist's own for it, with their webhooks. */
    void check(CalcomAccount account, CalcomListing found, Service service, String webhookUrl, List<Finding> findings) {
        String subject = "Service " + service.name();
        Long eventTypeId = service.calcomEventTypeId();
        if (service.inSteps()) {
            checkSteps(account, found, service, webhookUrl, findings);
            if (eventTypeId == null) {
                return; // booked step by step: the service needs no event type of its own
            }
        }
        if (eventTypeId == null) {
            findings.add(new Finding(
                    CalcomCheck.Level.ERROR,
                    subject,
                    "The service has no Cal.com event type, so it can't be " + "booked.",
                    "Run the Cal.com sync, or set the service's calcomEventTypeId."));
            return;
        }
        Optional<EventType> eventType = found.listed(eventTypeId);
        if (eventType.isEmpty()) {
            findings.add(new Finding(
                    CalcomCheck.Level.ERROR,
                    subject,
                    "Cal.com lists no event type " + eventTypeId
                            + " for this account (its user and teams): bookings for the service fail.",
                    "Point the service at the round-robin team event type that offers it, or run the Cal.com sync."));
            return;
        }
        EventType type = eventType.get();
        if (type.isManagedParent()) {
            findings.add(new Finding(
                    CalcomCheck.Level.ERROR,
                    subject,
                    "Event type " + type.id() + " is a managed event type, "
                            + "which Cal.com can't book; only its children (each stylist's own) can.",
                    "Use a round-robin "
                            + "team event type for the service and keep the managed one for the stylists."));
            return;
        }
        List<String> questions = type.requiredCustomFields().stream()
                .map(EventType.BookingField::slug)
                .toList();
        if (!questions.isEmpty()) {
            findings.add(new Finding(
                    CalcomCheck.Level.ERROR,
                    subject,
                    "Event type " + type.id() + " requires booking questions " + "a caller can't answer by phone: "
                            + String.join(", ", questions) + ". Every booking fails.",
                    "Make these questions optional or hidden in Cal.com (event type, Advanced, booking questions)."));
        }
        if (type.requiresEmail()) {
            findings.add(new Finding(
                    CalcomCheck.Level.WARNING,
                    subject,
                    "Event type " + type.id() + " requires an email "
                            + "address; callers without one are booked with a placeholder address that never receives mail.",
                    "Make the email question optional in Cal.com if phone bookings are normal."));
        }
        if (type.requiresConfirmation()) {
            findings.add(new Finding(
                    CalcomCheck.Level.WARNING,
                    subject,
                    "Bookings of event type " + type.id() + " wait for "
                            + "the salon's confirmation; callers are told their request will be confirmed.",
                    "Turn off 'requires confirmation' if phone bookings should be final."));
        }
        if (type.isSeated()) {
            findings.add(new Finding(
                    CalcomCheck.Level.ERROR,
                    subject,
                    "Event type " + type.id() + " is seated ("
                            + type.seatsPerTimeSlot() + " seats per time slot): Cal.com puts several callers into one "
                            + "booking, which phone booking can't book or cancel seat by seat, so Slotline refuses to book it "
                            + "by phone.",
                    "Turn off 'Offer seats' on event type " + type.id() + " in Cal.com (event type, "
                            + "Advanced), or take the service off the phone (deactivate it in Slotline)."));
        }
        if (type.lengthInMinutes() != service.durationMinutes()
                && !(type.hasMultipleLengths() && type.lengthOptions().contains(service.durationMinutes()))) {
            findings.add(new Finding(
                    CalcomCheck.Level.WARNING,
                    subject,
                    "The service says " + service.durationMinutes() + " minutes, Cal.com books "
                            + type.lengthInMinutes() + ".",
                    "Run the Cal.com sync or correct " + "the event type's length."));
        }
        checkWebhooks(account, type, webhookUrl, subject, findings);
        Map<Long, StaffEventType> own = directory.staffEventTypes(service.companyId(), service.id());
        for (Staff staff : directory.staffForService(service.companyId(), service.id())) {
            StaffEventType staffType = own.get(staff.id());
            String who = staff.name() + " for " + service.name();
            if (staffType == null) {
                findings.add(new Finding(
                        CalcomCheck.Level.ERROR,
                        who,
                        staff.name() + " has no Cal.com event type of their own "
                                + "for this service, so callers asking for " + staff.name()
                                + " can't be booked with them.",
                        "Assign " + staff.name() + " to a managed event type for " + service.name()
                                + " in Cal.com, then run the Cal.com sync."));
                continue;
            }
            Optional<EventType> listed = found.ownType(staff.calcomUsername(), staffType.eventTypeId());
            if (listed.isEmpty()) {
                findings.add(new Finding(
                        CalcomCheck.Level.ERROR,
                        who,
                        staff.name() + "'s own event type "
                                + staffType.eventTypeId() + " is not among " + staff.calcomUsername()
                                + "'s event types in "
                                + "Cal.com.",
                        "Check " + staff.name() + "'s Cal.com username, then run the Cal.com sync."));
                continue;
            }
            findings.add(new Finding(
                    CalcomCheck.Level.OK,
                    who,
                    staff.name() + " is booked on their own event type " + staffType.eventTypeId() + ".",
                    null));
            Optional<EventType> parent = found.managedParentOf(listed.get());
            if (parent.isPresent()) {
                checkWebhooks(account, parent.get(), webhookUrl, who, findings);
            } else {
                findings.add(new Finding(
                        CalcomCheck.Level.WARNING,
                        who,
                        "Event type " + staffType.eventTypeId() + " is "
                                + staff.name() + "'s personal event type: the salon's key can't check or subscribe its "
                                + "webhooks.",
                        "Use a managed team event type for " + service.name() + ", or subscribe " + "its webhook with "
                                + staff.name() + "'s own API key."));
            }
        }
    }

    /**
     * A service in steps is booked on each step's event types: each must be listed and bookable by phone, and each
     * stylist who performs the service needs their own event type of the step (else the step is never theirs).
     */
    private void checkSteps(
            CalcomAccount account, CalcomListing found, Service service, String webhookUrl, List<Finding> findings) {
        for (int index = 0; index < service.steps().size(); index++) {
            io.slotline.tenancy.ServiceStep step = service.steps().get(index);
            String subject = "Service " + service.name() + ", step " + (index + 1) + " (" + step.name() + ")";
            Optional<EventType> eventType = found.listed(step.calcomEventTypeId());
            if (eventType.isEmpty()) {
                findings.add(new Finding(
                        CalcomCheck.Level.ERROR,
                        subject,
                        "Cal.com lists no event type "
                                + step.calcomEventTypeId()
                                + " for this account: the step, and so the service, can't be "
                                + "booked.",
                        "Point the step at the team event type that serves it, then run the sync."));
                continue;
            }
            EventType type = eventType.get();
            List<String> questions = type.requiredCustomFields().stream()
                    .map(EventType.BookingField::slug)
                    .toList();
            if (!questions.isEmpty()) {
                findings.add(new Finding(
                        CalcomCheck.Level.ERROR,
                        subject,
                        "Event type " + type.id() + " requires booking " + "questions a caller can't answer by phone: "
                                + String.join(", ", questions) + ".",
                        "Make these questions optional or hidden in Cal.com."));
            }
            if (type.isSeated()) {
                findings.add(new Finding(
                        CalcomCheck.Level.ERROR,
                        subject,
                        "Event type " + type.id() + " is seated: one step "
                                + "of one caller can't share a booking with others.",
                        "Turn off 'Offer seats' in Cal.com."));
            }
            if (type.lengthInMinutes() != step.durationMinutes()) {
                findings.add(new Finding(
                        CalcomCheck.Level.WARNING,
                        subject,
                        "The step says " + step.durationMinutes() + " minutes, Cal.com books " + type.lengthInMinutes()
                                + ".",
                        "Run the Cal.com sync or " + "correct the event type's length."));
            }
            if (!type.hidden()) {
                findings.add(new Finding(
                        CalcomCheck.Level.WARNING,
                        subject,
                        "Event type " + type.id() + " is not hidden: web " + "bookers can book this step alone.",
                        "Hide it in Cal.com (event type, 'Hidden')."));
            }
            checkWebhooks(account, type, webhookUrl, subject, findings);
            int stylists = 0;
            for (Staff staff : directory.staffForService(service.companyId(), service.id())) {
                Optional<StaffEventType> own = step.ownEventType(staff.id());
                Optional<EventType> listed = own.flatMap(o -> found.ownType(staff.calcomUsername(), o.eventTypeId()));
                if (listed.isEmpty()) {
                    findings.add(new Finding(
                            CalcomCheck.Level.WARNING,
                            subject,
                            staff.name() + " has no Cal.com event type of "
                                    + "their own for this step"
                                    + (own.isPresent()
                                            ? " (" + own.get().eventTypeId() + " is not among " + staff.calcomUsername()
                                                    + "'s)"
                                            : "")
                                    + ", so the step is never "
                                    + staff.name() + "'s.",
                            "Assign " + staff.name() + " to the step's managed event type, "
                                    + "then run the Cal.com sync."));
                    continue;
                }
                stylists++;
                found.managedParentOf(listed.get())
                        .ifPresent(parent ->
                                checkWebhooks(account, parent, webhookUrl, staff.name() + " for " + subject, findings));
            }
            findings.add(
                    stylists == 0
                            ? new Finding(
                                    CalcomCheck.Level.ERROR,
                                    subject,
                                    "No stylist has an event type of their own for this step: "
                                            + "the service is never offered.",
                                    "Assign the stylists to the step's managed event "
                                            + "type in Cal.com, then run the Cal.com sync.")
                            : new Finding(
                                    CalcomCheck.Level.OK, subject, stylists + " stylist(s) can do this step.", null));
        }
    }

    /** A webhook on the team event type (a managed parent's covers its children) to Slotline, active, all needed. */
    private void checkWebhooks(
            CalcomAccount account, EventType type, String webhookUrl, String subject, List<Finding> findings) {
        if (type.teamId() == null) {
            return;
        }
        List<CalcomWebhook> webhooks;
        try {
            webhooks = calcom.eventTypeWebhooks(account, EventTypeKey.team(type.teamId(), type.id()));
        } catch (CalcomException e) {
            findings.add(new Finding(
                    CalcomCheck.Level.WARNING,
                    subject,
                    "The webhooks of event type " + type.id() + " could not be read: " + e.getMessage(),
                    "The key's user must be an admin of the team."));
            return;
        }
        boolean delivered = webhooks.stream().anyMatch(hook -> CalcomWebhooks.delivers(hook, webhookUrl));
        if (delivered) {
            findings.add(new Finding(
                    CalcomCheck.Level.OK,
                    subject,
                    "Cal.com sends the bookings of event type " + type.id() + " to Slotline.",
                    null));
        } else {
            findings.add(new Finding(
                    CalcomCheck.Level.ERROR,
                    subject,
                    "Bookings of event type " + type.id() + " made outside "
                            + "the phone (web, app, the salon) don't reach Slotline: no active webhook to " + webhookUrl
                            + " with "
                            + String.join(
                                    ", ",
                                    CalcomCheck.NEEDED_TRIGGERS.stream()
                                            .sorted()
                                            .toList()) + ".",
                    "POST /admin/api/companies/{id}/calcom/webhooks creates it, or in Cal.com: "
                            + "POST /v2/teams/" + type.teamId() + "/event-types/" + type.id() + "/webhooks with "
                            + "that URL, those triggers and the company's webhook secret."));
        }
    }
}
