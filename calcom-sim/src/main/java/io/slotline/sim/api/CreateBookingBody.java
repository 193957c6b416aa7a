package io.slotline.sim.api;

import io.slotline.sim.calendar.Attendee;
import io.slotline.sim.calendar.EventType;
import io.slotline.sim.calendar.Scheduler;
import io.slotline.sim.web.ApiError;
import io.slotline.sim.web.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The bookings endpoints of cal-api-version 2024-08-13. */

/**
 * The body of {@code POST /v2/bookings} (cal-api-version 2024-08-13), checked the way Cal.com checks it
 * (CreateBookingInput_2024_08_13 and the booking fields of the event type): unknown keys, the event type lookup,
 * the attendee, metadata, location and booking fields, each refusal with Cal.com's message.
 */
final class CreateBookingBody {

    static final String MSG_CONTACT = "Attendee must have at least one contact method (email or phone number)";
    static final String MSG_EMAIL_REQUIRED = "{email}error_required_field";
    static final String MSG_METADATA = "Metadata must have at most 50 keys, each key up to 40 characters, and string "
            + "values up to 500 characters.";
    static final String MSG_EVENT_LOOKUP =
            "Either eventTypeId or eventTypeSlug + username or eventTypeSlug + teamSlug " + "must be provided";
    static final String MSG_SINGLE_LENGTH = "Can't specify 'lengthInMinutes' because event type does not have multiple "
            + "possible lengths. Please, remove the 'lengthInMinutes' field from the request.";
    static final List<String> LANGUAGES = List.of(
            "ar", "ca", "de", "es", "eu", "he", "id", "ja", "lv", "pl", "ro", "sr", "th", "vi", "az", "cs", "el",
            "es-419", "fi", "hr", "it", "km", "nl", "pt", "ru", "sv", "tr", "zh-CN", "bg", "da", "en", "et", "fr", "hu",
            "iw", "ko", "no", "pt-BR", "sk", "sl", "ta", "uk", "zh-TW", "bn");
    static final Set<String> CREATE_KEYS = Set.of(
            "start",
            "lengthInMinutes",
            "eventTypeId",
            "eventTypeSlug",
            "username",
            "teamSlug",
            "organizationSlug",
            "attendee",
            "guests",
            "meetingUrl",
            "location",
            "metadata",
            "bookingFieldsResponses",
            "routing",
            "emailVerificationCode",
            "allowConflicts",
            "allowBookingOutOfBounds",
            "skipBookingLimits",
            "instant",
            "recurrenceCount",
            "rrHostSubsetIds",
            "reservedSlotUid");
    static final Set<String> ATTENDEE_KEYS = Set.of("name", "email", "timeZone", "phoneNumber", "language");

    private CreateBookingBody() {}

