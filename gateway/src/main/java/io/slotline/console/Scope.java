package io.slotline.console;

import org.jspecify.annotations.Nullable;

/**
 * Which company's rows a console query may return: one company, or (operators only) all. Made only by
 * {@link ConsoleUser#scope}, so every query's limit comes from the signed-in account.
 */
record Scope(@Nullable Long companyId) {

    boolean all() {
        return companyId == null;
    }

    /** The one company of a limited scope (callers ask {@link #all()} first, or asked for one company). */
    long company() {
        if (companyId == null) {
            throw new IllegalStateException("the scope is all companies");
        }
        return companyId;
    }

    /** The SQL condition on a company_id column; binds {@code :scopeCompany} when limited. */
    String on(String column) {
        return companyId == null ? "TRUE" : column + " = :scopeCompany";
    }
}
