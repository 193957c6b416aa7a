package io.slotline.admin;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.slotline.admin.TenantRequests.BranchRequest;
import io.slotline.admin.TenantRequests.CompanyRequest;
import io.slotline.admin.TenantRequests.FeeRuleRequest;
import io.slotline.admin.TenantRequests.PhoneNumberRequest;
import io.slotline.admin.TenantRequests.PoliciesRequest;
import io.slotline.admin.TenantRequests.ServiceRequest;
import io.slotline.admin.TenantRequests.StaffRequest;
import io.slotline.admin.TenantRequests.StaffEventTypeRequest;
import io.slotline.admin.TenantViews.BranchView;
import io.slotline.admin.TenantViews.CompanyView;
import io.slotline.admin.TenantViews.PhoneNumberView;
import io.slotline.admin.TenantViews.ServiceView;
import io.slotline.admin.TenantViews.StaffView;
import io.slotline.admin.TenantViews.StaffEventTypeView;
import io.slotline.tenancy.Branch;
import io.slotline.tenancy.BranchSpec;
import io.slotline.tenancy.ChangeVerification;
import io.slotline.tenancy.Company;
import io.slotline.tenancy.CompanySecret;
import io.slotline.tenancy.CompanySpec;
import io.slotline.tenancy.FeeRule;
import io.slotline.tenancy.Language;
import io.slotline.tenancy.PhoneNumber;
import io.slotline.tenancy.Policies;
import io.slotline.tenancy.Service;
import io.slotline.tenancy.ServiceSpec;
import io.slotline.tenancy.ServiceStep;
import io.slotline.tenancy.StaffEventType;
import io.slotline.tenancy.Staff;
import io.slotline.tenancy.StaffSpec;
import io.slotline.tenancy.StaffEventType;
import io.slotline.tenancy.TenantDirectory;

/**
 * Validated, transactional writes of tenant data for the admin API. Every request is checked completely before the
 * first row is written; the transaction is the safety net for what only the database can tell (a concurrent
 * insert of the same number or name), so a request is either applied whole or not at all.
 */
@Component
@Transactional
class TenantAdmin {

    private static final String DEFAULT_ZONE = "Europe/Berlin";
    private static final int DEFAULT_BOOKING_WINDOW_DAYS = 60;
    private static final int MAX_HOURS = 24 * 365;
    private static final int MAX_PRICE_CENTS = 100_000_000;

    private final TenantDirectory directory;

    TenantAdmin(TenantDirectory directory) {
        this.directory = directory;
    }

    // --- companies ---

    @Transactional(readOnly = true)
    List<CompanyView> companies() {
        return directory.allCompanies().stream().map(this::view).toList();
    }

    @Transactional(readOnly = true)
    CompanyView company(long companyId) {
        return view(existingCompany(companyId));
    }

    CompanyView createCompany(CompanyRequest request) {
        CompanySpec spec = companySpec(request, null);
        Map<CompanySecret, String> secrets = secrets(request);
        requireFreeSlug(spec.slug(), null);
        long id = directory.createCompany(spec);
        secrets.forEach((kind, value) -> directory.setSecret(id, kind, value));
        return company(id);
    }

    /** @param partial PATCH: fields not given keep their value; PUT: they take their defaults */
    CompanyView updateCompany(long companyId, CompanyRequest request, boolean partial) {
        Company existing = existingCompany(companyId);
        CompanySpec spec = companySpec(request, partial ? existing : null);
        Map<CompanySecret, String> secrets = secrets(request);
        requireFreeSlug(spec.slug(), companyId);
        directory.updateCompany(companyId, spec);
        secrets.forEach((kind, value) -> directory.setSecret(companyId, kind, value));
        return company(companyId);
    }

    CompanyView deactivateCompany(long companyId) {
        Company c = existingCompany(companyId);
        directory.updateCompany(companyId, new CompanySpec(c.slug(), c.name(), c.language(), c.defaultTimeZone(),
                c.policies(), c.bookingWindowDays(), false));
        return company(companyId);
    }

