package io.slotline.admin;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.introspect.BeanPropertyDefinition;
import tools.jackson.databind.introspect.ClassIntrospector;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON Schema (draft 2020-12 vocabulary) of a function's arguments, read from its args type through the mapper
 * that parses them: property names, descriptions ({@code @JsonPropertyDescription}) and required properties
 * ({@code @JsonProperty(required = true)}, and primitives when the mapper refuses missing ones) are Jackson's own
 * view of the record, so the schema Retell's LLM follows and the parser can't disagree.
 */
final class ArgsSchemas {

    private final JsonMapper mapper;
    private final DeserializationConfig config;
    private final ClassIntrospector introspector;

    ArgsSchemas(JsonMapper mapper) {
        this.mapper = mapper;
        this.config = mapper.deserializationConfig();
        this.introspector = config.classIntrospectorInstance().forOperation(config);
    }

    /** An object schema; additional properties are allowed because the dispatcher ignores them. */
    ObjectNode schemaOf(Class<?> argsType) {
        ObjectNode schema = schema(mapper.constructType(argsType), new HashSet<>());
        if (!"object".equals(schema.path("type").asString(""))) {
            throw new IllegalArgumentException("function arguments must be an object type, not " + argsType.getName());
        }
        return schema;
    }

    private ObjectNode schema(JavaType type, Set<Class<?>> enclosing) {
        Class<?> raw = type.getRawClass();
        ObjectNode schema = mapper.createObjectNode();
        if (type.isReferenceType()) {
            // Optional<T> and friends: absent or T
            return schema(type.getReferencedType(), enclosing);
        }
        if (raw == String.class || raw == CharSequence.class || raw == char.class || raw == Character.class) {
            return schema.put("type", "string");
        }
        if (raw == int.class
                || raw == Integer.class
                || raw == long.class
                || raw == Long.class
                || raw == short.class
                || raw == Short.class
                || raw == byte.class
                || raw == Byte.class
                || raw == BigInteger.class) {
            return schema.put("type", "integer");
        }
        if (raw == double.class
                || raw == Double.class
                || raw == float.class
                || raw == Float.class
                || raw == BigDecimal.class) {
            return schema.put("type", "number");
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return schema.put("type", "boolean");
        }
        if (type.isEnumType()) {
            schema.put("type", "string");
            ArrayNode values = schema.putArray("enum");
            for (Object constant : raw.getEnumConstants()) {
                values.add(mapper.valueToTree(constant));
            }
            return schema;
        }
        if (raw == LocalDate.class) {
            return schema.put("type", "string").put("format", "date");
        }
        if (raw == LocalTime.class) {
            return schema.put("type", "string").put("pattern", "^[0-2][0-9]:[0-5][0-9](:[0-5][0-9])?$");
        }
        if (raw == LocalDateTime.class) {
            return schema.put("type", "string")
                    .put("pattern", "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-2][0-9]:[0-5][0-9](:[0-5][0-9])?$");
        }
        if (raw == Instant.class || raw == OffsetDateTime.class || raw == ZonedDateTime.class) {
            return schema.put("type", "string").put("format", "date-time");
        }
        if (raw == UUID.class) {
            return schema.put("type", "string").put("format", "uuid");
        }
        if (type.isArrayType() || type.isCollectionLikeType()) {
            schema.put("type", "array");
            schema.set("items", schema(type.getContentType(), enclosing));
            return schema;
        }
        if (type.isMapLikeType()) {
            schema.put("type", "object");
            schema.set("additionalProperties", schema(type.getContentType(), enclosing));
            return schema;
        }
        if (raw == Object.class || JsonNode.class.isAssignableFrom(raw)) {
            return schema;
        }
        return object(type, enclosing, schema);
    }

    private ObjectNode object(JavaType type, Set<Class<?>> enclosing, ObjectNode schema) {
        Class<?> raw = type.getRawClass();
        schema.put("type", "object");
        JsonClassDescription classDescription = raw.getAnnotation(JsonClassDescription.class);
        if (classDescription != null && !classDescription.value().isBlank()) {
            schema.put("description", classDescription.value());
        }
        if (!enclosing.add(raw)) {
            // a recursive type: describe the inner occurrence as an open object rather than recursing forever
            return schema;
        }
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = mapper.createArrayNode();
        BeanDescription description =
                introspector.introspectForDeserialization(type, introspector.introspectClassAnnotations(type));
        List<BeanPropertyDefinition> candidates = description.findProperties();
        // collected while finding the properties, so only complete after findProperties()
        Set<String> ignored = description.getIgnoredPropertyNames();
        for (BeanPropertyDefinition property : candidates) {
            // an ignored record component still has a creator parameter, but Jackson never fills it from JSON
            if (!property.couldDeserialize() || ignored.contains(property.getName())) {
                continue;
            }
            JavaType propertyType = property.getPrimaryType();
            ObjectNode propertySchema = schema(propertyType, enclosing);
            String text = property.getMetadata().getDescription();
            if (text != null && !text.isBlank()) {
                propertySchema.put("description", text);
            }
            properties.set(property.getName(), propertySchema);
            if (required(property, propertyType)) {
                required.add(property.getName());
            }
        }
        if (!required.isEmpty()) {
            schema.set("required", required);
        }
        enclosing.remove(raw);
        return schema;
    }

    /** Whatever the parser would refuse to do without. */
    private boolean required(BeanPropertyDefinition property, JavaType type) {
        if (property.getMetadata().isRequired()) {
            return true;
        }
        if (type.isPrimitive()
                && property.hasConstructorParameter()
                && config.isEnabled(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)) {
            return true;
        }
        return property.hasConstructorParameter()
                && config.isEnabled(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);
    }
}
