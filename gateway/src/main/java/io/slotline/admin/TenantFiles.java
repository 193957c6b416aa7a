package io.slotline.admin;

import io.slotline.tenancy.ImportReport;
import io.slotline.tenancy.TenantDirectory;
import io.slotline.tenancy.TenantFile;
import io.slotline.tenancy.TenantImporter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies tenant files for the API and the command line: the importer does the work in one transaction; this adds
 * the admin API's checks (E.164 numbers, IANA zones, a number owned by another tenant is a 409 naming the entry)
 * and the dry run, which applies inside a transaction that is then rolled back.
 */
@Component
class TenantFiles {

    private final TenantImporter importer;
    private final TenantDirectory directory;
    private final TransactionTemplate transactions;

    TenantFiles(TenantImporter importer, TenantDirectory directory, TransactionTemplate transactions) {
        this.importer = importer;
        this.directory = directory;
        this.transactions = transactions;
    }

    /** @param changed whether anything was (or, in a dry run, would be) created, updated or unlinked */
    @Schema(name = "ApplyResult")
    record ApplyResult(boolean dryRun, boolean changed, ImportReport report) {}

    ApplyResult apply(TenantFile file, boolean dryRun) {
        check(file);
        ImportReport report = transactions.execute(status -> {
            ImportReport applied = importer.apply(file);
            if (dryRun) {
                status.setRollbackOnly();
            }
            return applied;
        });
        if (report == null) {
            throw new IllegalStateException("tenant import returned no report");
        }
        if (dryRun) {
            // the rolled-back rows may have been cached meanwhile
            directory.evictAll();
        }
        return new ApplyResult(dryRun, report.changed(), report);
    }

    private void check(TenantFile file) {
        String slug = Fields.slug("company.slug", file.company().slug());
        if (file.company().defaultTimeZone() != null) {
            Fields.zone(
                    "company.defaultTimeZone", file.company().defaultTimeZone().getId());
        }
        Set<String> inFile = new HashSet<>();
        List<TenantFile.BranchEntry> branches = file.branches();
        for (int b = 0; b < branches.size(); b++) {
            TenantFile.BranchEntry branch = branches.get(b);
            if (branch.timeZone() != null) {
                Fields.zone("branches[" + b + "].timeZone", branch.timeZone().getId());
            }
            List<String> numbers = branch.phoneNumbers() == null ? List.of() : branch.phoneNumbers();
            for (int n = 0; n < numbers.size(); n++) {
                String field = "branches[" + b + "].phoneNumbers[" + n + "]";
                String e164 = Fields.e164(field, numbers.get(n));
                if (!inFile.add(e164)) {
                    throw AdminException.conflict(field, e164 + " is listed twice; a number routes to one branch");
                }
                directory
                        .phoneNumber(e164)
                        .filter(owned -> directory
                                .companyUncached(owned.companyId())
                                .map(owner -> !owner.slug().equals(slug))
                                .orElse(true))
                        .ifPresent(owned -> {
                            throw AdminException.conflict(field, e164 + " already belongs to another company");
                        });
            }
        }
        for (int s = 0; s < file.services().size(); s++) {
            TenantFile.ServiceEntry service = file.services().get(s);
            Fields.range("services[" + s + "].durationMinutes", service.durationMinutes(), 1, 1440);
            if (service.priceCents() != null) {
                Fields.range("services[" + s + "].priceCents", service.priceCents(), 0, Integer.MAX_VALUE);
            }
        }
    }
}