    private CompanySpec companySpec(CompanyRequest r, @Nullable Company base) {
        String slug = Fields.slug("slug", pick(r.slug(), base == null ? null : base.slug()));
        String name = Fields.text("name", pick(r.name(), base == null ? null : base.name()), 200);
        Language language = Fields.language("language",
                pick(r.language(), base == null ? Language.DE.code() : base.language().code()));
        ZoneId zone = Fields.zone("defaultTimeZone",
                pick(r.defaultTimeZone(), base == null ? DEFAULT_ZONE : base.defaultTimeZone().getId()));
        Policies policies = policies(r.policies(), base == null ? Policies.DEFAULTS : base.policies());
        int window = Fields.range("bookingWindowDays", pick(r.bookingWindowDays(),
                base == null ? DEFAULT_BOOKING_WINDOW_DAYS : base.bookingWindowDays()), 1, 730);
        boolean active = pick(r.active(), base == null || base.active());
        return new CompanySpec(slug, name, language, zone, policies, window, active);
    }

    private static Policies policies(@Nullable PoliciesRequest r, Policies base) {
        if (r == null) {
            return base;
        }
        int cancel = Fields.range("policies.cancellationDeadlineHours",
                pick(r.cancellationDeadlineHours(), base.cancellationDeadlineHours()), 0, MAX_HOURS);
        int reschedule = Fields.range("policies.rescheduleDeadlineHours",
                pick(r.rescheduleDeadlineHours(), base.rescheduleDeadlineHours()), 0, MAX_HOURS);
        int maxReschedules = Fields.range("policies.maxReschedules",
                pick(r.maxReschedules(), base.maxReschedules()), 0, 100);
        List<FeeRule> fees = base.cancellationFees();
        if (r.cancellationFees() != null) {
            if (r.cancellationFees().size() > 20) {
                throw AdminException.invalid("policies.cancellationFees", "at most 20 fee rules");
            }
            fees = new ArrayList<>();
            for (int i = 0; i < r.cancellationFees().size(); i++) {
                FeeRuleRequest fee = r.cancellationFees().get(i);
                String field = "policies.cancellationFees[" + i + "]";
                if (fee == null) {
                    throw AdminException.missing(field);
                }
                fees.add(new FeeRule(Fields.range(field + ".minNoticeHours", fee.minNoticeHours(), 0, MAX_HOURS),
                        Fields.range(field + ".feeCents", fee.feeCents(), 0, MAX_PRICE_CENTS)));
            }
        }
        ChangeVerification verification = base.changeVerification();
        if (r.changeVerification() != null) {
            try {
                verification = ChangeVerification.fromCode(r.changeVerification());
            } catch (IllegalArgumentException e) {
                throw AdminException.invalid("policies.changeVerification",
                        "must be one of " + ChangeVerification.codes());
            }
        }
        return new Policies(cancel, reschedule, maxReschedules, fees, verification);
    }

    private static Map<CompanySecret, String> secrets(CompanyRequest r) {
        Map<CompanySecret, String> secrets = new EnumMap<>(CompanySecret.class);
        if (r.calcomApiKey() != null) {
            secrets.put(CompanySecret.CALCOM_API_KEY, Fields.secret("calcomApiKey", r.calcomApiKey()));
        }
        if (r.calcomWebhookSecret() != null) {
            secrets.put(CompanySecret.CALCOM_WEBHOOK_SECRET,
                    Fields.secret("calcomWebhookSecret", r.calcomWebhookSecret()));
        }
        if (r.retellApiKey() != null) {
            secrets.put(CompanySecret.RETELL_API_KEY, Fields.secret("retellApiKey", r.retellApiKey()));
        }
        return secrets;
    }

    private void requireFreeSlug(String slug, @Nullable Long companyId) {
        directory.companyBySlugUncached(slug)
                .filter(other -> companyId == null || other.id() != companyId)
                .ifPresent(other -> {
                    throw AdminException.conflict("slug", "slug '" + slug + "' is taken by company " + other.id());
                });
    }

