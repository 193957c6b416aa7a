package io.slotline.admin;

import static io.slotline.admin.Fields.pick;
import static io.slotline.admin.Fields.pickNullable;

import io.slotline.admin.TenantRequests.CompanyRequest;
import io.slotline.admin.TenantRequests.FeeRuleRequest;
import io.slotline.admin.TenantRequests.PoliciesRequest;
import io.slotline.admin.TenantViews.CompanyView;
import io.slotline.tenancy.ChangeVerification;
import io.slotline.tenancy.Company;
import io.slotline.tenancy.CompanySecret;
import io.slotline.tenancy.CompanySpec;
import io.slotline.tenancy.FeeRule;
import io.slotline.tenancy.Language;
import io.slotline.tenancy.Policies;
import io.slotline.tenancy.TenantDirectory;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Companies for the admin API: their settings, policies and secrets. Like every admin resource class, a request is
 * checked completely before the first row is written; the transaction is the safety net for what only the database
 * can tell (a concurrent insert of the same slug), so a request is either applied whole or not at all.
 */
@Component
@Transactional
class CompanyAdmin {

    private static final String DEFAULT_ZONE = "Europe/Berlin";
    private static final int DEFAULT_BOOKING_WINDOW_DAYS = 60;
    static final int MAX_HOURS = 24 * 365;
    static final int MAX_PRICE_CENTS = 100_000_000;

    private final TenantDirectory directory;

    CompanyAdmin(TenantDirectory directory) {
        this.directory = directory;
    }

    @Transactional(readOnly = true)
    List<CompanyView> companies() {
        return directory.allCompanies().stream().map(this::view).toList();
    }

    @Transactional(readOnly = true)
    CompanyView company(long companyId) {
        return view(existing(companyId));
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
        Company existing = existing(companyId);
        CompanySpec spec = companySpec(request, partial ? existing : null);
        Map<CompanySecret, String> secrets = secrets(request);
        requireFreeSlug(spec.slug(), companyId);
        directory.updateCompany(companyId, spec);
        secrets.forEach((kind, value) -> directory.setSecret(companyId, kind, value));
        return company(companyId);
    }

    CompanyView deactivateCompany(long companyId) {
        Company c = existing(companyId);
        directory.updateCompany(
                companyId,
                new CompanySpec(
                        c.slug(),
                        c.name(),
                        c.language(),
                        c.defaultTimeZone(),
                        c.policies(),
                        c.bookingWindowDays(),
                        false));
        return company(companyId);
    }

    /** The company of a request's path; every other admin resource starts here (404 when unknown). */
    Company existing(long companyId) {
        return directory.companyUncached(companyId).orElseThrow(() -> AdminException.notFound("company " + companyId));
    }

    private CompanySpec companySpec(CompanyRequest r, @Nullable Company base) {
        String slug = Fields.slug("slug", pickNullable(r.slug(), base == null ? null : base.slug()));
        String name = Fields.text("name", pickNullable(r.name(), base == null ? null : base.name()), 200);
        Language language = Fields.language(
                "language",
                pick(
                        r.language(),
                        base == null ? Language.DE.code() : base.language().code()));
        ZoneId zone = Fields.zone(
                "defaultTimeZone",
                pick(
                        r.defaultTimeZone(),
                        base == null ? DEFAULT_ZONE : base.defaultTimeZone().getId()));
        Policies policies = policies(r.policies(), base == null ? Policies.DEFAULTS : base.policies());
        int window = Fields.range(
                "bookingWindowDays",
                pick(r.bookingWindowDays(), base == null ? DEFAULT_BOOKING_WINDOW_DAYS : base.bookingWindowDays()),
                1,
                730);
        boolean active = pick(r.active(), base == null || base.active());
        return new CompanySpec(slug, name, language, zone, policies, window, active);
    }

    private static Policies policies(@Nullable PoliciesRequest r, Policies base) {
        if (r == null) {
            return base;
        }
        int cancel = Fields.range(
                "policies.cancellationDeadlineHours",
                pick(r.cancellationDeadlineHours(), base.cancellationDeadlineHours()),
                0,
                MAX_HOURS);
        int reschedule = Fields.range(
                "policies.rescheduleDeadlineHours",
                pick(r.rescheduleDeadlineHours(), base.rescheduleDeadlineHours()),
                0,
                MAX_HOURS);
        int maxReschedules =
                Fields.range("policies.maxReschedules", pick(r.maxReschedules(), base.maxReschedules()), 0, 100);
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
                fees.add(new FeeRule(
                        Fields.range(field + ".minNoticeHours", fee.minNoticeHours(), 0, MAX_HOURS),
                        Fields.range(field + ".feeCents", fee.feeCents(), 0, MAX_PRICE_CENTS)));
            }
        }
        ChangeVerification verification = base.changeVerification();
        if (r.changeVerification() != null) {
            try {
                verification = ChangeVerification.fromCode(r.changeVerification());
            } catch (IllegalArgumentException e) {
                throw AdminException.invalid(
                        "policies.changeVerification", "must be one of " + ChangeVerification.codes());
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
            secrets.put(
                    CompanySecret.CALCOM_WEBHOOK_SECRET, Fields.secret("calcomWebhookSecret", r.calcomWebhookSecret()));
        }
        if (r.retellApiKey() != null) {
            secrets.put(CompanySecret.RETELL_API_KEY, Fields.secret("retellApiKey", r.retellApiKey()));
        }
        return secrets;
    }

    private void requireFreeSlug(String slug, @Nullable Long companyId) {
        directory
                .companyBySlugUncached(slug)
                .filter(other -> companyId == null || other.id() != companyId)
                .ifPresent(other -> {
                    throw AdminException.conflict("slug", "slug '" + slug + "' is taken by company " + other.id());
                });
    }

    private CompanyView view(Company company) {
        return CompanyView.of(company, directory.secretHints(company.id()));
    }
}