    static Scheduler.BookingRequest parse(Scheduler scheduler, ObjectNode body, Set<String> extraKeys) {
        List<FieldError> errors = FieldError.unknown(body, key -> CREATE_KEYS.contains(key) || extraKeys.contains(key));
        if (Values.instant(body.get("start")).isEmpty()) {
            errors.add(FieldError.of("start", "start must be a valid ISO 8601 date string"));
        }
        Attendee attendee = attendee(body.get("attendee"), errors);
        JsonNode responses = body.get("bookingFieldsResponses");
        if (Values.present(responses) && !responses.isObject()) {
            errors.add(FieldError.of("bookingFieldsResponses", "bookingFieldsResponses must be an object"));
        }
        JsonNode eventTypeId = body.get("eventTypeId");
        if (Values.present(eventTypeId) && !Values.isInteger(eventTypeId)) {
            errors.add(FieldError.of("eventTypeId", "eventTypeId must be an integer number"));
        }
        FieldError.strings(
                body, List.of("eventTypeSlug", "username", "teamSlug", "organizationSlug", "reservedSlotUid"), errors);
        JsonNode guests = body.get("guests");
        if (Values.present(guests)) {
            List<String> constraints = new ArrayList<>();
            boolean allStrings =
                    guests.isArray() ? guests.valueStream().allMatch(JsonNode::isString) : guests.isString();
            if (!allStrings) {
                constraints.add("each value in guests must be a string");
            }
            if (!guests.isArray()) {
                constraints.add("guests must be an array");
            }
            if (!constraints.isEmpty()) {
                errors.add(new FieldError("guests", constraints, List.of()));
            }
        }
        JsonNode location = body.get("location");
        if (Values.present(location) && !location.isObject() && !location.isString()) {
            errors.add(FieldError.of("location", "location must be an object"));
        }
        FieldError metadata = metadataError(body.get("metadata"));
        if (metadata != null) {
            errors.add(metadata);
        }
        JsonNode length = body.get("lengthInMinutes");
        if (Values.present(length)) {
            List<String> constraints = new ArrayList<>();
            if (!length.isNumber() || length.asDouble() < 1) {
                constraints.add("lengthInMinutes must not be less than 1");
            }
            if (!Values.isInteger(length)) {
                constraints.add("lengthInMinutes must be an integer number");
            }
            if (!constraints.isEmpty()) {
                errors.add(new FieldError("lengthInMinutes", constraints, List.of()));
            }
        }
        FieldError.booleans(
                body, List.of("allowConflicts", "allowBookingOutOfBounds", "skipBookingLimits", "instant"), errors);
        String slug = BookingsApi.text(body, "eventTypeSlug");
        String username = BookingsApi.text(body, "username");
        String team = BookingsApi.text(body, "teamSlug");
        boolean byId = Values.present(eventTypeId) && eventTypeId.asLong(0) != 0;
        if (!byId && !(slug != null && (username != null || team != null))) {
            errors.add(FieldError.of("eventTypeId or eventTypeSlug + username", MSG_EVENT_LOOKUP));
        }
        FieldError.throwIfAny(errors);

        EventType eventType;
        if (byId) {
            long id = eventTypeId.asLong();
            eventType = scheduler
                    .eventType(id)
                    .orElseThrow(() -> ApiError.notFound("Event type with id " + id + " not found."));
        } else if (username != null) {
            if (scheduler.userIdByUsername(username).isEmpty()) {
                throw ApiError.notFound("User with username " + username + " not found");
            }
            // the checks above refused a body without eventTypeId, eventTypeSlug + username or eventTypeSlug + team
            String eventTypeSlug = Objects.requireNonNull(slug);
            eventType = scheduler
                    .eventTypeBySlugAndUsername(eventTypeSlug, username)
                    .orElseThrow(() -> ApiError.notFound(
                            "Event type with slug " + slug + " belonging to user " + username + " not found."));
        } else {
            String eventTypeSlug = Objects.requireNonNull(slug);
            String teamSlug = Objects.requireNonNull(team);
            eventType = scheduler
                    .eventTypeBySlugAndTeam(eventTypeSlug, teamSlug)
                    .orElseThrow(() -> ApiError.notFound(
                            "Event type with slug " + slug + " belonging to team " + team + " not found."));
        }
        checkBookingFields(eventType, body);
        int duration = eventType.lengthInMinutes();
        if (Values.present(length)) {
            if (!eventType.hasMultipleDurations()) {
                throw ApiError.badRequest(MSG_SINGLE_LENGTH);
            }
            if (!eventType.lengthOptions().contains(length.asInt())) {
                throw ApiError.badRequest("Provided lengthInMinutes=" + length.asInt()
                        + " is not one of the possible lengths for the event type: "
                        + String.join(
                                ", ",
                                eventType.lengthOptions().stream()
                                        .map(String::valueOf)
                                        .toList()));
            }
            duration = length.asInt();
        }
        Instant start = Values.instant(body.get("start")).orElseThrow();
        List<String> guestList = Values.present(guests)
                ? guests.valueStream().map(JsonNode::stringValue).toList()
                : null;
        Map<String, Object> meta = Values.present(body.get("metadata")) ? toMap(body.get("metadata")) : Map.of();
        Map<String, Object> custom = Values.present(responses) ? toMap(responses) : Map.of();
        return new Scheduler.BookingRequest(
                eventType,
                null,
                start,
                duration,
                attendee,
                guestList,
                meta,
                custom,
                locationText(location),
                BookingsApi.text(body, "reservedSlotUid"));
    }

    /**
     * Booking questions, as hasRequiredBookingFieldsResponses
     * (apps/api/v2/src/ee/bookings/2024-08-13/services/bookings.service.ts) checks the non-system ones; the email
     * field is checked by the core's response schema (packages/features/bookings/lib/getBookingResponsesSchema.ts):
     * a phone-only attendee is sent with an empty email, which fails while the email field is required (Cal.com's
     * default).
     */
    private static void checkBookingFields(EventType eventType, ObjectNode body) {
        JsonNode attendee = body.path("attendee");
        boolean hasEmail = attendee.path("email").isString()
                && !attendee.path("email").stringValue().isBlank();
        boolean hasPhone = attendee.path("phoneNumber").isString()
                && !attendee.path("phoneNumber").stringValue().isBlank();
        EventType.Settings settings = eventType.settings();
        if (settings.phoneRequired() && !hasPhone) {
            throw ApiError.badRequest("Missing attendee phone number - it is required by the event type. Pass it as "
                    + "\"attendee.phoneNumber\" string in the request.");
        }
        JsonNode responses = body.path("bookingFieldsResponses");
        for (String field : settings.requiredCustomFields()) {
            JsonNode answer = responses.path(field);
            if (answer.isMissingNode() || answer.isNull()) {
                throw ApiError.badRequest("Missing required booking field response: " + field + " - it is required "
                        + "by the event type booking fields, but missing in the bookingFieldsResponses. You can fetch "
                        + "the event type with ID " + eventType.id() + " to see the required fields.");
            }
        }
        if (settings.emailRequired() && !hasEmail) {
            throw ApiError.badRequest(MSG_EMAIL_REQUIRED);
        }
    }

