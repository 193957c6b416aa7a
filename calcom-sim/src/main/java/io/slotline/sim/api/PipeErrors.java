package io.slotline.sim.api;

import io.slotline.sim.web.ApiError;
import io.slotline.sim.web.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Errors of Cal.com's global ValidationPipe (endpoints without their own pipe): the message is the generic
 * "Bad Request Exception" and each failing property is an entry of {@code details.errors}.
 */
final class PipeErrors {

    private final List<ObjectNode> errors = new ArrayList<>();

    void add(String property, String constraint, String message) {
        Map<String, String> constraints = new LinkedHashMap<>();
        constraints.put(constraint, message);
        add(property, constraints);
    }

    void add(String property, Map<String, String> constraints) {
        ObjectNode error = Json.object();
        error.put("property", property);
        error.putArray("children");
        ObjectNode values = error.putObject("constraints");
        constraints.forEach(values::put);
        errors.add(error);
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    void throwIfAny() {
        if (errors.isEmpty()) {
            return;
        }
        ObjectNode details = Json.object();
        ArrayNode list = details.putArray("errors");
        errors.forEach(list::add);
        throw new ApiError(400, "Bad Request Exception", details, false);
    }
}
