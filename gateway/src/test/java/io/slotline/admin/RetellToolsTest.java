package io.slotline.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slotline.functions.FunctionDispatcher;
import io.slotline.functions.FunctionHandler;
import io.slotline.tenancy.TenantImporter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class RetellToolsTest extends AdminApiTestSupport {

    @Autowired
    FunctionDispatcher dispatcher;

    @Autowired
    JsonMapper applicationJson;

    @Autowired
    TenantImporter importer;

    @Test
    void toolsThatMayAskCalcomSpeakWhileTheyRunAndKeepWhatLaterToolsNeed() {
        Map<String, JsonNode> byName = new java.util.HashMap<>();
        tools().forEach(tool -> byName.put(tool.path("name").asString(), tool));

        assertThat(byName.get("check_availability")
                        .path("speak_during_execution")
                        .asBoolean())
                .isTrue();
        assertThat(byName.get("book_appointment")
                        .path("execution_message_description")
                        .asString())
                .isNotBlank();
        assertThat(byName.get("list_services").path("speak_during_execution").asBoolean())
                .isFalse();
        assertThat(byName.get("book_appointment")
                        .path("response_variables")
                        .path("appointment_id")
                        .asString())
                .isEqualTo("appointment.id");
        assertThat(byName.get("book_appointment").path("timeout_ms").asInt())
                .as("slotline.functions.tool-timeout: every deadline fits inside")
                .isEqualTo(10_000);
        assertThat(byName.get("book_appointment").has("args_at_root")).isFalse();
    }

    @Test
    void argsOnlyToolsCarryTheCallInRetellsSystemVariables() {
        Response response = get("/admin/api/retell/tools?payload=args_only");

        assertThat(response.status()).isEqualTo(200);
        response.json().forEach(tool -> {
            assertThat(tool.path("args_at_root").asBoolean()).isTrue();
            JsonNode headers = tool.path("headers");
            assertThat(headers.path("X-Slotline-Call-Id").asString()).isEqualTo("{{call_id}}");
            assertThat(headers.path("X-Slotline-Caller-Number").asString()).isEqualTo("{{user_number}}");
            assertThat(headers.path("X-Slotline-Dialled-Number").asString()).isEqualTo("{{agent_number}}");
        });
        assertThat(get("/admin/api/retell/tools?payload=xml").status()).isEqualTo(400);
    }

    @Test
    void theCompanysAgentIsACompleteRetellLlmInItsLanguage() {
        importer.apply(new ClassPathResource("demo/demo-salon.yaml"));
        long salon = jdbc.sql("SELECT id FROM companies WHERE slug = 'demo-salon'")
                .query(Long.class)
                .single();

        Response full = get("/admin/api/companies/" + salon + "/retell/agent");
        Response argsOnly = get("/admin/api/companies/" + salon + "/retell/agent?payload=args_only");

        assertThat(full.status()).isEqualTo(200);
        JsonNode llm = full.json();
        assertThat(llm.path("start_speaker").asString()).isEqualTo("agent");
        assertThat(llm.path("begin_message").asString()).isEqualTo("{{greeting}}");
        String prompt = llm.path("general_prompt").asString();
        assertThat(prompt)
                .contains(
                        "{{today_spoken}}",
                        "{{local_time}}",
                        "{{services}}",
                        "{{caller_name}}",
                        "Sie-Form",
                        "check_availability",
                        "book_appointment",
                        "alternatives",
                        "message");
        assertThat(prompt).doesNotContain("{{current_time}}");
        List<String> tools = new ArrayList<>();
        llm.path("general_tools").forEach(tool -> tools.add(tool.path("name").asString()));
        assertThat(tools)
                .contains(
                        "check_availability",
                        "book_appointment",
                        "get_current_context",
                        "end_call",
                        "transfer_to_staff");
        llm.path("general_tools").forEach(tool -> {
            if (tool.path("type").asString().equals("transfer_call")) {
                assertThat(tool.path("transfer_destination").path("number").asString())
                        .isEqualTo("{{branch_phone}}");
            }
        });
        assertThat(llm.path("default_dynamic_variables").path("company_name").asString())
                .isEqualTo("Demo Salon");
        assertThat(argsOnly.json()
                        .path("general_tools")
                        .path(0)
                        .path("headers")
                        .path("X-Slotline-Company")
                        .asString())
                .isEqualTo("demo-salon");
        assertThat(get("/admin/api/companies/999999/retell/agent").status()).isEqualTo(404);
    }

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
        assertThat(names)
                .containsExactlyInAnyOrderElementsOf(dispatcher.handlers().stream()
                        .map(FunctionHandler::name)
                        .toList());
        assertThat(names).contains("get_current_context");
        for (JsonNode tool : tools) {
            String name = tool.path("name").asString();
            assertThat(tool.path("type").asString()).isEqualTo("custom");
            assertThat(tool.path("method").asString()).isEqualTo("POST");
            assertThat(tool.path("url").asString()).isEqualTo(url("/retell/functions/" + name));
            assertThat(tool.path("description").asString())
                    .isEqualTo(dispatcher.handler(name).orElseThrow().description());
            assertThat(tool.path("speak_after_execution").asBoolean()).isTrue();
            assertThat(tool.path("timeout_ms").asInt()).isBetween(1_000, 600_000);
        }
    }

    @Test
    void theParametersAreValidJsonSchemas() {
        for (JsonNode tool : tools()) {
            JsonNode parameters = tool.path("parameters");
            assertThat(parameters.path("type").asString())
                    .as(tool.path("name").asString())
                    .isEqualTo("object");
            assertThat(JsonSchemas.metaSchemaErrors(parameters))
                    .as(tool.path("name").asString())
                    .isEmpty();
        }
    }

    /** The schema and the dispatcher's parser agree: what one accepts the other does, and wrong types fail both. */
    @Test
    void validArgumentsParseAndWrongTypedOnesFailTheSchemaAndTheParser() {
        JsonMapper parser = applicationJson
                .rebuild()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        for (JsonNode tool : tools()) {
            String name = tool.path("name").asString();
            JsonNode schema = tool.path("parameters");
            Class<?> argsType = dispatcher.handler(name).orElseThrow().argsType();
            JsonNode sample = JsonSchemas.validSample(schema);

            assertThat(JsonSchemas.errors(schema, sample))
                    .as(name + " " + sample)
                    .isEmpty();
            assertThat(parser.treeToValue(sample, argsType)).as(name).isNotNull();
            assertThat(JsonSchemas.errors(schema, json.createArrayNode()))
                    .as(name)
                    .isNotEmpty();

            for (Map.Entry<String, JsonNode> property :
                    schema.path("properties").properties()) {
                JsonNode wrong = JsonSchemas.wrongTyped(property.getValue());
                if (wrong == null) {
                    continue;
                }
                ObjectNode broken = ((ObjectNode) sample.deepCopy()).set(property.getKey(), wrong);
                assertThat(JsonSchemas.errors(schema, broken))
                        .as(name + "." + property.getKey())
                        .isNotEmpty();
                assertThatThrownBy(() -> parser.treeToValue(broken, argsType))
                        .as(name + "." + property.getKey())
                        .isInstanceOf(JacksonException.class);
            }
        }
    }
}
