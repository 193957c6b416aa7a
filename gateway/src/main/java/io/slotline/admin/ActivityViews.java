package io.slotline.admin;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** What an operator sees of calls, appointments, customers and callback requests. */
final class ActivityViews {

    private ActivityViews() {}

    @Schema(name = "Call")
    record CallView(
            long id,
            String retellCallId,
            long companyId,
            String companySlug,
            @Nullable Long branchId,
            @Nullable Long customerId,
            @Nullable String agentId,
            @Nullable String fromNumber,
            @Nullable String toNumber,
            @Nullable String direction,
            String status,
            @Nullable Instant startedAt,
            @Nullable Instant endedAt,
            @Nullable String disconnectionReason,
            @Nullable String summary,
            @Nullable String userSentiment,
            @Nullable Boolean callSuccessful,
            @Nullable Boolean inVoicemail,

            @Schema(description = "the agent's post-call analysis fields (call_analyzed custom_analysis_data)")
            @JsonRawValue
            @Nullable String customAnalysis,

            int functionCalls,
            Instant createdAt) {}

    @Schema(name = "CallDetail")
    record CallDetail(CallView call, List<FunctionCallView> functionCalls) {}

    /** One function the agent called: what it asked (contact details masked) and what it heard. */
    @Schema(name = "FunctionCall")
    record FunctionCallView(
            long id,
            String functionName,
            @Nullable String toolCallId,

            @Schema(description = "the arguments as logged (phone numbers and emails masked)") @Nullable JsonNode args,

            boolean ok,
            String outcome,
            @Nullable String message,
            int latencyMs,
            int upstreamRequests,
            Instant createdAt) {}

    @Schema(name = "Appointment")
    record AppointmentView(
            long id,
            long companyId,
            String companySlug,
            @Nullable Long branchId,
            @Nullable Long serviceId,
            @Nullable String serviceName,
            @Nullable Long staffId,
            @Nullable String staffName,
            @Nullable Long customerId,
            @Nullable String customerName,
            @Nullable String customerPhone,
            @Nullable Long callId,
            Instant startsAt,
            Instant endsAt,
            @Nullable String calcomBookingUid,
            String status,
            String source,
            @Nullable Long rescheduledFromId,
            int rescheduleCount,
            @Nullable String cancellationReason,
            @Nullable String notes,
            Instant createdAt,

            @Schema(
                    description = "why a person must look at it (e.g. one step of a service in steps was cancelled "
                            + "in Cal.com), null when nothing is wrong")
            @Nullable String attention) {}

    @Schema(name = "Customer")
    record CustomerView(
            long id,
            long companyId,
            String companySlug,
            @Nullable String name,
            @Nullable String phone,
            @Nullable String email,
            Instant createdAt,
            Instant updatedAt) {}

    @Schema(name = "CallbackRequest")
    record CallbackView(
            long id,
            long companyId,
            String companySlug,
            @Nullable Long branchId,
            @Nullable Long callId,
            @Nullable Long customerId,
            String customerName,
            @Nullable String phone,
            String reason,
            @Nullable String preferredTime,
            String status,
            @Nullable Long appointmentId,
            @Nullable String outcome,
            Instant createdAt) {}
}