    private Company existingCompany(long companyId) {
        return directory.companyUncached(companyId)
                .orElseThrow(() -> AdminException.notFound("company " + companyId));
    }

    private CompanyView view(Company company) {
        return CompanyView.of(company, directory.secretHints(company.id()));
    }

    // --- branches ---

    @Transactional(readOnly = true)
    List<BranchView> branches(long companyId) {
        existingCompany(companyId);
        return directory.allBranches(companyId).stream().map(BranchView::of).toList();
    }

    @Transactional(readOnly = true)
    BranchView branch(long companyId, long branchId) {
        return BranchView.of(branchOf(companyId, branchId));
    }

    BranchView createBranch(long companyId, BranchRequest request) {
        Company company = existingCompany(companyId);
        BranchSpec spec = branchSpec(request, null, company);
        requireFreeBranchName(companyId, spec.name(), null);
        return branch(companyId, directory.createBranch(companyId, spec));
    }

    BranchView updateBranch(long companyId, long branchId, BranchRequest request, boolean partial) {
        Company company = existingCompany(companyId);
        Branch existing = branchOf(companyId, branchId);
        BranchSpec spec = branchSpec(request, partial ? existing : null, company);
        requireFreeBranchName(companyId, spec.name(), branchId);
        directory.updateBranch(companyId, branchId, spec);
        return branch(companyId, branchId);
    }

    BranchView deactivateBranch(long companyId, long branchId) {
        Branch b = branchOf(companyId, branchId);
        directory.updateBranch(companyId, branchId, new BranchSpec(b.name(), b.timeZone(), b.address(), false,
                b.phone()));
        return branch(companyId, branchId);
    }

    private static BranchSpec branchSpec(BranchRequest r, @Nullable Branch base, Company company) {
        String name = Fields.text("name", pick(r.name(), base == null ? null : base.name()), 200);
        ZoneId zone = Fields.zone("timeZone", pick(r.timeZone(),
                (base == null ? company.defaultTimeZone() : base.timeZone()).getId()));
        String address = Fields.optionalText("address", pick(r.address(), base == null ? null : base.address()), 500);
        boolean active = pick(r.active(), base == null || base.active());
        String phone = pick(r.phone(), base == null ? null : base.phone());
        return new BranchSpec(name, zone, address, active, phone == null ? null : Fields.e164("phone", phone));
    }

    private void requireFreeBranchName(long companyId, String name, @Nullable Long branchId) {
        directory.allBranches(companyId).stream()
                .filter(b -> b.name().equals(name) && (branchId == null || b.id() != branchId))
                .findFirst()
                .ifPresent(b -> {
                    throw AdminException.conflict("name", "branch '" + name + "' already exists (id " + b.id() + ")");
                });
    }

    private Branch branchOf(long companyId, long branchId) {
        existingCompany(companyId);
        return directory.allBranches(companyId).stream().filter(b -> b.id() == branchId).findFirst()
                .orElseThrow(() -> AdminException.notFound("branch " + branchId + " of company " + companyId));
    }

    /** A branch named in a request body: unknown is the body's fault (400), not a missing resource (404). */
    private Branch referencedBranch(long companyId, String field, @Nullable Long branchId) {
        long id = Fields.positive(field, branchId);
        return directory.allBranches(companyId).stream().filter(b -> b.id() == id).findFirst()
                .orElseThrow(() -> AdminException.invalid(field, "company " + companyId + " has no branch " + id));
    }

    // --- phone numbers ---

    @Transactional(readOnly = true)
    List<PhoneNumberView> phoneNumbers(long companyId) {
        existingCompany(companyId);
        return directory.allPhoneNumbers(companyId).stream().map(PhoneNumberView::of).toList();
    }

    @Transactional(readOnly = true)
    PhoneNumberView phoneNumber(long companyId, long numberId) {
        return PhoneNumberView.of(numberOf(companyId, numberId));
    }

