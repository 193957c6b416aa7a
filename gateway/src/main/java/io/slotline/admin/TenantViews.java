package io.slotline.admin;

import io.slotline.tenancy.Branch;
import io.slotline.tenancy.Company;
import io.slotline.tenancy.CompanySecret;
import io.slotline.tenancy.PhoneNumber;
import io.slotline.tenancy.Policies;
import io.slotline.tenancy.Service;
import io.slotline.tenancy.Staff;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Response bodies for tenant resources. Secrets appear only as {@link SecretView}: set or not, and a hint. */
final class TenantViews {

    private TenantViews() {}

    @Schema(name = "Company")
    record CompanyView(
            long id,
            String slug,
            String name,
            String language,
            String defaultTimeZone,
            Policies policies,
            int bookingWindowDays,
            boolean active,
            SecretsView secrets) {

        static CompanyView of(Company company, Map<CompanySecret, String> hints) {
            return new CompanyView(
                    company.id(),
                    company.slug(),
                    company.name(),
                    company.language().code(),
                    company.defaultTimeZone().getId(),
                    company.policies(),
                    company.bookingWindowDays(),
                    company.active(),
                    new SecretsView(
                            SecretView.of(hints.get(CompanySecret.CALCOM_API_KEY)),
                            SecretView.of(hints.get(CompanySecret.CALCOM_WEBHOOK_SECRET)),
                            SecretView.of(hints.get(CompanySecret.RETELL_API_KEY))));
        }
    }

    @Schema(name = "Secrets")
    record SecretsView(SecretView calcomApiKey, SecretView calcomWebhookSecret, SecretView retellApiKey) {}

    /** @param hint "…" and the last 4 characters; absent when not set or too short to hint at safely */
    @Schema(name = "Secret")
    record SecretView(boolean set, @Nullable String hint) {

        static SecretView of(@Nullable String storedHint) {
            if (storedHint == null) {
                return new SecretView(false, null);
            }
            return new SecretView(true, storedHint.isEmpty() ? null : "…" + storedHint);
        }
    }

    @Schema(name = "Branch")
    record BranchView(
            long id,
            long companyId,
            String name,
            String timeZone,
            @Nullable String address,
            boolean active,
            @Nullable String phone) {

        static BranchView of(Branch branch) {
            return new BranchView(
                    branch.id(),
                    branch.companyId(),
                    branch.name(),
                    branch.timeZone().getId(),
                    branch.address(),
                    branch.active(),
                    branch.phone());
        }
    }

    @Schema(name = "PhoneNumber")
    record PhoneNumberView(long id, long companyId, long branchId, String e164, boolean active) {

        static PhoneNumberView of(PhoneNumber number) {
            return new PhoneNumberView(
                    number.id(), number.companyId(), number.branchId(), number.e164(), number.active());
        }
    }

    @Schema(name = "Service")
    record ServiceView(
            long id,
            long companyId,
            String name,
            List<String> synonyms,
            int durationMinutes,
            @Nullable Integer priceCents,
            String currency,
            @Nullable Long calcomEventTypeId,
            @Nullable String calcomEventTypeSlug,
            boolean active,
            List<Long> staffIds,
            List<io.slotline.tenancy.ServiceStep> steps) {

        static ServiceView of(Service service, List<Long> staffIds) {
            return new ServiceView(
                    service.id(),
                    service.companyId(),
                    service.name(),
                    service.synonyms(),
                    service.durationMinutes(),
                    service.priceCents(),
                    service.currency(),
                    service.calcomEventTypeId(),
                    service.calcomEventTypeSlug(),
                    service.active(),
                    staffIds,
                    service.steps());
        }
    }

    @Schema(name = "Staff")
    record StaffView(
            long id,
            long companyId,
            long branchId,
            String name,
            @Nullable String calcomUsername,
            @Nullable Long calcomUserId,
            boolean active) {

        static StaffView of(Staff staff) {
            return new StaffView(
                    staff.id(),
                    staff.companyId(),
                    staff.branchId(),
                    staff.name(),
                    staff.calcomUsername(),
                    staff.calcomUserId(),
                    staff.active());
        }
    }

    /**
     * A staff member's own Cal.com event type for a service (a managed child or their personal event type), where
     * callers asking for them by name are booked; null when they have none.
     */
    @Schema(name = "StaffEventType")
    record StaffEventTypeView(
            long serviceId,
            long staffId,
            String staffName,
            @Nullable Long eventTypeId,
            @Nullable String slug) {}
}
