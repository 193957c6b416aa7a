package io.slotline.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.slotline.functions.FunctionDispatcher;
import io.slotline.functions.FunctionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetellToolsTest extends AdminApiTestSupport {

    @Autowired
    FunctionDispatcher dispatcher;

    @Autowired
    JsonMapper applicationJson;

    private JsonNode tools() {
        Response response = get("/admin/api/retell/tools");
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }

    @Test
    void everyFunctionHasADefinitionWithItsUrl() {
        JsonNode tools = tools();

        List<String> names = new ArrayList<>();
        tools.forEach(tool -> names.add(tool.path("name").asString()));
        assertThat(names).containsExactlyInAnyOrderElementsOf(
                dispatcher.handlers().stream().map(FunctionHandler::name).toList());
        assertThat(names).contains("get_current_context");
        for (JsonNode tool : tools) {
            String name = tool.path("name").asString();
            assertThat(tool.path("type").asString()).isEqualTo("custom");
            assertThat(tool.path("method").asString()).isEqualTo("POST");
            assertThat(tool.path("url").asString()).isEqualTo(url("/retell/functions/" + name));
            assertThat(tool.path("description").asString()).isEqualTo(dispatcher.handler(name).orElseThrow().description());
            assertThat(tool.path("speak_after_execution").asBoolean()).isTrue();
            assertThat(tool.path("timeout_ms").asInt()).isBetween(1_000, 600_000);
        }
    }

    @Test
    void theParametersAreValidJsonSchemas() {
        for (JsonNode tool : tools()) {
            JsonNode parameters = tool.path("parameters");
            assertThat(parameters.path("type").asString()).as(tool.path("name").asString()).isEqualTo("object");
            assertThat(JsonSchemas.metaSchemaErrors(parameters)).as(tool.path("name").asString()).isEmpty();
        }
    }

    /** The schema and the dispatcher's parser agree: what one accepts the other does, and wrong types fail both. */
    @Test
    void validArgumentsParseAndWrongTypedOnesFailTheSchemaAndTheParser() {
        JsonMapper parser = applicationJson.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        for (JsonNode tool : tools()) {
            String name = tool.path("name").asString();
            JsonNode schema = tool.path("parameters");
            Class<?> argsType = dispatcher.handler(name).orElseThrow().argsType();
            JsonNode sample = JsonSchemas.validSample(schema);

            assertThat(JsonSchemas.errors(schema, sample)).as(name + " " + sample).isEmpty();
            assertThat(parser.treeToValue(sample, argsType)).as(name).isNotNull();
            assertThat(JsonSchemas.errors(schema, json.createArrayNode())).as(name).isNotEmpty();

            for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
                JsonNode wrong = JsonSchemas.wrongTyped(property.getValue());
                if (wrong == null) {
                    continue;
                }
                ObjectNode broken = ((ObjectNode) sample.deepCopy()).set(property.getKey(), wrong);
                assertThat(JsonSchemas.errors(schema, broken)).as(name + "." + property.getKey()).isNotEmpty();
                assertThatThrownBy(() -> parser.treeToValue(broken, argsType)).as(name + "." + property.getKey())
                        .isInstanceOf(JacksonException.class);
            }
        }
    }
}
