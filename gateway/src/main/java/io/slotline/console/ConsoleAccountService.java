package io.slotline.console;

import io.slotline.console.ConsoleAccountException.Kind;
import io.slotline.tenancy.Language;
import io.slotline.tenancy.TenantDirectory;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates and changes console accounts for the admin API, tenant files and the command line. Passwords are only
 * ever stored encoded (bcrypt through Spring Security's delegating encoder); an already encoded one (e.g.
 * {@code {bcrypt}$2a$10$...}) may be given instead so that plain passwords need not sit in files.
 */
@Service
public class ConsoleAccountService {

    static final int MIN_PASSWORD_LENGTH = 10;
    static final int MAX_PASSWORD_LENGTH = 128;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{2,79}");
    private static final Pattern ENCODED = Pattern.compile("\\{(bcrypt|argon2@SpringSecurity_v5_8|argon2|"
            + "pbkdf2@SpringSecurity_v5_8|scrypt@SpringSecurity_v5_8)}\\S{20,190}");

    /** What a new account or an update of one asks for; exactly one of password and passwordHash for a new one. */
    public record AccountSpec(
            String username,
            @Nullable String password,
            @Nullable String passwordHash,
            AccountRole role,
            @Nullable Long companyId,
            @Nullable Language language,
            @Nullable Boolean active) {

        @Override
        public String toString() {
            return "AccountSpec[" + username + ", " + role + ", company " + companyId + "]";
        }
    }

    /** What applying an account did. */
    public enum Outcome {
        CREATED,
        UPDATED,
        UNCHANGED
    }

    public record Applied(ConsoleAccount account, Outcome outcome) {}

    private final ConsoleAccounts accounts;
    private final PasswordEncoder encoder;
    private final TenantDirectory directory;

