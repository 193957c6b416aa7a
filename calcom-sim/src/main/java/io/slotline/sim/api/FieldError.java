package io.slotline.sim.api;

import io.slotline.sim.web.ApiError;
import java.util.List;
import java.util.stream.Collectors;

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
