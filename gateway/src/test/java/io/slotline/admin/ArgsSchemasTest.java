package io.slotline.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ArgsSchemasTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private final ArgsSchemas schemas = new ArgsSchemas(json);

    enum Preference {
        MORNING,
        AFTERNOON
    }

    @JsonClassDescription("who the appointment is for")
    record Person(
            @JsonProperty(required = true) @JsonPropertyDescription("full name")
            String name,

            @Nullable String phone) {}

    record Everything(
            @JsonProperty(required = true) @JsonPropertyDescription("the service as the caller said it")
            String service,

            @JsonProperty("spoken_day") @Nullable String day,
            int count,
            @Nullable Integer staffId,
            boolean confirmed,
            @Nullable List<String> alternatives,
            @Nullable Person person,
            @Nullable Preference preference,
            @Nullable LocalDate date,
            @Nullable LocalTime time,
            Optional<String> note,
            @Nullable Map<String, Integer> extras,
            @JsonIgnore @Nullable String internal) {}

    record Empty() {}

    record Node(@Nullable String label, @Nullable List<Node> children) {}

    @Test
    void mapsJavaTypesToJsonSchemaTypes() {
        JsonNode schema = schemas.schemaOf(Everything.class);
        JsonNode properties = schema.path("properties");

        assertThat(schema.path("type").asString()).isEqualTo("object");
        assertThat(properties.path("service").path("type").asString()).isEqualTo("string");
        assertThat(properties.path("service").path("description").asString())
                .isEqualTo("the service as the caller said it");
        assertThat(properties.path("count").path("type").asString()).isEqualTo("integer");
        assertThat(properties.path("staffId").path("type").asString()).isEqualTo("integer");
        assertThat(properties.path("confirmed").path("type").asString()).isEqualTo("boolean");
        assertThat(properties.path("alternatives").path("type").asString()).isEqualTo("array");
        assertThat(properties.path("alternatives").path("items").path("type").asString())
                .isEqualTo("string");
        assertThat(properties.path("person").path("type").asString()).isEqualTo("object");
        assertThat(properties.path("person").path("description").asString()).isEqualTo("who the appointment is for");
        assertThat(properties
                        .path("person")
                        .path("properties")
                        .path("name")
                        .path("description")
                        .asString())
                .isEqualTo("full name");
        assertThat(properties.path("person").path("required").toString()).isEqualTo("[\"name\"]");
        assertThat(properties.path("preference").path("enum").toString()).isEqualTo("[\"MORNING\",\"AFTERNOON\"]");
        assertThat(properties.path("date").path("format").asString()).isEqualTo("date");
        assertThat(properties.path("time").path("type").asString()).isEqualTo("string");
        assertThat(properties.path("note").path("type").asString()).isEqualTo("string");
        assertThat(properties
                        .path("extras")
                        .path("additionalProperties")
                        .path("type")
                        .asString())
                .isEqualTo("integer");
    }

    @Test
    void namesAndRequiredPropertiesAreJacksonsOwn() {
        JsonNode schema = schemas.schemaOf(Everything.class);

        assertThat(schema.path("properties").has("spoken_day")).isTrue();
        assertThat(schema.path("properties").has("day")).isFalse();
        assertThat(schema.path("properties").has("internal")).isFalse();
        // Jackson 3 refuses a missing primitive creator property, so the schema must demand it
        assertThat(schema.path("required").toString()).isEqualTo("[\"service\",\"count\",\"confirmed\"]");
        assertThat(schema.has("additionalProperties")).isFalse();
    }

    @Test
    void theSchemaAcceptsWhatTheParserAcceptsAndRefusesWrongTypes() {
        JsonNode schema = schemas.schemaOf(Everything.class);
        JsonNode sample = JsonSchemas.validSample(schema);

        assertThat(JsonSchemas.metaSchemaErrors(schema)).isEmpty();
        assertThat(JsonSchemas.errors(schema, sample)).isEmpty();
        Everything parsed = json.treeToValue(sample, Everything.class);
        assertThat(parsed.service()).isEqualTo("Herrenhaarschnitt");
        assertThat(parsed.time()).isEqualTo(LocalTime.of(10, 0));

        var missingRequired = sample.deepCopy();
        ((tools.jackson.databind.node.ObjectNode) missingRequired).remove("count");
        assertThat(JsonSchemas.errors(schema, missingRequired)).isNotEmpty();
        assertThatThrownBy(() -> json.treeToValue(missingRequired, Everything.class))
                .isInstanceOf(tools.jackson.core.JacksonException.class);
    }

    @Test
    void emptyArgsAreAnObjectWithoutProperties() {
        JsonNode schema = schemas.schemaOf(Empty.class);

        assertThat(schema.toString()).isEqualTo("{\"type\":\"object\",\"properties\":{}}");
        assertThat(JsonSchemas.metaSchemaErrors(schema)).isEmpty();
    }

    @Test
    void recursiveTypesEndInAnOpenObject() {
        JsonNode schema = schemas.schemaOf(Node.class);

        JsonNode inner = schema.path("properties").path("children").path("items");
        assertThat(inner.path("type").asString()).isEqualTo("object");
        assertThat(inner.has("properties")).isFalse();
        assertThat(JsonSchemas.metaSchemaErrors(schema)).isEmpty();
    }

    @Test
    void argumentsMustBeAnObjectType() {
        assertThatThrownBy(() -> schemas.schemaOf(String.class)).isInstanceOf(IllegalArgumentException.class);
    }
}
