package io.slotline.console;

import io.slotline.tenancy.Language;
import java.io.Serializable;
import org.jspecify.annotations.Nullable;

/** Who is signed in to the console: kept in the session as the principal. */
record ConsoleUser(
        long accountId,
        String username,
        AccountRole role,
        @Nullable Long companyId,
        @Nullable Language language) implements Serializable {

    static ConsoleUser of(ConsoleAccount account) {
        return new ConsoleUser(
                account.id(), account.username(), account.role(), account.companyId(), account.language());
    }

    public boolean operator() {
        return role == AccountRole.OPERATOR;
    }

    /** Whether this user may see anything of the company. */
    boolean sees(long company) {
        return operator() || companyId != null && companyId == company;
    }

    /** What this user's queries may see, narrowed to one company when asked (see {@link #companyFilter}). */
    Scope scope(@Nullable Long requested) {
        return new Scope(companyFilter(requested));
    }

    /**
     * The company a list is limited to: always the account's own for a company account (asking for another one is
     * a 404, as if it did not exist); for an operator the requested one, or null for all.
     */
    @Nullable Long companyFilter(@Nullable Long requested) {
        if (operator()) {
            return requested;
        }
        if (requested != null && !requested.equals(companyId)) {
            throw new ConsoleNotFoundException();
        }
        return companyId;
    }
}
