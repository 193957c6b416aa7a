package io.slotline.appointments.webhook;

import io.slotline.calcom.CalcomWebhookEvent;
import io.slotline.calcom.CalcomWebhookEvent.Person;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a signed Cal.com webhook must look like before anything of it is stored: an event type Cal.com sends, ids
 * and contact details that fit our columns, and booking times near now. A valid signature proves who sent it,
 * not that the content is sane (a leaked secret, a misconfigured custom payload, a bug).
 */
final class WebhookSanity {

    /** Bookings older than this are history, not something to keep the calendar in step with. */
    static final Duration MAX_PAST = Duration.ofDays(366);
    /** Cal.com's booking windows are counted in days; two years ahead is far beyond any of them. */
    static final Duration MAX_FUTURE = Duration.ofDays(2 * 366);
    /** No appointment lasts longer than a week. */
    static final Duration MAX_LENGTH = Duration.ofDays(7);

    static final int MAX_UID_LENGTH = 128;

    /** What is wrong, naming the payload field. */
    record Problem(String field, String message) {}

    private WebhookSanity() {}

    static Optional<Problem> check(CalcomWebhookEvent event, Instant now) {
        if (event.trigger() == CalcomWebhookEvent.Trigger.UNKNOWN) {
            return problem("triggerEvent", "not a Cal.com webhook event type");
        }
        Optional<Problem> found = id("payload.uid", event.uid());
        if (found.isEmpty()) {
            found = id("payload.rescheduleUid", event.rescheduleUid());
        }
        if (found.isEmpty()) {
            found = span("payload.startTime", "payload.endTime", event.start(), event.end(), now);
        }
        if (found.isEmpty()) {
            found = span(
                    "payload.rescheduleStartTime",
                    "payload.rescheduleEndTime",
                    event.rescheduleStart(),
                    event.rescheduleEnd(),
                    now);
        }
        for (int i = 0; found.isEmpty() && i < event.attendees().size(); i++) {
            found = person("payload.attendees[" + i + "]", event.attendees().get(i));
        }
        if (found.isEmpty() && event.organizer() != null) {
            found = person("payload.organizer", event.organizer());
        }
        if (found.isEmpty() && event.attendees().size() > 100) {
            found = problem("payload.attendees", "more than 100 attendees");
        }
        return found;
    }

    private static Optional<Problem> id(String field, @Nullable String value) {
        if (value == null) {
            return Optional.empty();
        }
        if (value.length() > MAX_UID_LENGTH || value.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            return problem(field, "must be 1 to " + MAX_UID_LENGTH + " printable ASCII characters");
        }
        return Optional.empty();
    }

    private static Optional<Problem> span(
            String startField, String endField, @Nullable Instant start, @Nullable Instant end, Instant now) {
        for (var time : new Object[][] {{startField, start}, {endField, end}}) {
            Instant instant = (Instant) time[1];
            if (instant != null && (instant.isBefore(now.minus(MAX_PAST)) || instant.isAfter(now.plus(MAX_FUTURE)))) {
                return problem((String) time[0], "must lie within a year before and two years after now");
            }
        }
        if (start != null
                && end != null
                && (!end.isAfter(start) || Duration.between(start, end).compareTo(MAX_LENGTH) > 0)) {
            return problem(endField, "must be after the start and at most 7 days later");
        }
        return Optional.empty();
    }

    private static Optional<Problem> person(String field, Person person) {
        if (person.name() != null && person.name().length() > 200) {
            return problem(field + ".name", "is longer than 200 characters");
        }
        if (person.email() != null && person.email().length() > 320) {
            return problem(field + ".email", "is longer than 320 characters");
        }
        if (person.phoneNumber() != null && person.phoneNumber().length() > 32) {
            return problem(field + ".phoneNumber", "is longer than 32 characters");
        }
        if (person.username() != null && person.username().length() > 200) {
            return problem(field + ".username", "is longer than 200 characters");
        }
        if (person.timeZone() != null && person.timeZone().length() > 64) {
            return problem(field + ".timeZone", "is longer than 64 characters");
        }
        return Optional.empty();
    }

    private static Optional<Problem> problem(String field, String message) {
        return Optional.of(new Problem(field, field + " " + message));
    }
}
