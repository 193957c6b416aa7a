package io.slotline.retell;

import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.slotline.functions.CallContext;
import io.slotline.functions.FunctionDispatcher;
import io.slotline.functions.FunctionRequestException;
import io.slotline.functions.FunctionResult;
import io.slotline.observability.RequestLogContext;
import io.slotline.speech.MessageKey;
import io.slotline.speech.Messages;
import io.slotline.tenancy.Language;
import io.slotline.tenancy.TenantContext;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.JsonNode;

/**
 * Retell custom function calls: {@code {"name","args","call"}}, or on the per-name route the "args only" payload
 * with the tenant named by a configured header or query parameter.
 */
@RestController
class FunctionCallController {

    private static final Logger log = LoggerFactory.getLogger(FunctionCallController.class);

    private final FunctionDispatcher dispatcher;
    private final CallContextResolver contexts;
    private final RetellProperties properties;

    FunctionCallController(FunctionDispatcher dispatcher, CallContextResolver contexts, RetellProperties properties) {
        this.dispatcher = dispatcher;
        this.contexts = contexts;
        this.properties = properties;
    }

    @PostMapping(path = "/retell/functions/{name}", produces = "application/json")
    ResponseEntity<Map<String, @Nullable Object>> byPath(@PathVariable String name, HttpServletRequest request) {
        VerifiedRetellRequest verified = VerifiedRetellRequest.from(request);
        JsonNode body = requireObject(verified);
        String declared = RetellPayloads.text(body, "name");
        if (declared != null && body.has("call") && !declared.equals(name)) {
            // the tool's URL points at another function: a setup mistake the caller must not pay for with silence
            log.warn("Retell tool '{}' posts to /retell/functions/{}: fix the tool's URL", declared, name);
            RequestLogContext.function(name);
            Language language = verified.tenant() == null ? null : verified.tenant().company().language();
            return ResponseEntity.ok(FunctionResult.notOk("function_mismatch", speakable(MessageKey.TOOL_MISCONFIGURED,
                    language), Map.of("detail", "the body names '" + declared + "', the URL '" + name + "'"))
                    .body());
        }
        JsonNode call = body.get("call");
        boolean wrapped = call != null && call.isObject();
        return wrapped ? call(name, body.get("args"), call, verified)
                : argsOnly(name, body, verified, request);
    }

    @PostMapping(path = "/retell/functions", produces = "application/json")
    ResponseEntity<Map<String, @Nullable Object>> byBody(HttpServletRequest request) {
        VerifiedRetellRequest verified = VerifiedRetellRequest.from(request);
        JsonNode body = requireObject(verified);
        String name = RetellPayloads.text(body, "name");
        if (name == null) {
            throw new RetellRequestException("missing_name", "body must name the function in \"name\"");
        }
        JsonNode call = body.get("call");
        if (call == null || !call.isObject()) {
            throw new RetellRequestException("missing_call", "body must carry the \"call\" object");
        }
        return call(name, body.get("args"), call, verified);
    }

    private ResponseEntity<Map<String, @Nullable Object>> call(String name, @Nullable JsonNode args, JsonNode call,
                                                             VerifiedRetellRequest verified) {
        TenantContext tenant = verified.tenant();
        RequestLogContext.function(name);
        if (tenant == null) {
            return ResponseEntity.ok(unknownNumber().body());
        }
        // a bad request (unknown function, wrong argument types) is refused before the call is recorded
        FunctionDispatcher.PreparedCall prepared = dispatcher.prepare(name, args);
        String retellCallId = RetellPayloads.text(call, "call_id");
        if (retellCallId == null) {
            throw new RetellRequestException("missing_call_id", "call.call_id is required");
        }
        RequestLogContext.callId(retellCallId);
        RequestLogContext.company(tenant.company().slug());
        // resolving reads the database: inside the function's deadline
        return respond(prepared.run(tenant.company().language(), () -> contexts.resolve(tenant, call, name)));
    }

    private ResponseEntity<Map<String, @Nullable Object>> argsOnly(String name, JsonNode args,
                                                                 VerifiedRetellRequest verified,
                                                                 HttpServletRequest request) {
        TenantContext tenant = verified.tenant();
        RequestLogContext.function(name);
        if (tenant == null) {
            throw new RetellRequestException("unknown_tenant", "an args-only call must name a known dialled number in "
                    + properties.tenantHeader() + " or ?" + properties.tenantQueryParam() + "=");
        }
        FunctionDispatcher.PreparedCall prepared = dispatcher.prepare(name, args);
        String callId = request.getHeader(properties.callIdHeader());
        String syntheticId = "argsonly-" + UUID.randomUUID();
        RequestLogContext.callId(callId != null && !callId.isBlank() ? callId : syntheticId);
        RequestLogContext.company(tenant.company().slug());
        return respond(prepared.run(tenant.company().language(),
                () -> contexts.resolveArgsOnly(tenant, callId, syntheticId)));
    }

    private static ResponseEntity<Map<String, @Nullable Object>> respond(FunctionResult result) {
        RequestLogContext.outcome(result.ok() ? "ok" : result.reason());
        return ResponseEntity.ok(result.body());
    }

    /** Retell can only reach us for a number we don't serve through a shared key: say so in both languages. */
    private static FunctionResult unknownNumber() {
        return FunctionResult.notOk("unknown_number", speakable(MessageKey.UNKNOWN_DIALLED_NUMBER, null));
    }

    /** In the company's language, or in both when we don't know whose call it is. */
    private static String speakable(MessageKey key, @Nullable Language language) {
        return language != null ? Messages.render(key, language)
                : Messages.render(key, Language.DE) + " / " + Messages.render(key, Language.EN);
    }

    private static JsonNode requireObject(VerifiedRetellRequest verified) {
        JsonNode body = verified.json();
        if (body == null || !body.isObject()) {
            throw new RetellRequestException("malformed_json", "body must be a JSON object");
        }
        return body;
    }

    @ExceptionHandler(FunctionRequestException.class)
    ResponseEntity<Map<String, String>> badFunctionRequest(FunctionRequestException e) {
        return ResponseEntity.badRequest().body(Map.of("error", e.code(), "message", e.getMessage()));
    }
}