    private static Attendee attendee(@Nullable JsonNode value, List<FieldError> errors) {
        if (!Values.present(value)) {
            errors.add(FieldError.of("attendee", "attendee should not be null or undefined"));
            return Attendee.of("", null, "UTC", "en", null);
        }
        if (!value.isObject()) {
            errors.add(FieldError.of("attendee", "nested property attendee must be either object or array"));
            return Attendee.of("", null, "UTC", "en", null);
        }
        List<FieldError> children = FieldError.unknown(value, ATTENDEE_KEYS::contains);
        JsonNode name = value.get("name");
        JsonNode email = value.get("email");
        JsonNode zone = value.get("timeZone");
        JsonNode phone = value.get("phoneNumber");
        JsonNode language = value.get("language");
        if (Values.present(email) && !email.isString()) {
            children.add(FieldError.of("email", "email must be a string"));
        }
        boolean hasEmail = Values.present(email)
                && email.isString()
                && !email.stringValue().isBlank();
        boolean hasPhone = Values.present(phone)
                && phone.isString()
                && !phone.stringValue().isBlank();
        if (!hasEmail && !hasPhone) {
            children.add(FieldError.of("attendee email or phone", MSG_CONTACT));
        }
        if (name == null || !name.isString()) {
            children.add(FieldError.of("name", "name must be a string"));
        }
        String zoneName = zone != null && zone.isString() ? zone.stringValue() : null;
        if (!Values.isValidZone(zoneName)) {
            children.add(FieldError.of("timeZone", "timeZone must be a valid IANA time-zone"));
        }
        if (Values.present(phone)) {
            if (!phone.isString()) {
                children.add(FieldError.of("phoneNumber", "phoneNumber must be a string"));
            } else if (!Values.isE164(phone.stringValue())) {
                children.add(FieldError.of("phoneNumber", "phoneNumber must be a valid phone number"));
            }
        }
        String lang = Values.present(language) && language.isString()
                ? language.stringValue()
                : Values.present(language) ? "" : "en";
        if (!LANGUAGES.contains(lang)) {
            children.add(FieldError.of(
                    "language", "language must be one of the following values: " + String.join(", ", LANGUAGES)));
        }
        if (!children.isEmpty()) {
            errors.add(FieldError.nested("attendee", children));
            return Attendee.of("", null, "UTC", "en", null);
        }
        return Attendee.of(
                name.stringValue(),
                hasEmail ? email.stringValue() : null,
                Objects.requireNonNull(zoneName), // an invalid zone returned above
                lang,
                hasPhone ? phone.stringValue() : null);
    }

    /**
     * Cal.com's metadata rule: at most 50 keys of at most 40 characters; strings up to 500, numbers, booleans
     * (packages/platform/types/bookings/2024-08-13/inputs/validators/validate-metadata.ts). The metadata is stored
     * with the booking and returned by every read, list and webhook, which is what lets a client find its own
     * booking again after a lost answer (Slotline's {@code slotlineRequestId}).
     */
    private static @Nullable FieldError metadataError(@Nullable JsonNode value) {
        if (!Values.present(value)) {
            return null;
        }
        List<String> constraints = new ArrayList<>();
        boolean ok = value.isObject() && value.size() <= 50;
        if (ok) {
            for (Map.Entry<String, JsonNode> entry : value.properties()) {
                JsonNode item = entry.getValue();
                boolean valueOk = item.isNumber()
                        || item.isBoolean()
                        || (item.isString() && item.stringValue().length() <= 500);
                if (entry.getKey().length() > 40 || !valueOk) {
                    ok = false;
                    break;
                }
            }
        }
        if (!ok) {
            constraints.add(MSG_METADATA);
        }
        if (!value.isObject()) {
            constraints.add("metadata must be an object");
        }
        return constraints.isEmpty() ? null : new FieldError("metadata", constraints, List.of());
    }

    private static @Nullable String locationText(@Nullable JsonNode location) {
        if (!Values.present(location)) {
            return null;
        }
        if (location.isString()) {
            return location.stringValue().isEmpty() ? null : location.stringValue();
        }
        for (String key : List.of("address", "link", "phone", "location")) {
            JsonNode value = location.get(key);
            if (value != null && value.isString() && !value.stringValue().isEmpty()) {
                return value.stringValue();
            }
        }
        JsonNode integration = location.get("integration");
        if (integration != null
                && integration.isString()
                && !integration.stringValue().equals("cal-video")) {
            return "integrations:" + integration.stringValue();
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> toMap(JsonNode node) {
        return Json.MAPPER.convertValue(node, LinkedHashMap.class);
    }
}
