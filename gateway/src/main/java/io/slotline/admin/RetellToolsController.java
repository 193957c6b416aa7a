package io.slotline.admin;

import io.slotline.retell.RetellAgentConfiguration;
import io.slotline.retell.RetellAgentConfiguration.PayloadMode;
import io.slotline.tenancy.Company;
import io.slotline.tenancy.TenantDirectory;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/** Retell custom-function definitions for every function the dispatcher serves, and a company's whole agent. */
@RestController
@Tag(name = "Retell", description = "tool definitions and agents for Retell")
class RetellToolsController {

    private final RetellAgentConfiguration configuration;
    private final TenantDirectory directory;
    private final ArgsSchemas schemas;
    private final @Nullable String publicBaseUrl;

    RetellToolsController(
            RetellAgentConfiguration configuration,
            TenantDirectory directory,
            JsonMapper json,
            @Value("${slotline.public-base-url:}") @Nullable String publicBaseUrl) {
        this.configuration = configuration;
        this.directory = directory;
        this.schemas = new ArgsSchemas(json);
        this.publicBaseUrl = publicBaseUrl == null || publicBaseUrl.isBlank() ? null : publicBaseUrl.trim();
    }

    @GetMapping(path = AdminConfiguration.API_PREFIX + "/retell/tools", produces = "application/json")
    @Operation(
            summary = "Custom-function definitions to paste into the Retell agent's tools",
            description = "One entry per function: name, description, JSON Schema of the arguments (generated from "
                    + "the record the gateway parses them into), the URL (based on slotline.public-base-url or, "
                    + "when unset, on this request's host), filler speech where Cal.com may be asked, timeout_ms "
                    + "(slotline.functions.tool-timeout) and response_variables. payload=args_only adds "
                    + "args_at_root and the headers that carry the call ({{call_id}}, {{user_number}}, "
                    + "{{agent_number}}, {{direction}}).")
    List<Map<String, Object>> tools(
            @Parameter(description = "full (default) or args_only") @RequestParam(defaultValue = "full")
                    String payload) {
        return configuration.tools(baseUrl(), mode(payload), null, schemas::schemaOf);
    }

    @GetMapping(
            path = AdminConfiguration.API_PREFIX + "/companies/{companyId}/retell/agent",
            produces = "application/json")
    @Operation(
            summary = "A complete Retell LLM for the company, to POST to Retell's /create-retell-llm",
            description = "General prompt in the company's language (its dynamic variables and how to use each "
                    + "function), begin message ({{greeting}}: the caller's name when known), default dynamic "
                    + "variables, the custom functions and Retell's end_call and transfer_call (to "
                    + "{{branch_phone}}). payload=args_only: the tools carry the call in headers, with the "
                    + "company's slug for web calls.")
    Map<String, Object> agent(
            @PathVariable long companyId,
            @Parameter(description = "full (default) or args_only") @RequestParam(defaultValue = "full")
                    String payload) {
        Company company =
                directory.companyUncached(companyId).orElseThrow(() -> AdminException.notFound("company " + companyId));
        return configuration.llm(company, baseUrl(), mode(payload), schemas::schemaOf);
    }

    private static PayloadMode mode(String payload) {
        return switch (payload.trim().toLowerCase(Locale.ROOT)) {
            case "full" -> PayloadMode.FULL;
            case "args_only", "args-only" -> PayloadMode.ARGS_ONLY;
            default -> throw AdminException.invalid("payload", "payload must be full or args_only");
        };
    }

    private String baseUrl() {
        String base = publicBaseUrl != null
                ? publicBaseUrl
                : ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
