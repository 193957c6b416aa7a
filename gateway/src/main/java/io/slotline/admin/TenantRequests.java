package io.slotline.admin;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Request bodies for tenant resources. Every field is optional in the type: POST and PUT need the required ones
 * (missing ones are a 400 naming the field), PATCH changes only the fields it carries. Secrets are write-only:
 * omitted means "keep the stored one".
 */
final class TenantRequests {

    private TenantRequests() {}

    @Schema(name = "CompanyRequest")
    record CompanyRequest(
            @Schema(description = "lowercase letters, digits and single dashes; unique", example = "salon-nord")
            @Nullable String slug,

            @Schema(example = "Salon Nord") @Nullable String name,

            @Schema(description = "de or en (default de)", example = "de") @Nullable String language,

            @Schema(description = "IANA time zone (default Europe/Berlin)", example = "Europe/Berlin") @Nullable String defaultTimeZone,

            @Nullable PoliciesRequest policies,

            @Schema(description = "how far ahead callers can book, 1..730 days (default 60)") @Nullable Integer bookingWindowDays,

            @Nullable Boolean active,

            @Schema(description = "write-only; responses show a hint only", accessMode = Schema.AccessMode.WRITE_ONLY)
            @Nullable String calcomApiKey,

            @Schema(description = "write-only", accessMode = Schema.AccessMode.WRITE_ONLY) @Nullable String calcomWebhookSecret,

            @Schema(
                    description = "write-only; signs Retell's requests for this company's numbers",
                    accessMode = Schema.AccessMode.WRITE_ONLY)
            @Nullable String retellApiKey)
            implements AdminRequest {

        @Override
        public String toString() {
            return "CompanyRequest[slug=" + slug + ", name=" + name + ", secrets=***]";
        }
    }

    @Schema(name = "PoliciesRequest")
    record PoliciesRequest(
            @Nullable Integer cancellationDeadlineHours,
            @Nullable Integer rescheduleDeadlineHours,
            @Nullable Integer maxReschedules,

            @Schema(description = "fee by minimum notice; replaces the stored table when given") @Nullable List<FeeRuleRequest> cancellationFees,

            @Schema(
                    description = "what a caller who is not calling from the number an appointment was booked under "
                            + "must tell to cancel or move it: booked_phone (full name and that number) or callback (never "
                            + "by phone; the team calls back)",
                    allowableValues = {"booked_phone", "callback"})
            @Nullable String changeVerification) {}

    @Schema(name = "FeeRuleRequest")
    record FeeRuleRequest(
            @Nullable Integer minNoticeHours, @Nullable Integer feeCents) {}

    @Schema(name = "BranchRequest")
    record BranchRequest(
            @Nullable String name,

            @Schema(description = "IANA time zone (default: the company's)", example = "Europe/Berlin") @Nullable String timeZone,

            @Nullable String address,
            @Nullable Boolean active,

            @Schema(
                    description = "where a person answers (E.164), the destination of Retell's transfer_call; "
                            + "not the number that routes to the agent",
                    example = "+4930123456")
            @Nullable String phone)
            implements AdminRequest {}

    @Schema(name = "PhoneNumberRequest")
    record PhoneNumberRequest(
            @Schema(description = "E.164; routes to one branch across all tenants", example = "+4930123456") @Nullable String e164,

            @Nullable Long branchId,
            @Nullable Boolean active)
            implements AdminRequest {}

    @Schema(name = "ServiceRequest")
    record ServiceRequest(
            @Nullable String name,
            @Nullable List<String> synonyms,
            @Schema(description = "1..1440") @Nullable Integer durationMinutes,

            @Schema(description = ">= 0, in the currency's minor unit") @Nullable Integer priceCents,

            @Schema(description = "ISO 4217 (default EUR)") @Nullable String currency,

            @Nullable Long calcomEventTypeId,
            @Nullable String calcomEventTypeSlug,
            @Nullable Boolean active,

            @Schema(description = "staff who perform it; replaces the stored links when given") @Nullable List<Long> staffIds,

            @Schema(
                    description = "a service booked in steps (at least two; an empty list books it as one block); "
                            + "replaces the stored steps when given")
            @Nullable List<StepRequest> steps)
            implements AdminRequest {

        ServiceRequest(
                @Nullable String name,
                @Nullable List<String> synonyms,
                @Nullable Integer durationMinutes,
                @Nullable Integer priceCents,
                @Nullable String currency,
                @Nullable Long calcomEventTypeId,
                @Nullable String calcomEventTypeSlug,
                @Nullable Boolean active,
                @Nullable List<Long> staffIds) {
            this(
                    name,
                    synonyms,
                    durationMinutes,
                    priceCents,
                    currency,
                    calcomEventTypeId,
                    calcomEventTypeSlug,
                    active,
                    staffIds,
                    null);
        }
    }

    @Schema(
            name = "ServiceStepRequest",
            description = "One step of a service booked in steps: its Cal.com event "
                    + "type (any stylist) and each stylist's own, its length, the pause after it (the stylist is free "
                    + "meanwhile) and whether the same stylist does the next step")
    record StepRequest(
            @Nullable String name,
            @Nullable Long calcomEventTypeId,
            @Nullable String calcomEventTypeSlug,
            @Nullable Long calcomTeamId,
            @Schema(description = "1..1440") @Nullable Integer durationMinutes,

            @Schema(description = "0..1440, 0 for the last step") @Nullable Integer pauseMinMinutes,

            @Schema(description = "pauseMinMinutes..1440, 0 for the last step") @Nullable Integer pauseMaxMinutes,

            @Nullable Boolean sameStaffNext,
            @Nullable List<StepStaffEventType> staffEventTypes) {}

    @Schema(name = "ServiceStepStaffEventType")
    record StepStaffEventType(
            @Nullable Long staffId,
            @Nullable Long eventTypeId,
            @Nullable String slug) {}

    @Schema(name = "StaffRequest")
    record StaffRequest(
            @Nullable Long branchId,
            @Nullable String name,
            @Nullable String calcomUsername,
            @Nullable Long calcomUserId,
            @Nullable Boolean active)
            implements AdminRequest {}

    @Schema(name = "ServiceStaffLinkRequest")
    record LinkRequest(@Nullable Long staffId) implements AdminRequest {}

    @Schema(name = "StaffEventTypeRequest")
    record StaffEventTypeRequest(
            @Schema(
                    description = "the staff member's own Cal.com event type id for the service (a managed child "
                            + "or their personal event type)")
            @Nullable Long eventTypeId,

            @Schema(description = "its slug (lets the company's key read another user's event type)") @Nullable String slug)
            implements AdminRequest {}

    @Schema(name = "ServiceStaffSetRequest")
    record LinkSetRequest(@Nullable List<Long> staffIds) implements AdminRequest {}
}
