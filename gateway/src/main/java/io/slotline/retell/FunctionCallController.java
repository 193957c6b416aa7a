package io.slotline.retell;

import io.slotline.functions.FunctionDispatcher;
import io.slotline.functions.FunctionRequestException;
import io.slotline.functions.FunctionResult;
import io.slotline.functions.Reason;
import io.slotline.observability.RequestLogContext;
import io.slotline.speech.MessageKey;
import io.slotline.speech.Messages;
import io.slotline.tenancy.Language;
import io.slotline.tenancy.TenantContext;
import jakarta.servlet.http.HttpServletRequest;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

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
            Language language = verified.tenant() == null
                    ? null
                    : verified.tenant().company().language();
            return ResponseEntity.ok(FunctionResult.notOk(
                            Reason.FUNCTION_MISMATCH,
                            speakable(MessageKey.TOOL_MISCONFIGURED, language),
                            Map.of("detail", "the body names '" + declared + "', the URL '" + name + "'"))
                    .body());
        }
        JsonNode call = body.get("call");
        boolean wrapped = call != null && call.isObject();
        return wrapped ? call(name, body.get("args"), call, verified) : argsOnly(name, body, verified, request);
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

    private ResponseEntity<Map<String, @Nullable Object>> call(
            String name, @Nullable JsonNode args, JsonNode call, VerifiedRetellRequest verified) {
        TenantContext tenant = verified.tenant();
        RequestLogContext.function(name);
        if (tenant == null) {
            return ResponseEntity.ok(unknownNumber().body());
        }
        // a bad request (unknown function, wrong argument types) is refused before the call is recorded
        FunctionDispatcher.PreparedCall prepared = dispatcher.prepare(name, args);
        // checked here, on the request thread: a bad id is a 400, not a failure of the function's worker
        String retellCallId = RetellPayloads.callId(call);
        RequestLogContext.callId(retellCallId);
        RequestLogContext.company(tenant.company().slug());
        // resolving reads the database: inside the function's deadline
        return respond(prepared.run(tenant.company().language(), () -> contexts.resolve(tenant, call, name)));
    }

    /**
     * "Payload: args only": the body is the arguments. The call's context comes from the tool's headers, and is
     * turned into the call object Retell would have sent, so that caller recognition, holds and idempotency work
     * exactly as with the full payload. Without {{call_id}} each tool call is a call of its own: nothing can tie a
     * retried booking to the first one, so that is logged.
     */
    private ResponseEntity<Map<String, @Nullable Object>> argsOnly(
            String name, JsonNode args, VerifiedRetellRequest verified, HttpServletRequest request) {
        TenantContext tenant = verified.tenant();
        RequestLogContext.function(name);
        if (tenant == null) {
            throw new RetellRequestException(
                    "unknown_tenant",
                    "an args-only call must name one of our numbers in "
                            + properties.tenantHeader() + " ({{agent_number}}) or ?" + properties.tenantQueryParam()
                            + "=, or the company in " + properties.companyHeader());
        }
        ArgsOnlyHeaders headers = ArgsOnlyHeaders.of(request, properties);
        if (headers.callId() == null) {
            log.warn(
                    "args-only call of {} without {}: retries can't be recognised; set the tool's header "
                            + "{}: {{{{call_id}}}}",
                    name,
                    properties.callIdHeader(),
                    properties.callIdHeader());
        }
        return call(name, args, argsOnlyCall(headers, tenant), verified);
    }

    private static ObjectNode argsOnlyCall(ArgsOnlyHeaders headers, TenantContext tenant) {
        ObjectNode call = JsonNodeFactory.instance.objectNode();
        call.put("call_id", headers.callId() != null ? headers.callId() : "argsonly-" + UUID.randomUUID());
        String ours = headers.agentNumber() != null
                ? headers.agentNumber()
                : tenant.phoneNumber() == null ? null : tenant.phoneNumber().e164();
        call.put("call_type", ours == null ? "web_call" : "phone_call");
        call.put("direction", headers.outbound() ? "outbound" : "inbound");
        call.put(headers.outbound() ? "from_number" : "to_number", ours);
        call.put(headers.outbound() ? "to_number" : "from_number", headers.userNumber());
        return call;
    }

    private static ResponseEntity<Map<String, @Nullable Object>> respond(FunctionResult result) {
        RequestLogContext.outcome(result.ok() ? "ok" : result.reason().wire());
        return ResponseEntity.ok(result.body());
    }

    /** Retell can only reach us for a number we don't serve through a shared key: say so in both languages. */
    private static FunctionResult unknownNumber() {
        return FunctionResult.notOk(Reason.UNKNOWN_NUMBER, speakable(MessageKey.UNKNOWN_DIALLED_NUMBER, null));
    }

    /** In the company's language, or in both when we don't know whose call it is. */
    private static String speakable(MessageKey key, @Nullable Language language) {
        return language != null
                ? Messages.render(key, language)
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
