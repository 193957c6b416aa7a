package io.slotline.admin;

import io.slotline.admin.ActivityViews.AppointmentView;
import io.slotline.admin.ActivityViews.CallDetail;
import io.slotline.admin.ActivityViews.CallView;
import io.slotline.admin.ActivityViews.CallbackView;
import io.slotline.admin.ActivityViews.CustomerView;
import io.slotline.admin.ActivityViews.FunctionCallView;
import io.slotline.calls.CallbackRequests;
import io.slotline.calls.FunctionCall;
import io.slotline.calls.FunctionCallLog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What happened: calls with the functions the agent called, appointments, customers and callback requests. Every
 * list is newest first and takes the same filters: companyId, from/to (a date like 2026-03-01 or an instant),
 * status, phone (digits the number contains), page (from 0) and size (1..200).
 */
@RestController
@RequestMapping(path = AdminConfiguration.API_PREFIX, produces = "application/json")
@Tag(name = "Activity", description = "calls, appointments, customers, callback requests")
class ActivityController {

    private static final Set<String> CALL_STATUSES = Set.of("ongoing", "ended", "error", "not_connected");
    private static final Set<String> APPOINTMENT_STATUSES =
            Set.of("booked", "pending", "cancelled", "rescheduled", "rejected");
    private static final Set<String> CALLBACK_STATUSES = Set.of("open", "done");

    private final ActivityQueries queries;
    private final FunctionCallLog functionCalls;
    private final CallbackRequests callbackRequests;
    private final JsonMapper json;

    ActivityController(
            ActivityQueries queries,
            FunctionCallLog functionCalls,
            CallbackRequests callbackRequests,
            JsonMapper json) {
        this.queries = queries;
        this.functionCalls = functionCalls;
        this.callbackRequests = callbackRequests;
        this.json = json;
    }

    @GetMapping("/calls")
    @Operation(summary = "Calls, newest first; the time filter applies to the call's start")
    Page<CallView> calls(
            @RequestParam(required = false) @Nullable Long companyId,
            @Parameter(description = "date (UTC) or instant, inclusive") @RequestParam(required = false) @Nullable String from,
            @Parameter(description = "date (UTC, whole day) or instant, exclusive")
                    @RequestParam(required = false)
                    @Nullable String to,
            @Parameter(description = "ongoing, ended, error, not_connected") @RequestParam(required = false) @Nullable String status,
            @Parameter(description = "caller or dialled number contains") @RequestParam(required = false) @Nullable String phone,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return queries.calls(ActivityFilter.parse(companyId, from, to, status, CALL_STATUSES, phone, page, size));
    }

    @GetMapping("/calls/{callId}")
    @Operation(summary = "A call with every function the agent called, in order")
    CallDetail call(@PathVariable long callId) {
        CallView call = queries.call(callId).orElseThrow(() -> AdminException.notFound("call " + callId));
        List<FunctionCallView> log = functionCalls.byCall(call.companyId(), call.retellCallId()).stream()
                .map(this::view)
                .toList();
        CallView counted = new CallView(
                call.id(),
                call.retellCallId(),
                call.companyId(),
                call.companySlug(),
                call.branchId(),
                call.customerId(),
                call.agentId(),
                call.fromNumber(),
                call.toNumber(),
                call.direction(),
                call.status(),
                call.startedAt(),
                call.endedAt(),
                call.disconnectionReason(),
                call.summary(),
                call.userSentiment(),
                call.callSuccessful(),
                call.inVoicemail(),
                call.customAnalysis(),
                log.size(),
                call.createdAt());
        return new CallDetail(counted, log);
    }

    @GetMapping("/appointments")
    @Operation(summary = "Appointments, latest start first; the time filter applies to the start")
    Page<AppointmentView> appointments(
            @RequestParam(required = false) @Nullable Long companyId,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @Parameter(description = "booked, pending, cancelled, rescheduled, rejected")
                    @RequestParam(required = false)
                    @Nullable String status,
            @Parameter(description = "customer's number contains") @RequestParam(required = false) @Nullable String phone,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return queries.appointments(
                ActivityFilter.parse(companyId, from, to, status, APPOINTMENT_STATUSES, phone, page, size));
    }

    @GetMapping("/customers")
    @Operation(summary = "Customers, newest first; the time filter applies to when they first called")
    Page<CustomerView> customers(
            @RequestParam(required = false) @Nullable Long companyId,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String phone,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return queries.customers(ActivityFilter.parse(companyId, from, to, null, Set.of(), phone, page, size));
    }

    @GetMapping("/callback-requests")
    @Operation(summary = "Callback requests, newest first")
    Page<CallbackView> callbackRequests(
            @RequestParam(required = false) @Nullable Long companyId,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @Parameter(description = "open or done") @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String phone,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return queries.callbackRequests(
                ActivityFilter.parse(companyId, from, to, status, CALLBACK_STATUSES, phone, page, size));
    }

    @PostMapping("/callback-requests/{id}/done")
    @Operation(summary = "Mark a callback request as done (idempotent)")
    CallbackView callbackDone(@PathVariable long id) {
        CallbackView request =
                queries.callbackRequest(id).orElseThrow(() -> AdminException.notFound("callback request " + id));
        callbackRequests.markDone(request.companyId(), id);
        return queries.callbackRequest(id).orElseThrow();
    }

    private FunctionCallView view(FunctionCall call) {
        return new FunctionCallView(
                call.id(),
                call.functionName(),
                call.toolCallId(),
                args(call.argsJson()),
                call.ok(),
                call.outcome(),
                call.message(),
                call.latencyMs(),
                call.upstreamRequests(),
                call.createdAt());
    }

    private @Nullable JsonNode args(@Nullable String argsJson) {
        if (argsJson == null) {
            return null;
        }
        try {
            return json.readTree(argsJson);
        } catch (JacksonException e) {
            // truncated at the column's length: show what there is
            return json.getNodeFactory().stringNode(argsJson);
        }
    }
}
