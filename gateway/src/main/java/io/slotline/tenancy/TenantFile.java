package io.slotline.tenancy;

import io.slotline.edge.JsonProblems;
import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A tenant described as a file (YAML or JSON): the company with its secrets, branches with their numbers, staff,
 * and services with the staff who perform them. Everything is matched by natural key (company slug, branch name,
 * number, staff name, service name), so the same file can be applied again and again.
 */
public record TenantFile(
        CompanyEntry company,
        List<BranchEntry> branches,
        List<StaffEntry> staff,
        List<ServiceEntry> services,
        List<RetellAgentEntry> retellAgents,
        List<ConsoleAccountEntry> consoleAccounts) {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    public TenantFile {
        if (company == null) {
            throw new IllegalArgumentException("tenant file needs a 'company' section");
        }
        branches = branches == null ? List.of() : List.copyOf(branches);
        staff = staff == null ? List.of() : List.copyOf(staff);
        services = services == null ? List.of() : List.copyOf(services);
        retellAgents = retellAgents == null ? List.of() : List.copyOf(retellAgents);
        consoleAccounts = consoleAccounts == null ? List.of() : List.copyOf(consoleAccounts);
    }

    public static TenantFile read(InputStream yaml) {
        try {
            return YAML.readValue(yaml, TenantFile.class);
        } catch (JacksonException e) {
            // our own checks (record constructors, enum codes) explain themselves; Jackson's messages name types
            String problem = e.getCause() instanceof IllegalArgumentException own && own.getMessage() != null
                    ? own.getMessage()
                    : JsonProblems.of(e).message();
            throw new IllegalArgumentException("invalid tenant file: " + problem, e);
        }
    }

    public static TenantFile read(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return read(in);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read tenant file " + resource.getDescription(), e);
        }
    }

    public record CompanyEntry(
            String slug,
            String name,
            Language language,
            ZoneId defaultTimeZone,
            @Nullable PoliciesEntry policies,
            @Nullable Integer bookingWindowDays,
            @Nullable Boolean active,
            @Nullable SecretsEntry secrets) {

        CompanySpec toSpec() {
            return new CompanySpec(
                    slug,
                    name,
                    language,
                    defaultTimeZone,
                    policies == null ? Policies.DEFAULTS : policies.toPolicies(),
                    bookingWindowDays == null ? 60 : bookingWindowDays,
                    active == null || active);
        }
    }

    /** Omitted values take the schema defaults. */
    public record PoliciesEntry(
            @Nullable Integer cancellationDeadlineHours,
            @Nullable Integer rescheduleDeadlineHours,
            @Nullable Integer maxReschedules,
            @Nullable List<FeeRule> cancellationFees,
            @Nullable ChangeVerification changeVerification) {

        Policies toPolicies() {
            Policies d = Policies.DEFAULTS;
            return new Policies(
                    cancellationDeadlineHours == null ? d.cancellationDeadlineHours() : cancellationDeadlineHours,
                    rescheduleDeadlineHours == null ? d.rescheduleDeadlineHours() : rescheduleDeadlineHours,
                    maxReschedules == null ? d.maxReschedules() : maxReschedules,
                    cancellationFees == null ? d.cancellationFees() : cancellationFees,
                    changeVerification == null ? d.changeVerification() : changeVerification);
        }
    }

    /** Omitted secrets are left as they are in the database. */
    public record SecretsEntry(
            @Nullable String calcomApiKey,
            @Nullable String calcomWebhookSecret,
            @Nullable String retellApiKey) {

        @Nullable String get(CompanySecret secret) {
            return switch (secret) {
                case CALCOM_API_KEY -> calcomApiKey;
                case CALCOM_WEBHOOK_SECRET -> calcomWebhookSecret;
                case RETELL_API_KEY -> retellApiKey;
            };
        }

        @Override
        public String toString() {
            return "SecretsEntry[***]";
        }
    }

    /**
     * A Retell agent of the company ({@link RetellAgent}): routes its web and test calls, and is the inbound call's
     * agent for its number, its branch or the whole company.
     *
     * @param branch      the branch's name; omitted: the company's first branch
     * @param phoneNumber only for calls to this number
     * @param language    only when the company's language is this one
     */
    public record RetellAgentEntry(
            String id,
            @Nullable String branch,
            @Nullable String phoneNumber,
            @Nullable Language language) {}

    /** @param phone where a person answers: the destination of Retell's transfer_call */
    public record BranchEntry(
            String name,
            ZoneId timeZone,
            @Nullable String address,
            @Nullable Boolean active,
            @Nullable List<String> phoneNumbers,
            @Nullable String phone) {

        BranchSpec toSpec() {
            return new BranchSpec(
                    name,
                    timeZone,
                    address,
                    active == null || active,
                    phone == null ? null : TenancyValidation.requireE164(phone));
        }

        List<String> numbers() {
            return phoneNumbers == null ? List.of() : phoneNumbers;
        }
    }

    /** A staff member's own event type for a service: {@code staff} by name, the event type's id and slug. */
    public record StaffEventTypeEntry(
            String staff, long id, @Nullable String slug) {}

    /**
     * One step of a service booked in steps: its event type for any stylist, each stylist's own ({@code staff} by
     * name), its length, the pause after it ({@code pauseMinMinutes..pauseMaxMinutes}, the stylist free meanwhile)
     * and whether the same stylist does the next step. {@code calcomTeamId} defaults to the service's.
     */
    public record StepEntry(
            String name,
            @Nullable Long calcomEventTypeId,
            @Nullable String calcomEventTypeSlug,
            @Nullable Long calcomTeamId,
            @Nullable Integer durationMinutes,
            @Nullable Integer pauseMinMinutes,
            @Nullable Integer pauseMaxMinutes,
            @Nullable Boolean sameStaffNext,
            @Nullable List<StaffEventTypeEntry> staffEventTypes) {

        ServiceStep toStep(
                String service,
                int index,
                @Nullable Long serviceTeamId,
                List<String> serviceStaff,
                java.util.Map<String, Long> staffIds) {
            String field = "service '" + service + "': steps[" + index + "].";
            if (calcomEventTypeId == null) {
                throw new IllegalArgumentException(field + "calcomEventTypeId is required");
            }
            if (durationMinutes == null) {
                throw new IllegalArgumentException(field + "durationMinutes is required");
            }
            List<StaffEventType> own = new java.util.ArrayList<>();
            for (StaffEventTypeEntry entry :
                    staffEventTypes == null ? List.<StaffEventTypeEntry>of() : staffEventTypes) {
                Long staffId = staffIds.get(entry.staff());
                if (staffId == null || !serviceStaff.contains(entry.staff())) {
                    throw new IllegalArgumentException(field + "staffEventTypes names '" + entry.staff()
                            + "', who is not among the service's staff");
                }
                own.add(new StaffEventType(staffId, entry.id(), entry.slug()));
            }
            int min = pauseMinMinutes == null ? 0 : pauseMinMinutes;
            return new ServiceStep(
                    name,
                    calcomEventTypeId,
                    calcomEventTypeSlug,
                    calcomTeamId != null ? calcomTeamId : serviceTeamId,
                    durationMinutes,
                    min,
                    pauseMaxMinutes == null ? min : pauseMaxMinutes,
                    sameStaffNext != null && sameStaffNext,
                    own);
        }
    }

    /** {@code branch} names a branch of this company (in this file or already stored). */
    public record StaffEntry(
            String name,
            String branch,
            @Nullable String calcomUsername,
            @Nullable Long calcomUserId,
            @Nullable Boolean active) {

        StaffSpec toSpec(long branchId) {
            return new StaffSpec(branchId, name, calcomUsername, calcomUserId, active == null || active);
        }
    }

    /**
     * {@code staff} lists who performs the service, by staff name; the list replaces the stored links.
     * {@code staffEventTypes} names each one's own Cal.com event type (a managed child or a personal event type),
     * the only way Cal.com books one person. {@code steps} makes it a service booked in steps.
     */
    public record ServiceEntry(
            String name,
            @Nullable List<String> synonyms,
            int durationMinutes,
            @Nullable Integer priceCents,
            @Nullable String currency,
            @Nullable Long calcomEventTypeId,
            @Nullable String calcomEventTypeSlug,
            @Nullable Boolean active,
            @Nullable List<String> staff,
            @Nullable Long calcomTeamId,
            @Nullable List<StaffEventTypeEntry> staffEventTypes,
            @Nullable List<StepEntry> steps) {

        ServiceSpec toSpec() {
            return toSpec(java.util.Map.of());
        }

        ServiceSpec toSpec(java.util.Map<String, Long> staffIds) {
            List<ServiceStep> stepList = new java.util.ArrayList<>();
            List<StepEntry> entries = steps == null ? List.of() : steps;
            for (int i = 0; i < entries.size(); i++) {
                if (entries.get(i) == null) {
                    throw new IllegalArgumentException("service '" + name + "': steps[" + i + "] is empty");
                }
                stepList.add(entries.get(i).toStep(name, i, calcomTeamId, staffNames(), staffIds));
            }
            return new ServiceSpec(
                    name,
                    synonyms == null ? List.of() : synonyms,
                    durationMinutes,
                    priceCents,
                    currency == null ? "EUR" : currency,
                    calcomEventTypeId,
                    calcomEventTypeSlug,
                    active == null || active,
                    calcomTeamId,
                    stepList);
        }

        List<StaffEventTypeEntry> staffEventTypeList() {
            return staffEventTypes == null ? List.of() : staffEventTypes;
        }

        List<String> staffNames() {
            return staff == null ? List.of() : staff;
        }
    }

    /**
     * A console sign-in for this company (it sees this company only). {@code passwordHash} (e.g.
     * {@code {bcrypt}$2a$10$...}) keeps plain passwords out of files; {@code password} is hashed when applied and
     * left alone when it still matches.
     */
    public record ConsoleAccountEntry(
            String username,
            @Nullable String password,
            @Nullable String passwordHash,
            @Nullable Language language,
            @Nullable Boolean active) {

        @Override
        public String toString() {
            return "ConsoleAccountEntry[" + username + ", ***]";
        }
    }
}
