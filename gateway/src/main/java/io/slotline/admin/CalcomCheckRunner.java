package io.slotline.admin;

import io.slotline.tenancy.Company;
import io.slotline.tenancy.TenantDirectory;
import java.io.PrintStream;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Runs the Cal.com check of the company named by {@code slotline.calcom-check} (slug or id) and prints the findings:
 * what must be fixed first, then warnings, then what is fine, each with what to do. Started by
 * {@link CalcomCheckCommand} it is the whole run; the exit code says whether something must be fixed.
 */
@Component
@ConditionalOnProperty(name = CalcomCheckCommand.COMPANY_PROPERTY)
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class CalcomCheckRunner implements ApplicationRunner, ExitCodeGenerator {

    /** Where Cal.com reaches the gateway when neither --base-url nor slotline.public-base-url says. */
    static final String DEFAULT_BASE_URL = "http://localhost:8080";

    private final CalcomCheck check;
    private final TenantDirectory directory;
    private final String company;
    private final String baseUrl;
    private final boolean baseUrlGiven;
    private volatile int exitCode = CalcomCheckCommand.USAGE;

    CalcomCheckRunner(
            CalcomCheck check,
            TenantDirectory directory,
            @Value("${" + CalcomCheckCommand.COMPANY_PROPERTY + "}") String company,
            @Value("${" + CalcomCheckCommand.BASE_URL_PROPERTY + ":${slotline.public-base-url:}}") @Nullable String baseUrl) {
        this.check = check;
        this.directory = directory;
        this.company = company.trim();
        this.baseUrlGiven = baseUrl != null && !baseUrl.isBlank();
        this.baseUrl = baseUrl != null && baseUrlGiven ? baseUrl.trim() : DEFAULT_BASE_URL;
    }

    @Override
    public void run(ApplicationArguments args) {
        Optional<Company> found = find(company);
        if (found.isEmpty()) {
            System.err.println("No company " + company + " (give its slug or id).");
            exitCode = CalcomCheckCommand.USAGE;
            return;
        }
        CalcomCheck.Report report = check.check(found.get().id(), baseUrl);
        print(report, System.out);
        exitCode = report.ok() ? CalcomCheckCommand.OK : CalcomCheckCommand.MUST_FIX;
    }

    private Optional<Company> find(String name) {
        if (name.matches("\\d{1,18}")) {
            Optional<Company> byId = directory.companyUncached(Long.parseLong(name));
            if (byId.isPresent()) {
                return byId;
            }
        }
        return directory.companyBySlugUncached(name);
    }

    void print(CalcomCheck.Report report, PrintStream out) {
        out.println("Cal.com check of " + report.company() + " (company " + report.companyId() + "): "
                + (report.ok() ? "nothing must be fixed" : plural(report.errors(), "thing") + " must be fixed")
                + (report.warnings() > 0 ? ", " + plural(report.warnings(), "warning") : "") + ".");
        if (!baseUrlGiven) {
            out.println("(Webhooks were checked for " + baseUrl + "/calcom/webhook; give --base-url or set "
                    + "slotline.public-base-url to where Cal.com reaches Slotline.)");
        }
        for (CalcomCheck.Level level :
                new CalcomCheck.Level[] {CalcomCheck.Level.ERROR, CalcomCheck.Level.WARNING, CalcomCheck.Level.OK}) {
            for (CalcomCheck.Finding finding : report.findings()) {
                if (finding.level() != level) {
                    continue;
                }
                out.println();
                out.println(label(level) + finding.subject() + ": " + finding.finding());
                if (finding.fix() != null) {
                    out.println("           Fix: " + finding.fix());
                }
            }
        }
    }

    private static String label(CalcomCheck.Level level) {
        return switch (level) {
            case ERROR -> "MUST FIX   ";
            case WARNING -> "WARNING    ";
            case OK -> "OK         ";
        };
    }

    private static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
