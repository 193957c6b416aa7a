package io.slotline.tenancy;

import java.time.ZoneId;
import java.util.regex.Pattern;

/** What an admin (or a tenant file) says a company should be; the id and secrets are handled separately. */
public record CompanySpec(
        String slug,
        String name,
        Language language,
        ZoneId defaultTimeZone,
        Policies policies,
        int bookingWindowDays,
        boolean active) {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    public CompanySpec {
        if (slug == null || slug.length() > 80 || !SLUG.matcher(slug).matches()) {
            throw new IllegalArgumentException("company slug must be lowercase letters, digits and single dashes "
                    + "(max 80), got '" + slug + "'");
        }
        TenancyValidation.requireText(name, "company name", 200);
        TenancyValidation.requireNonNull(language, "company language");
        TenancyValidation.requireNonNull(defaultTimeZone, "company defaultTimeZone");
        policies = policies == null ? Policies.DEFAULTS : policies;
        if (bookingWindowDays <= 0) {
            throw new IllegalArgumentException("bookingWindowDays must be > 0");
        }
    }

    static CompanySpec of(Company company) {
        return new CompanySpec(
                company.slug(),
                company.name(),
                company.language(),
                company.defaultTimeZone(),
                company.policies(),
                company.bookingWindowDays(),
                company.active());
    }
}
