package io.slotline.tenancy;

import java.util.List;

/**
 * Applies a tenant file's console accounts (implemented by the console, which owns them), inside the import's
 * transaction: a refused account refuses the whole file.
 */
public interface ConsoleAccountImport {

    /** @throws IllegalArgumentException for an account that cannot be applied (taken by another company, bad password) */
    ImportReport.Counts apply(long companyId, List<TenantFile.ConsoleAccountEntry> accounts);
}
