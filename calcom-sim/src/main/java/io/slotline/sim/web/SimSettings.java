package io.slotline.sim.web;

import io.slotline.sim.config.SimConfig;
import java.util.Iterator;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The run-time configuration: starts as configured at start-up and changes through {@code POST /_sim/config}.
 * A patch is merged field by field into the current configuration; {@code "all"} under {@code latency} or
 * {@code faults} applies to every endpoint group (group entries in the same patch win).
 */
public final class SimSettings {

    private final SimConfig initial;
    private volatile SimConfig current;

    public SimSettings(SimConfig initial) {
        this.initial = initial;
        this.current = initial;
    }

    public SimConfig current() {
        return current;
    }

    public void set(SimConfig config) {
        current = config;
    }

    public SimConfig restoreInitial() {
        current = initial;
        return initial;
    }

    /** Merges a JSON patch; throws {@link IllegalArgumentException} or a Jackson exception on invalid input. */
    public synchronized SimConfig merge(JsonNode patch) {
        if (!patch.isObject()) {
            throw new IllegalArgumentException("config patch must be a JSON object");
        }
        ObjectNode merged = (ObjectNode) Json.tree(current);
        ObjectNode expanded = ((ObjectNode) patch).deepCopy();
        expandAll(expanded, "latency");
        expandAll(expanded, "faults");
        deepMerge(merged, expanded);
        SimConfig config = Json.MAPPER.treeToValue(merged, SimConfig.class);
        current = config;
        return config;
    }

    private static void expandAll(ObjectNode patch, String section) {
        JsonNode groups = patch.get(section);
        if (groups == null || !groups.isObject() || !groups.has("all")) {
            return;
        }
        ObjectNode byGroup = (ObjectNode) groups;
        JsonNode all = byGroup.remove("all");
        for (String group : SimConfig.GROUPS) {
            ObjectNode combined = all.isObject() ? ((ObjectNode) all).deepCopy() : Json.object();
            JsonNode specific = byGroup.get(group);
            if (specific != null && specific.isObject()) {
                deepMerge(combined, (ObjectNode) specific);
            }
            byGroup.set(group, combined);
        }
    }

    private static void deepMerge(ObjectNode target, ObjectNode patch) {
        Iterator<Map.Entry<String, JsonNode>> fields = patch.properties().iterator();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode existing = target.get(field.getKey());
            if (existing != null && existing.isObject() && field.getValue().isObject()) {
                deepMerge((ObjectNode) existing, (ObjectNode) field.getValue());
            } else {
                target.set(field.getKey(), field.getValue());
            }
        }
    }
}