    PhoneNumberView addPhoneNumber(long companyId, PhoneNumberRequest request) {
        existingCompany(companyId);
        String e164 = Fields.e164("e164", request.e164());
        Branch branch = referencedBranch(companyId, "branchId", request.branchId());
        boolean active = pick(request.active(), true);
        directory.phoneNumber(e164).ifPresent(taken -> {
            throw numberTaken(e164, taken);
        });
        long id = directory.addPhoneNumber(companyId, branch.id(), e164);
        if (!active) {
            directory.updatePhoneNumber(companyId, e164, branch.id(), false);
        }
        return phoneNumber(companyId, id);
    }

    /** The number itself is the identity: to change it, add the new one and deactivate the old one. */
    PhoneNumberView updatePhoneNumber(long companyId, long numberId, PhoneNumberRequest request, boolean partial) {
        PhoneNumber existing = numberOf(companyId, numberId);
        if (request.e164() != null && !Fields.e164("e164", request.e164()).equals(existing.e164())) {
            throw AdminException.invalid("e164", "a number can't be renamed: add " + request.e164()
                    + " as a new number and deactivate " + existing.e164());
        }
        Branch branch = referencedBranch(companyId, "branchId",
                pick(request.branchId(), partial ? existing.branchId() : null));
        boolean active = pick(request.active(), !partial || existing.active());
        directory.updatePhoneNumber(companyId, existing.e164(), branch.id(), active);
        return phoneNumber(companyId, numberId);
    }

    PhoneNumberView deactivatePhoneNumber(long companyId, long numberId) {
        PhoneNumber existing = numberOf(companyId, numberId);
        directory.updatePhoneNumber(companyId, existing.e164(), existing.branchId(), false);
        return phoneNumber(companyId, numberId);
    }

    private AdminException numberTaken(String e164, PhoneNumber taken) {
        String owner = directory.companyUncached(taken.companyId()).map(c -> "company '" + c.slug() + "'")
                .orElse("company " + taken.companyId());
        return AdminException.conflict("e164", e164 + " already belongs to branch " + taken.branchId() + " of "
                + owner + (taken.active() ? "" : " (inactive)") + "; a number routes to one branch only");
    }

    private PhoneNumber numberOf(long companyId, long numberId) {
        existingCompany(companyId);
        return directory.allPhoneNumbers(companyId).stream().filter(n -> n.id() == numberId).findFirst()
                .orElseThrow(() -> AdminException.notFound("phone number " + numberId + " of company " + companyId));
    }

    // --- services ---

    @Transactional(readOnly = true)
    List<ServiceView> services(long companyId) {
        existingCompany(companyId);
        return directory.allServices(companyId).stream().map(this::view).toList();
    }

    @Transactional(readOnly = true)
    ServiceView service(long companyId, long serviceId) {
        return view(serviceOf(companyId, serviceId));
    }

    ServiceView createService(long companyId, ServiceRequest request) {
        existingCompany(companyId);
        List<Long> staffIds = staffIds(companyId, "staffIds", request.staffIds());
        ServiceSpec spec = serviceSpec(request, null).withSteps(steps(companyId, request.steps(), List.of(),
                staffIds == null ? List.of() : staffIds));
        requireFreeServiceName(companyId, spec.name(), null);
        long id = directory.createService(companyId, spec);
        if (staffIds != null) {
            replaceLinks(companyId, id, staffIds);
        }
        return service(companyId, id);
    }

    ServiceView updateService(long companyId, long serviceId, ServiceRequest request, boolean partial) {
        Service existing = serviceOf(companyId, serviceId);
        List<Long> staffIds = staffIds(companyId, "staffIds", request.staffIds());
        List<Long> performers = staffIds != null ? staffIds : directory.linkedStaffIds(companyId, serviceId);
        ServiceSpec spec = serviceSpec(request, partial ? existing : null)
                .withSteps(steps(companyId, request.steps(), partial ? existing.steps() : List.of(), performers));
        requireFreeServiceName(companyId, spec.name(), serviceId);
        directory.updateService(companyId, serviceId, spec);
        if (staffIds != null) {
            replaceLinks(companyId, serviceId, staffIds);
        }
        return service(companyId, serviceId);
    }

