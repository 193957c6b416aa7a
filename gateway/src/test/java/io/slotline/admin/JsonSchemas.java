package io.slotline.admin;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** JSON Schema checks for the Retell tool definitions: meta-schema validity, instances built from a schema. */
final class JsonSchemas {

    private static final SchemaRegistry REGISTRY =
            SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Schema META_SCHEMA =
            REGISTRY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonSchemas() {}

    /** Violations of the draft 2020-12 meta-schema. */
    static List<Error> metaSchemaErrors(JsonNode schema) {
        return META_SCHEMA.validate(schema);
    }

    static List<Error> errors(JsonNode schema, JsonNode instance) {
        return REGISTRY.getSchema(schema).validate(instance);
    }

    /** An instance with every property set to a value of its declared type. */
    static JsonNode validSample(JsonNode schema) {
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        String type = schema.path("type").asString("");
        return switch (type) {
            case "object" -> {
                ObjectNode object = JSON.createObjectNode();
                for (Map.Entry<String, JsonNode> property :
                        schema.path("properties").properties()) {
                    object.set(property.getKey(), validSample(property.getValue()));
                }
                yield object;
            }
            case "array" -> {
                ArrayNode array = JSON.createArrayNode();
                array.add(validSample(schema.path("items")));
                yield array;
            }
            case "integer" -> JSON.getNodeFactory().numberNode(2);
            case "number" -> JSON.getNodeFactory().numberNode(2.5);
            case "boolean" -> JSON.getNodeFactory().booleanNode(true);
            case "string" -> JSON.getNodeFactory().stringNode(sampleString(schema));
            default -> JSON.getNodeFactory().stringNode("anything");
        };
    }

    /** A value of a type the property's schema (and Jackson) refuse: objects for scalars, scalars for containers. */
    static JsonNode wrongTyped(JsonNode schema) {
        String type = schema.path("type").asString("");
        return switch (type) {
            case "object", "array" -> JSON.getNodeFactory().numberNode(42);
            case "" -> null;
            default -> JSON.createObjectNode().put("unexpected", true);
        };
    }

    private static String sampleString(JsonNode schema) {
        String format = schema.path("format").asString("");
        String pattern = schema.path("pattern").asString("");
        if ("date".equals(format)) {
            return "2026-03-02";
        }
        if ("date-time".equals(format)) {
            return "2026-03-02T10:00:00Z";
        }
        if ("uuid".equals(format)) {
            return "3f1c2b8e-2d4a-4a8e-9c55-0f5d3a9b7e21";
        }
        if (pattern.contains("T")) {
            return "2026-03-02T10:00";
        }
        if (!pattern.isEmpty()) {
            return "10:00";
        }
        return "Herrenhaarschnitt";
    }
}
