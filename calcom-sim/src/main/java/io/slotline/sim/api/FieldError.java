package io.slotline.sim.api;

import io.slotline.sim.web.ApiError;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * A class-validator error as Cal.com's version-specific pipes flatten it into the error message:
 * {@code "<property> property is wrong,<constraints> <children>"}, items joined by {@code ", "} (the trailing space
 * is part of the real format).
 */
record FieldError(String property, List<String> constraints, List<FieldError> children) {

    static FieldError of(String property, String... constraints) {
        return new FieldError(property, List.of(constraints), List.of());
    }

    static FieldError notAllowed(String property) {
        return of(property, "property " + property + " should not exist");
    }

    /** The properties of {@code object} that {@code known} does not accept, as the whitelist refuses them. */
    static List<FieldError> unknown(JsonNode object, Predicate<String> known) {
        List<FieldError> errors = new ArrayList<>();
        for (String key : object.propertyNames()) {
            if (!known.test(key)) {
                errors.add(notAllowed(key));
            }
        }
        return errors;
    }

    /** Each of {@code keys} that is present in {@code body} must be a string. */
    static void strings(JsonNode body, List<String> keys, List<FieldError> errors) {
        for (String key : keys) {
            if (Values.present(body.get(key)) && !body.get(key).isString()) {
                errors.add(of(key, key + " must be a string"));
            }
        }
    }

    /** Each of {@code keys} that is present in {@code body} must be a boolean. */
    static void booleans(JsonNode body, List<String> keys, List<FieldError> errors) {
        for (String key : keys) {
            if (Values.present(body.get(key)) && !body.get(key).isBoolean()) {
                errors.add(of(key, key + " must be a boolean value"));
            }
        }
    }

    static FieldError nested(String property, List<FieldError> children) {
        return new FieldError(property, List.of(), List.copyOf(children));
    }

    static String format(List<FieldError> errors) {
        return errors.stream()
                .map(e -> e.property() + " property is wrong," + String.join(", ", e.constraints()) + " "
                        + format(e.children()))
                .collect(Collectors.joining(", "));
    }

    static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw ApiError.badRequest(format(errors));
        }
    }
}