    ServiceView deactivateService(long companyId, long serviceId) {
        Service s = serviceOf(companyId, serviceId);
        directory.updateService(companyId, serviceId, new ServiceSpec(s.name(), s.synonyms(), s.durationMinutes(),
                s.priceCents(), s.currency(), s.calcomEventTypeId(), s.calcomEventTypeSlug(), false,
                s.calcomTeamId(), s.steps()));
        return service(companyId, serviceId);
    }

    private static ServiceSpec serviceSpec(ServiceRequest r, @Nullable Service base) {
        String name = Fields.text("name", pick(r.name(), base == null ? null : base.name()), 200);
        List<String> synonyms = pick(r.synonyms(), base == null ? List.<String>of() : base.synonyms());
        List<String> cleanSynonyms = new ArrayList<>();
        for (int i = 0; i < synonyms.size(); i++) {
            String synonym = Fields.optionalText("synonyms[" + i + "]", synonyms.get(i), 200);
            if (synonym != null) {
                cleanSynonyms.add(synonym);
            }
        }
        if (cleanSynonyms.size() > 50) {
            throw AdminException.invalid("synonyms", "at most 50 synonyms");
        }
        int duration = Fields.range("durationMinutes",
                pick(r.durationMinutes(), base == null ? null : base.durationMinutes()), 1, 1440);
        Integer price = pick(r.priceCents(), base == null ? null : base.priceCents());
        if (price != null) {
            Fields.range("priceCents", price, 0, MAX_PRICE_CENTS);
        }
        String currency = Fields.currency("currency", pick(r.currency(), base == null ? "EUR" : base.currency()));
        Long eventTypeId = pick(r.calcomEventTypeId(), base == null ? null : base.calcomEventTypeId());
        if (eventTypeId != null) {
            Fields.positive("calcomEventTypeId", eventTypeId);
        }
        String eventTypeSlug = Fields.optionalText("calcomEventTypeSlug",
                pick(r.calcomEventTypeSlug(), base == null ? null : base.calcomEventTypeSlug()), 200);
        boolean active = pick(r.active(), base == null || base.active());
        // the team is the sync's to set (the request has no field for it): a PATCH keeps it
        return new ServiceSpec(name, cleanSynonyms, duration, price, currency, eventTypeId, eventTypeSlug, active,
                base == null ? null : base.calcomTeamId());
    }

