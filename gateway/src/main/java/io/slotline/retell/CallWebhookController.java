package io.slotline.retell;

import io.slotline.calls.CallEnded;
import io.slotline.calls.CallFacts;
import io.slotline.calls.CallStarted;
import io.slotline.calls.Calls;
import io.slotline.observability.RequestLogContext;
import io.slotline.tenancy.TenantContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Retell call webhooks. Acknowledged with 204 as soon as the event is stored; each (event, call) acts once.
 * Every other event (chat_started/ended/analyzed, transfer_*, transcript_updated, whatever Retell adds) is
 * acknowledged and ignored, whatever it carries.
 */
@RestController
class CallWebhookController {

    private static final Logger log = LoggerFactory.getLogger(CallWebhookController.class);
    private static final Set<String> HANDLED = Set.of("call_started", "call_ended", "call_analyzed");

    private final Calls calls;
    private final RetellWebhookEvents events;
    private final RetellMetrics metrics;
    private final ApplicationEventPublisher publisher;

    CallWebhookController(
            Calls calls, RetellWebhookEvents events, RetellMetrics metrics, ApplicationEventPublisher publisher) {
        this.calls = calls;
        this.events = events;
        this.metrics = metrics;
        this.publisher = publisher;
    }

    @PostMapping("/retell/webhook")
    ResponseEntity<Void> webhook(HttpServletRequest request) {
        VerifiedRetellRequest verified = VerifiedRetellRequest.from(request);
        JsonNode body = verified.json();
        if (body == null || !body.isObject()) {
            throw new RetellRequestException("malformed_json", "body must be a JSON object");
        }
        String event = RetellPayloads.text(body, "event");
        if (event == null) {
            throw new RetellRequestException("invalid_webhook", "webhook needs an \"event\"");
        }
        JsonNode call = body.get("call");
        String namedCallId = RetellPayloads.text(call, "call_id");
        if (namedCallId != null) {
            RequestLogContext.callId(namedCallId);
        }
        if (!HANDLED.contains(event)) {
            // chat_* (a "chat", no "call"), transfer_* (often a bare call id), transcript_updated, future events:
            // acknowledged, or Retell retries them
            metrics.retellWebhook(event, "ignored");
            return ResponseEntity.noContent().build();
        }
        if (call == null || !call.isObject()) {
            throw new RetellRequestException("invalid_webhook", event + " needs a \"call\" object with its call_id");
        }
        String retellCallId = RetellPayloads.callId(call);
        TenantContext tenant = verified.tenant();
        if (tenant == null) {
            log.warn("{} for call {} names no number we serve; ignored", event, retellCallId);
            metrics.retellWebhook(event, "ignored");
            return ResponseEntity.noContent().build();
        }
        RequestLogContext.company(tenant.company().slug());
        if (!events.firstDelivery(tenant.companyId(), event, retellCallId)) {
            metrics.retellWebhook(event, "duplicate");
            return ResponseEntity.noContent().build();
        }
        try {
            apply(event, tenant, call, retellCallId);
        } catch (RuntimeException e) {
            events.forget(tenant.companyId(), event, retellCallId); // let Retell's retry try again
            throw e;
        }
        metrics.retellWebhook(event, "processed");
        return ResponseEntity.noContent().build();
    }

    private void apply(String event, TenantContext tenant, JsonNode call, String retellCallId) {
        CallFacts facts = CallContextResolver.facts(tenant, call, retellCallId);
        switch (event) {
            case "call_started" -> {
                calls.recordStarted(facts);
                publisher.publishEvent(new CallStarted(tenant, retellCallId));
            }
            case "call_ended" -> {
                calls.recordEnded(
                        facts,
                        finalStatus(call),
                        RetellPayloads.text(call, "disconnection_reason"),
                        RetellPayloads.epochMillis(call, "end_timestamp"));
                publisher.publishEvent(new CallEnded(tenant, retellCallId));
            }
            case "call_analyzed" -> {
                JsonNode analysis = call.get("call_analysis");
                JsonNode flag = analysis == null ? null : analysis.get("call_successful");
                Boolean successful = flag != null && flag.isBoolean() ? flag.asBoolean() : null;
                JsonNode voicemail = analysis == null ? null : analysis.get("in_voicemail");
                JsonNode custom = analysis == null ? null : analysis.get("custom_analysis_data");
                calls.recordAnalyzed(
                        facts,
                        RetellPayloads.text(analysis, "call_summary"),
                        RetellPayloads.text(analysis, "user_sentiment"),
                        successful,
                        voicemail != null && voicemail.isBoolean() ? voicemail.asBoolean() : null,
                        custom != null && custom.isObject() && !custom.isEmpty() ? custom.toString() : null);
                publisher.publishEvent(new CallEnded(tenant, retellCallId));
            }
            default -> throw new IllegalStateException(event);
        }
    }

    /** Retell's call_status when it is final; anything else counts as ended. */
    private static String finalStatus(JsonNode call) {
        String status = RetellPayloads.text(call, "call_status");
        return status != null && List.of("ended", "error", "not_connected").contains(status) ? status : "ended";
    }
}