    ConsoleAccountService(ConsoleAccounts accounts, PasswordEncoder encoder, TenantDirectory directory) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.directory = directory;
    }

    public List<ConsoleAccount> list(@Nullable Long companyId) {
        return accounts.list(companyId);
    }

    public Optional<ConsoleAccount> find(long id) {
        return accounts.byId(id).map(ConsoleAccounts.Stored::account);
    }

    public Optional<ConsoleAccount> findByUsername(String username) {
        return accounts.byUsername(normalized(username)).map(ConsoleAccounts.Stored::account);
    }

    /** A new account; 409 when the username is taken. */
    @Transactional
    public ConsoleAccount create(AccountSpec spec) {
        String username = username(spec.username());
        checkScope(spec.role(), spec.companyId());
        String hash = hash(spec.password(), spec.passwordHash(), true);
        try {
            long id = accounts.insert(
                    username,
                    hash,
                    spec.role(),
                    spec.companyId(),
                    spec.language(),
                    spec.active() == null || spec.active());
            return find(id).orElseThrow();
        } catch (DuplicateKeyException e) {
            throw new ConsoleAccountException(Kind.CONFLICT, "username", "username " + username + " is taken");
        }
    }

    /** Changes only what is given (a null password or language keeps the stored one). */
    @Transactional
    public ConsoleAccount change(
            long id,
            @Nullable String password,
            @Nullable String passwordHash,
            @Nullable Language language,
            @Nullable Boolean active) {
        ConsoleAccounts.Stored stored = accounts.byId(id)
                .orElseThrow(() -> new ConsoleAccountException(Kind.NOT_FOUND, null, "console account " + id));
        String hash =
                password == null && passwordHash == null ? stored.passwordHash() : hash(password, passwordHash, true);
        ConsoleAccount account = stored.account();
        accounts.update(
                id, hash, language == null ? account.language() : language, active == null ? account.active() : active);
        return find(id).orElseThrow();
    }

    /**
     * Creates the account or brings it to the spec (tenant files, the command line, demo data): applying the same
     * spec again changes nothing. An account of another company, or an operator for a company, is refused.
     */
    @Transactional
    public Applied apply(AccountSpec spec) {
        String username = username(spec.username());
        checkScope(spec.role(), spec.companyId());
        Optional<ConsoleAccounts.Stored> existing = accounts.byUsername(username);
        if (existing.isEmpty()) {
            return new Applied(create(spec), Outcome.CREATED);
        }
        ConsoleAccount account = existing.get().account();
        if (account.role() != spec.role() || !Objects.equals(account.companyId(), spec.companyId())) {
            throw new ConsoleAccountException(
                    Kind.CONFLICT,
                    "username",
                    "username " + username + " belongs to another "
                            + (account.role() == AccountRole.OPERATOR ? "account (an operator)" : "company"));
        }
        String storedHash = existing.get().passwordHash();
        String hash = storedHash;
        if (spec.passwordHash() != null) {
            hash = hash(null, spec.passwordHash(), true);
        } else if (spec.password() != null && !matches(spec.password(), storedHash)) {
            hash = hash(spec.password(), null, true);
        }
        Language language = spec.language() == null ? account.language() : spec.language();
        boolean active = spec.active() == null ? account.active() : spec.active();
        if (hash.equals(storedHash) && language == account.language() && active == account.active()) {
            return new Applied(account, Outcome.UNCHANGED);
        }
        accounts.update(account.id(), hash, language, active);
        return new Applied(find(account.id()).orElseThrow(), Outcome.UPDATED);
    }

    private boolean matches(String password, String hash) {
        try {
            return encoder.matches(password, hash);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private void checkScope(AccountRole role, @Nullable Long companyId) {
        if (role == AccountRole.OPERATOR && companyId != null) {
            throw new ConsoleAccountException(
                    Kind.INVALID, "companyId", "an operator account sees every company: " + "leave companyId out");
        }
        if (role == AccountRole.COMPANY) {
            if (companyId == null) {
                throw new ConsoleAccountException(Kind.INVALID, "companyId", "a company account needs companyId");
            }
            if (directory.companyUncached(companyId).isEmpty()) {
                throw new ConsoleAccountException(Kind.NOT_FOUND, "companyId", "company " + companyId);
            }
        }
    }

    private String hash(@Nullable String password, @Nullable String passwordHash, boolean required) {
        if (password != null && passwordHash != null) {
            throw new ConsoleAccountException(Kind.INVALID, "password", "give password or passwordHash, not both");
        }
        if (passwordHash != null) {
            if (!ENCODED.matcher(passwordHash).matches()) {
                throw new ConsoleAccountException(
                        Kind.INVALID,
                        "passwordHash",
                        "passwordHash must be an encoded password such as {bcrypt}$2a$10$...");
            }
            return passwordHash;
        }
        if (password == null) {
            if (required) {
                throw new ConsoleAccountException(Kind.INVALID, "password", "password is required");
            }
            return "";
        }
        if (password.length() < MIN_PASSWORD_LENGTH || password.length() > MAX_PASSWORD_LENGTH) {
            throw new ConsoleAccountException(
                    Kind.INVALID,
                    "password",
                    "password must have " + MIN_PASSWORD_LENGTH + " to " + MAX_PASSWORD_LENGTH + " characters");
        }
        if (password.isBlank()) {
            throw new ConsoleAccountException(Kind.INVALID, "password", "password must not be blank");
        }
        return Objects.requireNonNull(encoder.encode(password)); // null only for a null password
    }

    static String normalized(String username) {
        return username.trim().toLowerCase(Locale.ROOT);
    }

    private static String username(@Nullable String raw) {
        if (raw == null || raw.isBlank()) {
            throw new ConsoleAccountException(Kind.INVALID, "username", "username is required");
        }
        String username = normalized(raw);
        if (!USERNAME.matcher(username).matches()) {
            throw new ConsoleAccountException(
                    Kind.INVALID, "username", "username must be 3 to 80 characters: letters, digits and . _ @ -");
        }
        return username;
    }
}
