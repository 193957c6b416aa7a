package io.slotline.admin;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.slotline.functions.FunctionDispatcher;
import io.slotline.functions.FunctionHandler;
import io.slotline.functions.FunctionProperties;
import io.slotline.functions.MutatingFunction;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Retell custom-function definitions for every function the dispatcher serves. */
@RestController
@Tag(name = "Retell", description = "tool definitions and agents for Retell")
class RetellToolsController {

    private final FunctionDispatcher dispatcher;
    /** Retell waits 120 s by default; a caller in silence does not. Every function's deadline fits inside it. */
    private final int timeoutMs;
    private final ArgsSchemas schemas;
    private final @Nullable String publicBaseUrl;

    RetellToolsController(FunctionDispatcher dispatcher, JsonMapper json, FunctionProperties functions,
            @Value("${slotline.public-base-url:}") @Nullable String publicBaseUrl) {
        this.dispatcher = dispatcher;
        this.timeoutMs = (int) functions.toolTimeout().toMillis();
        this.schemas = new ArgsSchemas(json);
        this.publicBaseUrl = publicBaseUrl == null || publicBaseUrl.isBlank() ? null : publicBaseUrl.trim();
    }

    @GetMapping(path = AdminConfiguration.API_PREFIX + "/retell/tools", produces = "application/json")
    @Operation(summary = "Custom-function definitions to paste into the Retell agent's tools",
            description = "One entry per function: name, description, JSON Schema of the arguments (generated from "
                    + "the record the gateway parses them into) and the URL, based on slotline.public-base-url "
                    + "or, when unset, on this request's host.")
    List<RetellTool> tools() {
        String base = stripTrailingSlash(publicBaseUrl != null ? publicBaseUrl
                : ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString());
        return dispatcher.handlers().stream()
                .map(handler -> tool(base, handler))
                .toList();
    }

    private RetellTool tool(String base, FunctionHandler<?> handler) {
        boolean mutating = handler instanceof MutatingFunction<?>;
        return new RetellTool("custom", handler.name(), handler.description(),
                base + "/retell/functions/" + handler.name(), "POST", schemas.schemaOf(handler.argsType()),
                mutating, mutating ? "Tell the caller briefly, in their language, that you are taking care of it now."
                        : null,
                true, timeoutMs);
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Retell's custom tool, in Retell's field names. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RetellTool(String type, String name, String description, String url, String method, ObjectNode parameters,
            @JsonProperty("speak_during_execution") boolean speakDuringExecution,
            @JsonProperty("execution_message_description") @Nullable String executionMessageDescription,
            @JsonProperty("speak_after_execution") boolean speakAfterExecution,
            @JsonProperty("timeout_ms") int timeoutMs) {
    }
}