    /**
     * The steps of a request, each field checked with its name ({@code steps[1].pauseMaxMinutes}); absent: the
     * stored ones (PATCH) or none. A stylist's own event type must belong to someone who performs the service.
     */
    private static List<ServiceStep> steps(long companyId, @Nullable List<TenantRequests.StepRequest> requested,
            List<ServiceStep> stored, List<Long> performers) {
        if (requested == null) {
            return stored;
        }
        if (requested.size() == 1) {
            throw AdminException.invalid("steps", "a service in steps has at least two steps; send [] to book it "
                    + "as one block");
        }
        if (requested.size() > ServiceStep.MAX_STEPS) {
            throw AdminException.invalid("steps", "at most " + ServiceStep.MAX_STEPS + " steps");
        }
        List<ServiceStep> steps = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            String field = "steps[" + i + "]";
            TenantRequests.StepRequest r = Fields.required(field, requested.get(i));
            String name = Fields.text(field + ".name", r.name(), 200);
            long eventTypeId = Fields.positive(field + ".calcomEventTypeId",
                    Fields.required(field + ".calcomEventTypeId", r.calcomEventTypeId()));
            String slug = Fields.optionalText(field + ".calcomEventTypeSlug", r.calcomEventTypeSlug(), 200);
            if (r.calcomTeamId() != null) {
                Fields.positive(field + ".calcomTeamId", r.calcomTeamId());
            }
            int duration = Fields.range(field + ".durationMinutes", r.durationMinutes(), 1, 1440);
            boolean last = i == requested.size() - 1;
            int pauseMin = r.pauseMinMinutes() == null ? 0 : r.pauseMinMinutes();
            int pauseMax = r.pauseMaxMinutes() == null ? pauseMin : r.pauseMaxMinutes();
            boolean same = r.sameStaffNext() != null && r.sameStaffNext();
            if (last && (pauseMin != 0 || pauseMax != 0 || same)) {
                throw AdminException.invalid(field, "the last step has no pause after it and no next step");
            }
            Fields.range(field + ".pauseMinMinutes", pauseMin, 0, 1440);
            Fields.range(field + ".pauseMaxMinutes", pauseMax, pauseMin, 1440);
            List<StaffEventType> own = new ArrayList<>();
            Set<Long> named = new HashSet<>();
            List<TenantRequests.StepStaffEventType> given = r.staffEventTypes() == null ? List.of()
                    : r.staffEventTypes();
            for (int j = 0; j < given.size(); j++) {
                String ownField = field + ".staffEventTypes[" + j + "]";
                TenantRequests.StepStaffEventType e = Fields.required(ownField, given.get(j));
                long staffId = Fields.positive(ownField + ".staffId", Fields.required(ownField + ".staffId",
                        e.staffId()));
                if (!performers.contains(staffId)) {
                    throw AdminException.invalid(ownField + ".staffId", "staff member " + staffId
                            + " does not perform this service (company " + companyId + ")");
                }
                if (!named.add(staffId)) {
                    throw AdminException.invalid(ownField + ".staffId", "staff member " + staffId + " is named twice");
                }
                own.add(new StaffEventType(staffId, Fields.positive(ownField + ".eventTypeId",
                        Fields.required(ownField + ".eventTypeId", e.eventTypeId())),
                        Fields.optionalText(ownField + ".slug", e.slug(), 200)));
            }
            steps.add(new ServiceStep(name, eventTypeId, slug, r.calcomTeamId(), duration, pauseMin, pauseMax, same,
                    own));
        }
        if (ServiceStep.maxSpanMinutes(steps) > ServiceStep.MAX_SPAN_MINUTES) {
            throw AdminException.invalid("steps", "the steps with their longest pauses last more than "
                    + ServiceStep.MAX_SPAN_MINUTES + " minutes");
        }
        return steps;
    }

    private void requireFreeServiceName(long companyId, String name, @Nullable Long serviceId) {
        directory.allServices(companyId).stream()
                .filter(s -> s.name().equals(name) && (serviceId == null || s.id() != serviceId))
                .findFirst()
                .ifPresent(s -> {
                    throw AdminException.conflict("name", "service '" + name + "' already exists (id " + s.id() + ")");
                });
    }

    private Service serviceOf(long companyId, long serviceId) {
        existingCompany(companyId);
        return directory.allServices(companyId).stream().filter(s -> s.id() == serviceId).findFirst()
                .orElseThrow(() -> AdminException.notFound("service " + serviceId + " of company " + companyId));
    }

    private ServiceView view(Service service) {
        return ServiceView.of(service, directory.linkedStaffIds(service.companyId(), service.id()));
    }

    // --- staff ---

    @Transactional(readOnly = true)
    List<StaffView> staff(long companyId) {
        existingCompany(companyId);
        return directory.allStaff(companyId).stream().map(StaffView::of).toList();
    }

    @Transactional(readOnly = true)
    StaffView staffMember(long companyId, long staffId) {
        return StaffView.of(staffOf(companyId, staffId));
    }

    StaffView createStaff(long companyId, StaffRequest request) {
        existingCompany(companyId);
        StaffSpec spec = staffSpec(companyId, request, null);
        requireFreeStaffName(companyId, spec.name(), null);
        return staffMember(companyId, directory.createStaff(companyId, spec));
    }

    StaffView updateStaff(long companyId, long staffId, StaffRequest request, boolean partial) {
        Staff existing = staffOf(companyId, staffId);
        StaffSpec spec = staffSpec(companyId, request, partial ? existing : null);
        requireFreeStaffName(companyId, spec.name(), staffId);
        directory.updateStaff(companyId, staffId, spec);
        return staffMember(companyId, staffId);
    }

    StaffView deactivateStaff(long companyId, long staffId) {
        Staff s = staffOf(companyId, staffId);
        directory.updateStaff(companyId, staffId,
                new StaffSpec(s.branchId(), s.name(), s.calcomUsername(), s.calcomUserId(), false));
        return staffMember(companyId, staffId);
    }

    private StaffSpec staffSpec(long companyId, StaffRequest r, @Nullable Staff base) {
        Branch branch = referencedBranch(companyId, "branchId", pick(r.branchId(), base == null ? null : base.branchId()));
        String name = Fields.text("name", pick(r.name(), base == null ? null : base.name()), 200);
        String username = Fields.optionalText("calcomUsername",
                pick(r.calcomUsername(), base == null ? null : base.calcomUsername()), 200);
        Long userId = pick(r.calcomUserId(), base == null ? null : base.calcomUserId());
        if (userId != null) {
            Fields.positive("calcomUserId", userId);
        }
        boolean active = pick(r.active(), base == null || base.active());
        return new StaffSpec(branch.id(), name, username, userId, active);
    }

    private void requireFreeStaffName(long companyId, String name, @Nullable Long staffId) {
        directory.allStaff(companyId).stream()
                .filter(s -> s.name().equals(name) && (staffId == null || s.id() != staffId))
                .findFirst()
                .ifPresent(s -> {
                    throw AdminException.conflict("name", "staff member '" + name + "' already exists (id " + s.id()
                            + "); callers ask for staff by name");
                });
    }

    private Staff staffOf(long companyId, long staffId) {
        existingCompany(companyId);
        return directory.allStaff(companyId).stream().filter(s -> s.id() == staffId).findFirst()
                .orElseThrow(() -> AdminException.notFound("staff member " + staffId + " of company " + companyId));
    }

    // --- who performs which service ---

    @Transactional(readOnly = true)
    List<StaffView> staffOfService(long companyId, long serviceId) {
        serviceOf(companyId, serviceId);
        Set<Long> linked = new HashSet<>(directory.linkedStaffIds(companyId, serviceId));
        return directory.allStaff(companyId).stream().filter(s -> linked.contains(s.id())).map(StaffView::of)
                .toList();
    }

    /** @return whether the link is new */
    boolean link(long companyId, long serviceId, @Nullable Long staffId) {
        serviceOf(companyId, serviceId);
        List<Long> ids = staffIds(companyId, "staffId", staffId == null ? null : List.of(staffId));
        if (ids == null) {
            throw AdminException.missing("staffId");
        }
        return directory.linkServiceStaff(companyId, serviceId, ids.get(0));
    }

    void unlink(long companyId, long serviceId, long staffId) {
        serviceOf(companyId, serviceId);
        if (!directory.unlinkServiceStaff(companyId, serviceId, staffId)) {
            throw AdminException.notFound("staff member " + staffId + " on service " + serviceId);
        }
    }

    List<StaffView> replaceStaffOfService(long companyId, long serviceId, @Nullable List<Long> staffIds) {
        serviceOf(companyId, serviceId);
        List<Long> wanted = staffIds(companyId, "staffIds", staffIds);
        if (wanted == null) {
            throw AdminException.missing("staffIds");
        }
        replaceLinks(companyId, serviceId, wanted);
        return staffOfService(companyId, serviceId);
    }

    @Transactional(readOnly = true)
    StaffEventTypeView staffEventType(long companyId, long serviceId, long staffId) {
        serviceOf(companyId, serviceId);
        Staff staff = linkedStaff(companyId, serviceId, staffId);
        StaffEventType own = directory.staffEventTypes(companyId, serviceId).get(staffId);
        return new StaffEventTypeView(serviceId, staffId, staff.name(), own == null ? null : own.eventTypeId(),
                own == null ? null : own.slug());
    }

    /**
     * Sets by hand where a staff member is booked when asked for by name (for when the Cal.com sync can't map them):
     * their own event type, never the service's team event type, and not one another staff member of the service has.
     */
    StaffEventTypeView setStaffEventType(long companyId, long serviceId, long staffId, StaffEventTypeRequest request) {
        Service service = serviceOf(companyId, serviceId);
        linkedStaff(companyId, serviceId, staffId);
        Long eventTypeId = request.eventTypeId();
        if (eventTypeId == null) {
            throw AdminException.missing("eventTypeId");
        }
        if (eventTypeId <= 0) {
            throw AdminException.invalid("eventTypeId", "eventTypeId must be a positive Cal.com event type id");
        }
        String slug = request.slug() == null || request.slug().isBlank() ? null : request.slug().trim();
        if (slug != null && !slug.matches("[A-Za-z0-9][A-Za-z0-9_-]{0,99}")) {
            throw AdminException.invalid("slug", "slug must be a Cal.com event type slug (letters, digits, - and _, "
                    + "at most 100)");
        }
        if (service.calcomTeamId() != null && eventTypeId.equals(service.calcomEventTypeId())) {
            throw AdminException.invalid("eventTypeId", "event type " + eventTypeId + " is the service's team event "
                    + "type for any host; a staff member is booked alone only on an event type of their own "
                    + "(a managed child or their personal event type)");
        }
        directory.staffEventTypes(companyId, serviceId).values().stream()
                .filter(other -> other.staffId() != staffId && other.eventTypeId() == eventTypeId)
                .findFirst()
                .ifPresent(other -> {
                    throw AdminException.conflict("eventTypeId", "event type " + eventTypeId + " is already staff "
                            + "member " + other.staffId() + "'s own event type for this service");
                });
        directory.setStaffEventType(companyId, serviceId, staffId, eventTypeId, slug);
        return staffEventType(companyId, serviceId, staffId);
    }

    StaffEventTypeView clearStaffEventType(long companyId, long serviceId, long staffId) {
        serviceOf(companyId, serviceId);
        linkedStaff(companyId, serviceId, staffId);
        directory.setStaffEventType(companyId, serviceId, staffId, null, null);
        return staffEventType(companyId, serviceId, staffId);
    }

    private Staff linkedStaff(long companyId, long serviceId, long staffId) {
        Staff staff = staffOf(companyId, staffId);
        if (!directory.linkedStaffIds(companyId, serviceId).contains(staffId)) {
            throw AdminException.notFound("staff member " + staffId + " on service " + serviceId
                    + " (link them to the service first)");
        }
        return staff;
    }

    private void replaceLinks(long companyId, long serviceId, List<Long> wanted) {
        List<Long> linked = directory.linkedStaffIds(companyId, serviceId);
        for (Long staffId : linked) {
            if (!wanted.contains(staffId)) {
                directory.unlinkServiceStaff(companyId, serviceId, staffId);
            }
        }
        for (Long staffId : wanted) {
            if (!linked.contains(staffId)) {
                directory.linkServiceStaff(companyId, serviceId, staffId);
            }
        }
    }

    /** Null stays null ("not given"); every id must be a staff member of this company. */
    private @Nullable List<Long> staffIds(long companyId, String field, @Nullable List<Long> ids) {
        if (ids == null) {
            return null;
        }
        Set<Long> known = new HashSet<>();
        directory.allStaff(companyId).forEach(s -> known.add(s.id()));
        Set<Long> unique = new LinkedHashSet<>();
        for (Long id : ids) {
            if (id == null || !known.contains(id)) {
                throw AdminException.invalid(field, "company " + companyId + " has no staff member " + id);
            }
            unique.add(id);
        }
        return List.copyOf(unique);
    }

    private static <T extends @Nullable Object> T pick(@Nullable T given, T fallback) {
        return given != null ? given : fallback;
    }
}
