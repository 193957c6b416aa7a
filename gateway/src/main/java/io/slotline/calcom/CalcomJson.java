package io.slotline.calcom;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads Cal.com's JSON values, lenient where Cal.com varies (missing optional fields, numbers as strings, time
 * formats {@code Z}, {@code .000Z}, {@code +02:00}); {@link CalcomRecords} builds Slotline's records with them and is
 * strict where a wrong value would mislead: those throw {@link MalformedResponse}.
 */
final class CalcomJson {

    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private static final TypeReference<Map<String, Object>> PLAIN_MAP = new TypeReference<>() {};

    private CalcomJson() {}

    static final class MalformedResponse extends RuntimeException {
        MalformedResponse(String message) {
            super(message);
        }
    }

    // ---- scalars

    static @Nullable String text(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull() || node.isContainer()) {
            return null;
        }
        return node.isString() ? node.stringValue() : node.asString();
    }

    static String textOr(JsonNode parent, String field, String fallback) {
        String value = text(parent, field);
        return value != null ? value : fallback;
    }

    static String requiredText(JsonNode parent, String field) {
        String value = text(parent, field);
        if (value == null || value.isBlank()) {
            throw new MalformedResponse("missing " + field);
        }
        return value;
    }

    static @Nullable Long longValue(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isString()) {
            try {
                return Long.parseLong(node.stringValue().trim());
            } catch (NumberFormatException e) {
                throw new MalformedResponse(field + " is not a number");
            }
        }
        throw new MalformedResponse(field + " is not a number");
    }

    static long longOr(JsonNode parent, String field, long fallback) {
        Long value = longValue(parent, field);
        return value != null ? value : fallback;
    }

    static @Nullable Integer intValue(JsonNode parent, String field) {
        Long value = longValue(parent, field);
        if (value == null) {
            return null;
        }
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new MalformedResponse(field + " out of range");
        }
        return value.intValue();
    }

    static int intOr(JsonNode parent, String field, int fallback) {
        Integer value = intValue(parent, field);
        return value != null ? value : fallback;
    }

    static OffsetDateTime offsetDateTime(String text) {
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new MalformedResponse("unreadable time '" + text + "'");
        }
    }

    static Instant instant(String text) {
        return offsetDateTime(text).toInstant();
    }

    static @Nullable Instant optionalInstant(@Nullable String text) {
        return text == null || text.isBlank() ? null : instant(text);
    }

    static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new MalformedResponse("unreadable date key '" + text + "'");
        }
    }

    /** An unknown zone id is not worth failing a whole booking for. */
    static @Nullable ZoneId zone(@Nullable String id) {
        if (id == null || id.isBlank()) {
            return null;
        }
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            return null;
        }
    }

    // ---- containers

    static <T> List<T> list(JsonNode array, Function<JsonNode, T> element) {
        if (!array.isArray()) {
            return List.of();
        }
        List<T> result = new ArrayList<>(array.size());
        for (JsonNode node : array) {
            result.add(element.apply(node));
        }
        return result;
    }

    /** Scalars as text, nested structures as their JSON. */
    static Map<String, String> stringMap(JsonNode object) {
        if (!object.isObject()) {
            return Map.of();
        }
        Map<String, String> result = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : object.properties()) {
            JsonNode value = entry.getValue();
            if (value.isNull()) {
                continue;
            }
            result.put(
                    entry.getKey(),
                    value.isContainer() ? value.toString() : value.isString() ? value.stringValue() : value.asString());
        }
        return Collections.unmodifiableMap(result);
    }

    /** Plain Java values (String, Number, Boolean, List, Map); null values are dropped. */
    static Map<String, Object> plainMap(JsonNode object) {
        if (!object.isObject()) {
            return Map.of();
        }
        Map<String, Object> converted = MAPPER.treeToValue(object, PLAIN_MAP);
        Map<String, Object> result = new LinkedHashMap<>();
        converted.forEach((key, value) -> {
            if (value != null) {
                result.put(key, value);
            }
        });
        return Collections.unmodifiableMap(result);
    }
}
