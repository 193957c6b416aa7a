package io.slotline.admin;

import io.slotline.calcom.CalcomAccount;
import io.slotline.calcom.CalcomApi;
import io.slotline.calcom.CalcomException;
import io.slotline.calcom.RateLimitStatus;
import io.slotline.tenancy.Company;
import io.slotline.tenancy.Service;
import io.slotline.tenancy.TenantDirectory;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Checks a company's live Cal.com account against what the phone flow needs, and says in plain words what to fix:
 * the key works, the user and their teams are found, each service's event type is listed and bookable by phone (no
 * required question a caller can't answer), each staff member has an event type of their own for each service, every
 * event type has a webhook to Slotline at the level Cal.com delivers it (team event type, managed parent), and
 * Cal.com reports its rate limit. Reads only; changes nothing.
 */
@Component
class CalcomCheck {

    /** Triggers Slotline needs to follow bookings made outside the phone. */
    static final Set<String> NEEDED_TRIGGERS = Set.of("BOOKING_CREATED", "BOOKING_RESCHEDULED", "BOOKING_CANCELLED");

    private final TenantDirectory directory;
    private final CalcomApi calcom;
    private final CalcomWebhooks webhooks;
    private final ServiceCheck services;

    CalcomCheck(TenantDirectory directory, CalcomApi calcom, CalcomWebhooks webhooks, ServiceCheck services) {
        this.directory = directory;
        this.calcom = calcom;
        this.webhooks = webhooks;
        this.services = services;
    }

    enum Level {
        OK,
        WARNING,
        ERROR
    }

    @Schema(name = "CalcomCheckFinding")
    record Finding(
            Level level,
            String subject,
            String finding,
            @Nullable String fix) {}

    @Schema(name = "CalcomCheckReport")
    record Report(long companyId, String company, boolean ok, int errors, int warnings, List<Finding> findings) {}

    /** @param baseUrl where Cal.com reaches this gateway, when slotline.public-base-url is not set */
    Report check(long companyId, String baseUrl) {
        Company company =
                directory.companyUncached(companyId).orElseThrow(() -> AdminException.notFound("company " + companyId));
        List<Finding> findings = new ArrayList<>();
        Optional<String> apiKey = directory.calcomApiKey(companyId);
        if (apiKey.isEmpty()) {
            findings.add(new Finding(
                    Level.ERROR,
                    "Cal.com API key",
                    "The company has no Cal.com API key.",
                    "Set calcomApiKey on the company (Cal.com: Settings, Developer, API keys)."));
            return report(company, findings);
        }
        CalcomAccount account = new CalcomAccount(company.slug(), apiKey.get());
        CalcomListing found;
        try {
            found = CalcomListing.discover(calcom, account);
        } catch (CalcomException.Unauthorized e) {
            findings.add(new Finding(
                    Level.ERROR,
                    "Cal.com API key",
                    "Cal.com refuses the company's API key.",
                    "Create a new API key for the salon's owner in Cal.com and set it as calcomApiKey."));
            return report(company, findings);
        } catch (CalcomException e) {
            findings.add(new Finding(
                    Level.ERROR,
                    "Cal.com",
                    "Cal.com could not be read: " + e.getMessage(),
                    "Check slotline.calcom.base-url and try again."));
            return report(company, findings);
        }
        findings.add(new Finding(
                Level.OK,
                "Cal.com API key",
                "The key works and belongs to Cal.com user " + found.user().username() + ".",
                null));
        if (found.teams().isEmpty()) {
            findings.add(new Finding(
                    Level.WARNING,
                    "Team",
                    "The key's user is in no team, so no service can be " + "booked with any of several stylists.",
                    "Create a team in Cal.com with every stylist as a "
                            + "member and a round-robin event type per service."));
        } else {
            findings.add(new Finding(
                    Level.OK,
                    "Team",
                    "Teams found: "
                            + String.join(
                                    ", ",
                                    found.teams().stream()
                                            .map(team -> team.slug() != null ? team.slug() : team.name())
                                            .toList())
                            + ".",
                    null));
        }
        String webhookUrl = webhooks.subscriberUrl(company, baseUrl);
        for (Service service : directory.activeServices(companyId)) {
            services.check(account, found, service, webhookUrl, findings);
        }
        Optional<RateLimitStatus> limits = calcom.rateLimitStatus(account.name());
        findings.add(
                limits.isPresent()
                        ? new Finding(
                                Level.OK,
                                "Rate limit",
                                "Rate-limit headers seen: Cal.com's limit "
                                        + limits.get().name() + " allows this key "
                                        + limits.get().limit() + " requests per window, "
                                        + limits.get().remaining() + " left."
                                        + (RateLimitStatus.DEFAULT_NAME.equals(
                                                        limits.get().name())
                                                ? ""
                                                : " (a custom limit of the key, read from X-RateLimit-*-"
                                                        + limits.get().name() + ")"),
                                null)
                        : new Finding(
                                Level.WARNING,
                                "Rate limit",
                                "Cal.com sent no rate-limit headers, so Slotline can't "
                                        + "see how much of the key's budget is left.",
                                "Check slotline.calcom.base-url points at "
                                        + "Cal.com's API v2 (https://api.cal.com)."));
        return report(company, findings);
    }

    private static Report report(Company company, List<Finding> findings) {
        int errors =
                (int) findings.stream().filter(f -> f.level() == Level.ERROR).count();
        int warnings =
                (int) findings.stream().filter(f -> f.level() == Level.WARNING).count();
        return new Report(company.id(), company.slug(), errors == 0, errors, warnings, List.copyOf(findings));
    }
}
