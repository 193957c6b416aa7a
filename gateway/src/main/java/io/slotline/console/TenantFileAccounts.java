package io.slotline.console;

import io.slotline.tenancy.ConsoleAccountImport;
import io.slotline.tenancy.ImportReport.Counts;
import io.slotline.tenancy.TenantFile;
import java.util.List;
import org.springframework.stereotype.Component;

/** A tenant file's {@code consoleAccounts}: company accounts of that company, applied idempotently. */
@Component
class TenantFileAccounts implements ConsoleAccountImport {

    private final ConsoleAccountService accounts;

    TenantFileAccounts(ConsoleAccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public Counts apply(long companyId, List<TenantFile.ConsoleAccountEntry> entries) {
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        for (int i = 0; i < entries.size(); i++) {
            TenantFile.ConsoleAccountEntry entry = entries.get(i);
            try {
                switch (accounts.apply(new ConsoleAccountService.AccountSpec(
                                entry.username(),
                                entry.password(),
                                entry.passwordHash(),
                                AccountRole.COMPANY,
                                companyId,
                                entry.language(),
                                entry.active()))
                        .outcome()) {
                    case CREATED -> created++;
                    case UPDATED -> updated++;
                    case UNCHANGED -> unchanged++;
                }
            } catch (ConsoleAccountException e) {
                throw new IllegalArgumentException(
                        "consoleAccounts[" + i + "]" + (e.field() == null ? "" : "." + e.field()) + ": "
                                + e.getMessage(),
                        e);
            }
        }
        return new Counts(created, updated, unchanged, 0);
    }
}
